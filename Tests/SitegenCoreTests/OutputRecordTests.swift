import Foundation
import Testing

@testable import SitegenCore

/// The output record lists an output by stating its folders: whatever was done to the folders
/// since, the listing must equal a walk of the output, and builds that use it must still equal
/// a fresh build.
@Suite struct OutputRecordTests {
    /// Folder stamps count as settled once older than a quarter of a second.
    static let settle = 0.3

    /// `a/x.html`, `a/b/y.html`, `c/z.html`, `d/w.html` and `r.txt`.
    func makeOutput() throws -> URL {
        let root = try TestPaths.temporaryFolder().appendingPathComponent("out")
        for path in ["a/x.html", "a/b/y.html", "c/z.html", "d/w.html", "r.txt"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        return root
    }

    /// A listing's files and folders, sorted, to compare with a walk's.
    func sorted(_ tree: FolderTree) -> [[String]] { [tree.files.sorted(), tree.folders.sorted()] }

    /// The record of `root` as it is now, written to and read back from a file.
    func recordOf(_ root: URL) throws -> (OutputRecord, URL) {
        let walked = FolderListing.tree(root.path)
        let url = try TestPaths.temporaryFolder().appendingPathComponent("output.cache")
        let record = OutputRecord(made: walked.files, tree: walked, touched: [])
        #expect(record.write(to: url))
        let read = try #require(OutputRecord.read(url))
        #expect(read == record)
        return (read, url)
    }

    @Test func aSettledOutputIsListedWithoutReadingAFolder() throws {
        let root = try makeOutput()
        Thread.sleep(forTimeInterval: Self.settle)
        let (record, _) = try recordOf(root)
        #expect(record.folders.allSatisfy { $0.stamp != nil })
        let listed = record.list(root.path)
        #expect(listed.foldersRead == 0)
        #expect(sorted(listed) == sorted(FolderListing.tree(root.path)))
    }

    @Test func foldersChangedSinceAreReadAgain() throws {
        let root = try makeOutput()
        Thread.sleep(forTimeInterval: Self.settle)
        let (record, _) = try recordOf(root)
        let manager = FileManager.default
        try Data("stray".utf8).write(to: root.appendingPathComponent("a/b/stray.txt"))
        try manager.removeItem(at: root.appendingPathComponent("c"))
        try manager.createDirectory(
            at: root.appendingPathComponent("a/new/deeper"), withIntermediateDirectories: true)
        try Data("n".utf8).write(to: root.appendingPathComponent("a/new/deeper/n.html"))
        // A folder that became a link to another folder is a file, and not looked through.
        try manager.removeItem(at: root.appendingPathComponent("d"))
        try manager.createDirectory(
            at: root.appendingPathComponent("e/d"), withIntermediateDirectories: true)
        try Data("w".utf8).write(to: root.appendingPathComponent("e/d/w.html"))
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("d").path, withDestinationPath: "e")
        let listed = record.list(root.path)
        #expect(listed.foldersRead > 0)
        #expect(sorted(listed) == sorted(FolderListing.tree(root.path)))
        #expect(listed.files.contains("a/b/stray.txt") && listed.files.contains("d"))
    }

    @Test func unsettledAndTouchedFoldersHaveNoStamp() throws {
        let root = try makeOutput()
        let walked = FolderListing.tree(root.path)
        let fresh = OutputRecord(made: walked.files, tree: walked, touched: [])
        #expect(fresh.folders.allSatisfy { $0.stamp == nil }, "made just now")
        Thread.sleep(forTimeInterval: Self.settle)
        let settled = FolderListing.tree(root.path)
        let record = OutputRecord(made: settled.files, tree: settled, touched: ["a/b", ""])
        let unstamped = record.folders.filter { $0.stamp == nil }.map(\.path)
        #expect(unstamped.sorted() == ["", "a/b"])
    }

    @Test func aDamagedRecordOrJournalIsIgnored() throws {
        let root = try makeOutput()
        let (_, url) = try recordOf(root)
        let journal = url.deletingPathExtension().appendingPathExtension("journal")
        try Data(OutputRecord.header.utf8).write(to: journal)
        #expect(OutputRecord.read(url) == nil, "a journal cut short")
        try FileManager.default.removeItem(at: journal)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 3).write(to: url)
        #expect(OutputRecord.read(url) == nil, "a record cut short")
    }

    /// Builds `site` into `public/` with the cache, waiting for the record to be written.
    func build(_ site: URL) throws {
        _ = try InPlaceUpdateTests().build(site, into: "public")
    }

    /// A copy of the `basic` fixture built twice, a settle apart, so its record holds the
    /// output's stamps; with its output folder and record file.
    func settledSite() throws -> (site: URL, output: URL, record: URL) {
        let site = try InPlaceUpdateTests().copyOfFixture("basic")
        try build(site)
        Thread.sleep(forTimeInterval: Self.settle)
        try build(site)
        return (
            site, site.appendingPathComponent("public"),
            site.appendingPathComponent(".sitegen-cache/output.cache")
        )
    }

    @Test func rebuildsThroughTheRecordEqualFreshBuilds() throws {
        let suite = InPlaceUpdateTests()
        let site = try suite.copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        let record = site.appendingPathComponent(".sitegen-cache/output.cache")
        let journal = site.appendingPathComponent(".sitegen-cache/output.journal")
        try build(site)
        // A new output is recorded as it is swapped in, so the next build need not walk it.
        let recorded = try #require(OutputRecord.read(record))
        #expect(recorded.journalLength == 0)
        #expect(sorted(recorded.list(output.path)) == sorted(FolderListing.tree(output.path)))
        Thread.sleep(forTimeInterval: Self.settle)
        try build(site)
        let written = try #require(OutputRecord.read(record))
        #expect(written.folders.contains { $0.stamp != nil })
        #expect(sorted(written.list(output.path)) == sorted(FolderListing.tree(output.path)))
        // An edit, a new page and a removed one go to the journal.
        let page = site.appendingPathComponent("content/guide/setup.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(
            to: page, atomically: true, encoding: .utf8)
        try "---\ntitle: Fresh\n---\nNew.\n".write(
            to: site.appendingPathComponent("content/guide/fresh.md"), atomically: true,
            encoding: .utf8)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/reference"))
        try build(site)
        #expect(FileManager.default.fileExists(atPath: journal.path))
        let journaled = try #require(OutputRecord.read(record))
        #expect(journaled.journalLength == written.journalLength + 1)
        #expect(sorted(journaled.list(output.path)) == sorted(FolderListing.tree(output.path)))
        #expect(suite.tree(output) == (try suite.freshBuild(site)))
        // Stray files in folders the record holds as settled, and in one the journal changed.
        let settled = try #require(journaled.folders.first { $0.stamp != nil && !$0.path.isEmpty })
        try Data("stray".utf8).write(
            to: output.appendingPathComponent(settled.path + "/stray.txt"))
        try Data("stray".utf8).write(to: output.appendingPathComponent("guide/fresh/stray.txt"))
        try build(site)
        let updated = suite.tree(output)
        #expect(updated[settled.path + "/stray.txt"] == nil)
        #expect(updated["guide/fresh/stray.txt"] == nil)
        #expect(updated == (try suite.freshBuild(site)))
    }

    @Test func aJournalOfManyBuildsGivesEachFolderTheFilesItHolds() throws {
        let suite = InPlaceUpdateTests()
        let (site, output, record) = try settledSite()
        let guide = site.appendingPathComponent("content/guide")
        let before = try #require(OutputRecord.read(record)).journalLength
        // One folder's files added, deleted, added again and swapped, a build each: the
        // journal's entries are applied together, in order.
        let extra = guide.appendingPathComponent("extra.txt")
        let other = guide.appendingPathComponent("other.txt")
        let steps: [() throws -> Void] = [
            { try Data("extra".utf8).write(to: extra) },
            { try FileManager.default.removeItem(at: extra) },
            { try Data("extra again".utf8).write(to: extra) },
            {
                try FileManager.default.removeItem(at: extra)
                try Data("other".utf8).write(to: other)
            },
        ]
        for step in steps {
            try step()
            try build(site)
        }
        let journaled = try #require(OutputRecord.read(record))
        #expect(journaled.journalLength == before + steps.count)
        let files = try #require(journaled.folders.first { $0.path == "guide" }).files
        #expect(files.contains("guide/other.txt") && !files.contains("guide/extra.txt"))
        #expect(Set(files).count == files.count, "each file once")
        #expect(sorted(journaled.list(output.path)) == sorted(FolderListing.tree(output.path)))
        #expect(suite.tree(output) == (try suite.freshBuild(site)))
    }

    @Test func aFolderReadAndLeftAloneIsStampedThroughTheJournal() throws {
        let suite = InPlaceUpdateTests()
        let (site, output, record) = try settledSite()
        // A file put in a page's folder and taken out again moves the folder's stamp: the next
        // listing reads it, the update leaves it alone, and the journal notes its new stamp.
        let folder = output.appendingPathComponent("guide/setup")
        let stray = folder.appendingPathComponent("stray.txt")
        try Data("stray".utf8).write(to: stray)
        try FileManager.default.removeItem(at: stray)
        Thread.sleep(forTimeInterval: Self.settle)
        let before = try #require(OutputRecord.read(record))
        #expect(before.list(output.path).foldersRead == 1)
        try build(site)
        let journaled = try #require(OutputRecord.read(record))
        #expect(journaled.journalLength == before.journalLength + 1)
        let listing = journaled.list(output.path)
        #expect(listing.foldersRead == 0, "the folder is not read again")
        #expect(sorted(listing) == sorted(FolderListing.tree(output.path)))
        #expect(suite.tree(output) == (try suite.freshBuild(site)))
    }

    @Test func aBuildWithoutACacheLeavesARecordThatStillHolds() throws {
        let suite = InPlaceUpdateTests()
        let site = try suite.copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        try build(site)
        Thread.sleep(forTimeInterval: Self.settle)
        try build(site)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/reference"))
        _ = try suite.build(site, into: "public", cache: false)
        try build(site)
        #expect(suite.tree(output) == (try suite.freshBuild(site)))
    }
}

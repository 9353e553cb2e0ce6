import Foundation
import Testing

@testable import SitegenCore

/// A build into an existing output moves only new and changed files into it and deletes what
/// it no longer makes, folders included, so the output equals a fresh build's.
@Suite struct InPlaceUpdateTests {
    func copyOfFixture(_ name: String) throws -> URL { try TestPaths.copyOfFixture(name) }

    func build(_ site: URL, into output: String, cache: Bool = true) throws -> BuildReport {
        let report = try SiteBuilder(
            options: BuildOptions(
                paths: SitePaths(root: site, output: site.appendingPathComponent(output)),
                usesCache: cache)
        ).build()
        OutputWriter.finishRemovals()
        return report
    }

    /// Every file (with its bytes) and folder under `folder`, found without sitegen's code.
    func tree(_ folder: URL) -> [String: Data?] {
        var result: [String: Data?] = [:]
        let paths =
            FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for path in paths {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            result[path] =
                isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: full)
        }
        return result
    }

    /// The site built afresh into a folder of its own.
    func freshBuild(_ site: URL) throws -> [String: Data?] {
        let fresh = site.appendingPathComponent("fresh")
        try? FileManager.default.removeItem(at: fresh)
        _ = try build(site, into: "fresh", cache: false)
        return tree(fresh)
    }

    @Test func removedPagesTheirFoldersAndStrayFilesLeaveTheOutput() throws {
        let site = try copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        _ = try build(site, into: "public")
        #expect(tree(output)["reference/api/index.html"] != nil)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/reference"))
        try Data("left by hand".utf8).write(to: output.appendingPathComponent("stray.txt"))
        let report = try build(site, into: "public")
        #expect(report.pageCount > 0)
        let updated = tree(output)
        #expect(updated["reference"] == nil, "the emptied folder is gone")
        #expect(updated["stray.txt"] == nil)
        #expect(updated == (try freshBuild(site)))
        let parent = site.path + "/"
        #expect(!FileManager.default.fileExists(atPath: parent + ".public.sitegen-old"))
        #expect(!FileManager.default.fileExists(atPath: parent + ".public.sitegen-staging"))
    }

    @Test func aFileCanBecomeAFolderAndBackAgain() throws {
        let site = try copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        let content = site.appendingPathComponent("content/guide")
        _ = try build(site, into: "public")
        #expect(tree(output)["guide/diagram.svg"]??.isEmpty == false)
        // The asset guide/diagram.svg gives way to a page whose folder has the same name.
        let asset = try Data(contentsOf: content.appendingPathComponent("diagram.svg"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("diagram.svg"))
        try "---\ntitle: Diagram\n---\nNow a page.\n".write(
            to: content.appendingPathComponent("diagram.svg.md"), atomically: true,
            encoding: .utf8)
        _ = try build(site, into: "public")
        var updated = tree(output)
        #expect(updated["guide/diagram.svg/index.html"] != nil)
        #expect(updated == (try freshBuild(site)))
        try FileManager.default.removeItem(at: content.appendingPathComponent("diagram.svg.md"))
        try asset.write(to: content.appendingPathComponent("diagram.svg"))
        _ = try build(site, into: "public")
        updated = tree(output)
        #expect(updated["guide/diagram.svg"] == .some(asset))
        #expect(updated == (try freshBuild(site)))
    }

    @Test func pathsWithDoubleSlashesAreKeptThroughUpdates() throws {
        let site = try copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        try "---\ntitle: Moved\naliases: [/old//moved/, ./older/./moved/]\n---\nHere now.\n".write(
            to: site.appendingPathComponent("content/guide/moved.md"), atomically: true,
            encoding: .utf8)
        _ = try build(site, into: "public")
        for _ in 0..<2 {
            _ = try build(site, into: "public")
            let updated = tree(output)
            #expect(updated["old/moved/index.html"] != nil)
            #expect(updated["older/moved/index.html"] != nil)
            #expect(updated == (try freshBuild(site)))
        }
    }

    @Test func anEditThatKeepsEveryFileClearsFoldersWithNoFiles() throws {
        let site = try copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        _ = try build(site, into: "public")
        // Folders with no file under them, made by hand: a build would never make them.
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("empty/deeper"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("guide/hollow"), withIntermediateDirectories: true)
        let page = site.appendingPathComponent("content/guide/setup.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(
            to: page, atomically: true, encoding: .utf8)
        _ = try build(site, into: "public")
        let updated = tree(output)
        #expect(updated["empty"] == nil && updated["guide/hollow"] == nil)
        #expect(updated["guide/setup/index.html"] != nil)
        #expect(updated == (try freshBuild(site)))
    }

    @Test func anUnchangedBuildWithoutACacheWritesNothing() throws {
        let site = try copyOfFixture("basic")
        let output = site.appendingPathComponent("public")
        _ = try build(site, into: "public", cache: false)
        let page = output.appendingPathComponent("guide/setup/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: page)
        Thread.sleep(forTimeInterval: 0.02)
        _ = try build(site, into: "public", cache: false)
        let after = try FileManager.default.attributesOfItem(atPath: page)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
    }
}

/// The split search index's files keep their names, bytes and modification times through an
/// edit that does not touch what they hold.
@Suite struct SplitSearchUpdateTests {
    @Test func untouchedSearchFilesAreNotRewritten() throws {
        let suite = InPlaceUpdateTests()
        let site = try suite.copyOfFixture("split-search")
        let output = site.appendingPathComponent("public")
        _ = try suite.build(site, into: "public")
        let search = output.appendingPathComponent("search")
        func stamps() throws -> [String: Date] {
            var result: [String: Date] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: search.path) {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: search.appendingPathComponent(name).path)
                result[name] = attributes[.modificationDate] as? Date
            }
            return result
        }
        let before = try stamps()
        Thread.sleep(forTimeInterval: 0.02)
        let page = site.appendingPathComponent("content/guide/queues.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nZanzibar.\n").write(
            to: page, atomically: true, encoding: .utf8)
        _ = try suite.build(site, into: "public")
        let after = try stamps()
        let kept = before.filter { after[$0.key] == $0.value }
        #expect(kept.keys.contains { $0.hasPrefix("t-") }, "some shards kept")
        #expect(after.keys.contains { before[$0] == nil }, "some files are new")
        #expect(suite.tree(output) == (try suite.freshBuild(site)))
    }
}

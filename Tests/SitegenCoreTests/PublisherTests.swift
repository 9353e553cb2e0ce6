import Foundation
import Testing

@testable import SitegenCore

/// `Publisher`: a rebuild keeps the last build's sitemap, robots.txt, feed and redirect pages
/// while nothing they show changed, makes them again when something did (or when one was
/// changed by hand), and its output always equals a build without a cache.
@Suite struct PublisherTests {
    /// Dated notes, one with an alias.
    static func makeSite() throws -> URL {
        let root = try TestPaths.temporaryFolder().appendingPathComponent("site")
        let folder = root.appendingPathComponent("content/notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title: Published\nbaseURL: https://example.org/docs/\n".write(
            to: root.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        for note in 0..<12 {
            let alias = note == 3 ? "aliases: [/old-three/]\n" : ""
            try """
            ---
            title: Note \(note)
            date: 2026-03-\(String(format: "%02d", note + 1))
            \(alias)---
            First words of note \(note).

            ## More

            A link to [note 2](note-2.md).
            """.write(
                to: folder.appendingPathComponent("note-\(note).md"), atomically: true,
                encoding: .utf8)
        }
        return root
    }

    static func edit(_ root: URL, note: Int, _ change: (String) -> String) throws {
        let file = root.appendingPathComponent("content/notes/note-\(note).md")
        try change(try String(contentsOf: file, encoding: .utf8)).write(
            to: file, atomically: true, encoding: .utf8)
    }

    @Test func publishedFilesAreKeptUntilWhatTheyShowChanges() throws {
        let site = try Self.makeSite()
        let output = site.appendingPathComponent("public")
        let options = SearchChunkCacheTests.options(site)
        let first = try SiteBuilder(options: options).build()
        #expect(first.counts.publishedKept == 0)
        #expect(DiskSnapshot.files(output)["old-three/index.html"] != nil)
        // A body edit leaves what the sitemap, feed and redirect show as it was (topics.json,
        // kept the same way, is the fifth).
        try Self.edit(site, note: 5) { $0 + "\nA closing line.\n" }
        let bodyEdit = try SiteBuilder(options: options).build()
        #expect(bodyEdit.counts.publishedKept == 5)
        #expect(DiskSnapshot.files(output) == (try SearchChunkCacheTests.cleanBuild(site)))
        // A new date changes the sitemap and the feed (topics.json stays).
        try Self.edit(site, note: 5) {
            $0.replacingOccurrences(of: "2026-03-06", with: "2026-04-30")
        }
        let dated = try SiteBuilder(options: options).build()
        #expect(dated.counts.publishedKept == 1)
        let files = DiskSnapshot.files(output)
        #expect(files == (try SearchChunkCacheTests.cleanBuild(site)))
        #expect(
            String(decoding: files["sitemap.xml"] ?? Data(), as: UTF8.self).contains("2026-04-30"))
        // A kept file changed by hand is made again.
        try Data("changed".utf8).write(to: output.appendingPathComponent("sitemap.xml"))
        try Self.edit(site, note: 7) { $0 + "\nAnother line.\n" }
        let repaired = try SiteBuilder(options: options).build()
        #expect(repaired.counts.publishedKept == 1)
        #expect(DiskSnapshot.files(output) == (try SearchChunkCacheTests.cleanBuild(site)))
    }

    @Test func aKeptRedirectKeepsItsLinkCheck() throws {
        let site = try Self.makeSite()
        // A link into the redirect page, checked against the ids its check found.
        try Self.edit(site, note: 0) { $0 + "\n<a href=\"/docs/old-three/#nowhere\">x</a>\n" }
        let options = SearchChunkCacheTests.options(site)
        let first = try SiteBuilder(options: options).build()
        #expect(first.diagnostics.map(\.message).contains { $0.contains("no id 'nowhere'") })
        try Self.edit(site, note: 5) { $0 + "\nA closing line.\n" }
        let second = try SiteBuilder(options: options).build()
        #expect(second.counts.publishedKept == 5)
        #expect(second.diagnostics == first.diagnostics)
    }

    @Test func inMemoryRebuildsKeepThePublishedBytes() throws {
        let site = try Self.makeSite()
        var cache = BuildCache()
        let options = SearchChunkCacheTests.options(site, cache: false)
        let first = try SiteBuilder(options: options).generate(cache: &cache)
        try Self.edit(site, note: 5) { $0 + "\nA closing line.\n" }
        let second = try SiteBuilder(options: options).generate(cache: &cache)
        #expect(second.counts.publishedKept == 5)
        let published = ["sitemap.xml", "robots.txt", "feed.xml", "old-three/index.html"]
        func bytes(_ report: BuildReport) -> [String: Data] {
            var result: [String: Data] = [:]
            for file in report.files where published.contains(file.path) {
                if case .data(let data) = file.contents { result[file.path] = data }
            }
            return result
        }
        #expect(bytes(second).count == 4)
        #expect(bytes(second) == bytes(first))
    }

    @Test func topicsJSONIsKeptUntilATopicChanges() throws {
        let site = try Self.makeSite()
        for note in 0..<12 {
            try Self.edit(site, note: note) {
                $0.replacingOccurrences(
                    of: "title: Note \(note)\n", with: "title: Note \(note)\ntopics: [redis]\n")
            }
        }
        let output = site.appendingPathComponent("public")
        let options = SearchChunkCacheTests.options(site)
        _ = try SiteBuilder(options: options).build()
        // A body edit keeps topics.json with the sitemap, robots.txt, feed and redirect.
        try Self.edit(site, note: 4) { $0 + "\nOne more line.\n" }
        let bodyEdit = try SiteBuilder(options: options).build()
        #expect(bodyEdit.counts.publishedKept == 5)
        #expect(DiskSnapshot.files(output) == (try SearchChunkCacheTests.cleanBuild(site)))
        // A new topic on one note makes topics.json again, and leaves the others as they were.
        try Self.edit(site, note: 4) {
            $0.replacingOccurrences(of: "topics: [redis]", with: "topics: [redis, celery]")
        }
        let topicEdit = try SiteBuilder(options: options).build()
        #expect(topicEdit.counts.publishedKept == 4)
        #expect(DiskSnapshot.files(output) == (try SearchChunkCacheTests.cleanBuild(site)))
        // A topics.json changed by hand is made again.
        try Data("[]".utf8).write(to: output.appendingPathComponent("topics.json"))
        _ = try SiteBuilder(options: options).build()
        #expect(DiskSnapshot.files(output) == (try SearchChunkCacheTests.cleanBuild(site)))
    }
}

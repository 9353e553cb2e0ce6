import CCmarkThreading
import Foundation
import Testing

@testable import SitegenMarkdown

/// cmark-gfm allocates through a per-thread arena that `render` releases as a whole.
@Suite struct MarkdownArenaTests {
    /// Runs `body` on a thread of its own, so the arena counters are this test's alone.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let thread = Thread {
            box.value = body()
            box.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        box.done.wait()
        guard let value = box.value else { fatalError("the thread returned nothing") }
        return value
    }

    final class ResultBox<T>: @unchecked Sendable {
        var value: T?
        let done = DispatchSemaphore(value: 0)
    }

    @Test func parsesInTheArenaAndKeepsItsBlockBetweenDocuments() {
        let (html, made, held) = Self.onOwnThread {
            let html = MarkdownRenderer().render("# Title\n\nSome *text* and `code`.").html
            return (html, sitegen_cmark_arena_blocks_made(), sitegen_cmark_arena_bytes_held())
        }
        #expect(html.contains("<em>text</em>"))
        #expect(made == 1, "cmark should allocate from the arena")
        #expect(held == 256 * 1024, "one standard block stays for the next document")
    }

    @Test func largeDocumentsGrowTheArenaAndKeepAFewBlocks() {
        let rows = (0..<4000).map { "| \($0) | ~~cell~~ [link](page\($0).md) |" }
        let table = "| n | text |\n|---|---|\n" + rows.joined(separator: "\n")
        let code = "```python\n" + String(repeating: "x = 1\n", count: 40_000) + "```\n"
        let (first, second, counts) = Self.onOwnThread {
            let renderer = MarkdownRenderer()
            let first = renderer.render(table + "\n\n" + code)
            let afterFirst = sitegen_cmark_arena_blocks_made()
            let second = renderer.render("A *small* page.")
            let held = sitegen_cmark_arena_bytes_held()
            _ = renderer.render(table + "\n\n" + code)
            return (
                first, second,
                (afterFirst, sitegen_cmark_arena_blocks_made() - afterFirst, held)
            )
        }
        #expect(first.html.contains("<td>3999</td>"))
        #expect(first.html.contains("<del>cell</del>"))
        #expect(first.html.split(separator: "\n").count > 40_000, "every code line is kept")
        #expect(second.html == "<p>A <em>small</em> page.</p>\n")
        #expect(counts.0 > 2, "a large document needs more than one block")
        #expect(
            counts.2 == 8 * 256 * 1024, "eight standard blocks stay; the rest go back to malloc")
        #expect(counts.1 < counts.0, "the kept blocks serve the next large document")
    }

    @Test func releasingAThreadsArenaFreesItsBlocks() {
        let (heldBefore, freed, heldAfter) = Self.onOwnThread {
            _ = MarkdownRenderer().render("Some *text*.")
            let held = sitegen_cmark_arena_bytes_held()
            let freed = sitegen_cmark_arena_release_thread()
            return (held, freed, sitegen_cmark_arena_bytes_held())
        }
        #expect(heldBefore == 256 * 1024)
        #expect(freed == 1)
        #expect(heldAfter == 0)
    }

    @Test func anExitingThreadFreesTheBlocksItKept() async throws {
        let before = sitegen_cmark_arena_blocks_freed_at_exit()
        let code = "```python\n" + String(repeating: "x = 1\n", count: 40_000) + "```\n"
        let held = Self.onOwnThread {
            _ = MarkdownRenderer().render(code + "\n\n" + code + "\n\n" + code)
            return sitegen_cmark_arena_bytes_held()
        }
        let blocks = held / (256 * 1024)
        #expect(blocks > 1, "the thread kept several blocks")
        // The thread signals before it has exited; its blocks go once it has.
        let deadline = Date().addingTimeInterval(10)
        while sitegen_cmark_arena_blocks_freed_at_exit() < before + blocks, Date() < deadline {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(sitegen_cmark_arena_blocks_freed_at_exit() >= before + blocks)
    }
}

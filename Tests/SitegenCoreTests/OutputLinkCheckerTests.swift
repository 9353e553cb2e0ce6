import Foundation
import Testing

@testable import SitegenCore

/// The link checker's byte-level memo must give every page the verdicts a fresh check would.
@Suite struct OutputLinkCheckerTests {
    static let checker = OutputLinkChecker(
        baseURL: BaseURL("/"), existing: ["index.html", "a/index.html", "a&b/index.html"])

    static func warnings(_ html: String, path: String, memo: inout LinkMemo) -> [String] {
        checker.check(path: path, html: Data(html.utf8), origin: nil, memo: &memo).diagnostics
            .map(\.message)
    }

    @Test func sharedMemoReportsABrokenLinkOnEveryPage() {
        var memo = LinkMemo()
        let html =
            #"<p><a href="/a/">ok</a> <a href="/missing/">x</a> <a href="/missing/">y</a></p>"#
        let first = Self.warnings(html, path: "index.html", memo: &memo)
        let second = Self.warnings(html, path: "a/index.html", memo: &memo)
        var fresh = LinkMemo()
        #expect(first == Self.warnings(html, path: "index.html", memo: &fresh))
        #expect(first.count == 1)
        #expect(second == first)
        #expect(memo.verdict(for: "/a/") == .some(nil))
        #expect(memo.verdict(for: "/missing/") == .some(first.first))
    }

    @Test func memoKeepsThousandsOfLinksAndTheirFirstVerdicts() {
        var memo = LinkMemo()
        let links = (0..<5000).map { "/page-\($0)/" }
        for (number, link) in links.enumerated() {
            memo.record(link, verdict: number % 3 == 0 ? "broken \(number)" : nil)
        }
        memo.record(links[3], verdict: nil)
        for (number, link) in links.enumerated() {
            let expected: String? = number % 3 == 0 ? "broken \(number)" : nil
            #expect(memo.verdict(for: link) == .some(expected), "\(link)")
            let raw = Array(link.utf8).withUnsafeBufferPointer { memo.verdict(for: $0) }
            #expect(raw == .some(expected), "\(link)")
        }
        #expect(memo.verdict(for: "/page-5000/") == nil)
        #expect(memo.verdict(for: "/page-1") == nil)
        #expect(memo.verdict(for: "") == nil)
    }

    @Test func linksWithEntitiesAreDecodedAndNotRecorded() {
        var memo = LinkMemo()
        let encoded = #"<a href="/a&amp;b/">e</a> <a href="/a&amp;amp;b/">double</a>"#
        let found = Self.warnings(encoded, path: "index.html", memo: &memo)
        #expect(found == ["broken link '/a&amp;b/': no such page or file"])
        #expect(memo.verdict(for: "/a&b/") == nil)
        #expect(memo.verdict(for: "/a&amp;b/") == nil)
        #expect(Self.warnings(#"<a href="/a&b/">raw</a>"#, path: "index.html", memo: &memo).isEmpty)
    }

    @Test func rawScanMatchesDecodedScan() {
        let html = #"<a href="/x?a=1&amp;b=2" id="t&quot;1"><img src='/i.png'></a>"#
        var links: [String] = []
        var ids: [String] = []
        let result = Array(html.utf8).withUnsafeBufferPointer { bytes in
            HTMLScanner().scan(
                bytes, links: { links.append(String(decoding: $0, as: UTF8.self)) },
                ids: { ids.append(String(decoding: $0, as: UTF8.self)) })
            return HTMLScanner().scan(bytes)
        }
        #expect(links == ["/x?a=1&amp;b=2", "/i.png"])
        #expect(result.links == links.map(HTMLScanner.decodeEntities))
        #expect(result.ids == ["t\"1"])
        #expect(ids == ["t&quot;1"])
    }

    @Test func ownFragmentLinksAreCheckedAgainstTheFilesOwnIDs() {
        var memo = LinkMemo()
        let html = ##"<h2 id="here"></h2><a href="#here">ok</a> <a href="#gone">x</a>"##
        #expect(
            Self.warnings(html, path: "a/index.html", memo: &memo) == [
                "broken link '#gone': no id 'gone' on /a/index.html"
            ])
    }

    @Test func ownFragmentLinksOfAFileMissingFromTheOutputKeepTheGeneralVerdict() {
        var memo = LinkMemo()
        let html = ##"<h2 id="here"></h2><a href="#here">x</a>"##
        #expect(
            Self.warnings(html, path: "b/index.html", memo: &memo) == [
                "broken link '#here': no such page or file"
            ])
    }

    @Test func seededMemoHoldsTheVerdictsACheckWouldRecord() {
        let seeded = Self.checker.seededMemo(["/a/", "/missing/", "/a/#top", "relative/"])
        var fresh = LinkMemo()
        _ = Self.warnings(
            #"<a href="/a/">a</a> <a href="/missing/">m</a>"#, path: "index.html", memo: &fresh)
        #expect(seeded.verdict(for: "/a/") == fresh.verdict(for: "/a/"))
        #expect(seeded.verdict(for: "/missing/") == fresh.verdict(for: "/missing/"))
        #expect(seeded.verdict(for: "/a/#top") == nil, "fragments of other files are deferred")
        #expect(seeded.verdict(for: "relative/") == nil, "only root-relative links are kept")
    }

    /// The second pass answers from the memo the first one filled, and must agree with it.
    @Test func inertHTMLLinksOnlyToExistingRootPathsAndDefinesNoID() {
        let cases: [(String, Bool)] = [
            (#"<li><a href="/a/">A</a></li><li><a href="/">Home</a></li>"#, true),
            ("plain text", true),
            (#"<li id="n"><a href="/a/">A</a></li>"#, false),
            (#"<a href="/missing/">M</a>"#, false),
            (#"<a href="a/">relative</a>"#, false),
            (##"<a href="#top">fragment</a>"##, false),
            (#"<a href="/a/#part">another file's fragment</a>"#, false),
            (#"<a href="/a&amp;b/">entity</a>"#, false),
            (#"<li><a href="/a/""#, false),
            ("<li>a <", false),
        ]
        var memo = LinkMemo()
        for pass in 1...2 {
            for (html, inert) in cases {
                #expect(Self.checker.isInert(html, memo: &memo) == inert, "pass \(pass): \(html)")
            }
        }
        #expect(memo.verdict(for: "/a/") == .some(nil))
        #expect(memo.verdict(for: "/missing/") != .some(nil))
    }

    /// Passing over an inert range leaves every check as the whole file's: when the bytes
    /// before it end inside a tag, the whole file is scanned instead.
    @Test func skippingAnInertRangeChecksAsTheWholeFile() {
        let navigations = [
            #"<li><a href="/a/">A</a></li>"#, #"<li><a href="/">Home</a><ul></ul></li>"#,
        ]
        let befores = [
            #"<html><a href="/missing/">x</a><h1 id="t">T</h1><nav>"#,
            ##"<p id="t">dup</p><a href="#t">own</a><nav class="x" "##,
            #"<div id="t"><a href='/missing/"#, "<nav",
        ]
        let afters = [
            ##"</nav><p id="t">again</p><a href="#nope">n</a>"##, #"">still</a></nav>"#,
            #" data="1">text</nav>"#, "",
        ]
        var skipped = 0
        for navigation in navigations {
            var memo = LinkMemo()
            #expect(Self.checker.isInert(navigation, memo: &memo))
            for before in befores {
                for after in afters {
                    let html = Data((before + navigation + after).utf8)
                    let range = before.utf8.count..<(before.utf8.count + navigation.utf8.count)
                    var (plain, skipping) = (LinkMemo(), LinkMemo())
                    let whole = Self.checker.check(
                        path: "a/index.html", html: html, origin: nil, memo: &plain)
                    let passed = Self.checker.check(
                        path: "a/index.html", html: html, origin: nil, memo: &skipping,
                        passingOver: [.init(range)])
                    #expect(passed == whole, "\(before)|\(navigation)|\(after)")
                    if HTMLScannerTests.endsOutsideTags(before) { skipped += 1 }
                }
            }
        }
        #expect(skipped == 8)
    }

    /// A link's fragment starts at its first `#` byte, even where a combining mark follows it.
    @Test func fragmentsStartAtTheHashByte() {
        let verdict = Self.checker.problem(
            "/a/#\u{301}x?y", from: "", existing: Self.checker.existing,
            ids: { _ in { _ in false } })
        #expect(verdict == "broken link '/a/#\u{301}x?y': no id '\u{301}x?y' on /a/index.html")
    }
}

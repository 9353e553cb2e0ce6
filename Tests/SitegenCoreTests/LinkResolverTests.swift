import Foundation
import Testing

@testable import SitegenCore

@Suite struct LinkResolverTests {
    @Test(arguments: [
        "guide/intro/", "", "a b/ü/", "tags/c++/", "x?y#z/", "100%/", "a;b:c/", "日本/", "~me/",
        "!$&'()*+,=@_-.",
    ])
    func encodesPathsLikeFoundation(path: String) {
        #expect(
            LinkResolver.encode(path)
                == path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
    }

    @Test func tellsExternalLinksFromSiteLinks() {
        for link in ["https://x.org", "mailto:a@b.c", "//cdn.example/x.js", "git+ssh:repo", "a1:b"]
        {
            #expect(LinkResolver.isExternal(link), "\(link)")
        }
        for link in ["guide/intro.md", "/abs/", "#top", "../a.md", "1http:x", "a b:c", "é:x"] {
            #expect(!LinkResolver.isExternal(link), "\(link)")
        }
    }

    @Test func recognisesMarkdownLinksInAnyCase() {
        #expect(LinkResolver.hasMarkdownSuffix("a/b.MD"))
        #expect(LinkResolver.hasMarkdownSuffix("x.md"))
        #expect(!LinkResolver.hasMarkdownSuffix("md"))
        #expect(!LinkResolver.hasMarkdownSuffix("a.mdx"))
    }
}

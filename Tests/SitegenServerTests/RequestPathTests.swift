import Testing

@testable import SitegenServer

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/nexus/", ""), ("/nexus/guide/intro/", "guide/intro/"), ("/nexus/a%20b.png", "a b.png"),
        ("/nexus/assets/style.css", "assets/style.css"), ("/nexus", ""),
    ])
    func pathsUnderTheBaseResolve(raw: String, sitePath: String) {
        #expect(RequestPath.resolve(raw, basePath: "/nexus/") == .success(sitePath))
    }

    @Test(arguments: [
        "/nexus/../etc/passwd", "/nexus/%2e%2e/secret", "/nexus/%2E%2E/secret", "/nexus/a%2fb",
        "/nexus/a%2Fb", "/nexus/a\\b", "/nexus/a%5cb", "/nexus/%00", "/nexus/a\0b", "/nexus/./x",
        "/nexus//etc/passwd", "relative/path", "/nexus/" + String(repeating: "a", count: 3000),
    ])
    func unsafePathsAreBadRequests(raw: String) {
        #expect(RequestPath.resolve(raw, basePath: "/nexus/") == .failure(.badRequest))
    }

    @Test func pathsOutsideTheBaseAreNotFound() {
        #expect(RequestPath.resolve("/etc/passwd", basePath: "/nexus/") == .failure(.notFound))
        #expect(RequestPath.resolve("/nexusfoo/", basePath: "/nexus/") == .failure(.notFound))
    }
}

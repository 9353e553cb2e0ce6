import Foundation
import SitegenCore
import Testing

@testable import SitegenServer

@Suite struct SiteSnapshotTests {
    let snapshot = SiteSnapshot(
        files: [
            OutputFile(
                path: "index.html", contents: .data(Data("<html><body>home</body></html>".utf8))),
            OutputFile(path: "guide/index.html", contents: .data(Data("guide".utf8))),
            OutputFile(path: "assets/site.0123456789.js", contents: .data(Data("js".utf8))),
            OutputFile(path: "search.json", contents: .data(Data("[]".utf8))),
            OutputFile(path: "404.html", contents: .data(Data("missing".utf8))),
        ], basePath: "/nexus/", generation: 3)

    @Test func filesComeWithTheirContentType() {
        #expect(
            snapshot.lookup("")
                == .file(
                    Data("<html><body>home</body></html>".utf8),
                    contentType: "text/html; charset=utf-8"))
        #expect(
            snapshot.lookup("assets/site.0123456789.js")
                == .file(Data("js".utf8), contentType: "text/javascript; charset=utf-8"))
        #expect(
            snapshot.lookup("search.json")
                == .file(Data("[]".utf8), contentType: "application/json"))
    }

    @Test func foldersWithoutASlashRedirectAndNothingListsAFolder() {
        #expect(snapshot.lookup("guide") == .redirect("/nexus/guide/"))
        #expect(snapshot.lookup("assets/") == .notFound)
        #expect(snapshot.lookup("nope") == .notFound)
        #expect(snapshot.notFoundPage == Data("missing".utf8))
    }

    @Test func liveReloadScriptGoesBeforeTheBodyEnds() {
        let html = LiveReload.inject(
            into: Data("<html><body>x</body></html>".utf8), basePath: "/nexus/")
        #expect(
            String(decoding: html, as: UTF8.self)
                == "<html><body>x<script src=\"/nexus/__sitegen/live.js\" defer></script>\n</body></html>"
        )
    }

    @Test func errorEventsCarryLocationsAsJSON() {
        let event = LiveReload.errorEvent([
            .error(SourceLocation(path: "content/a.md", line: 2, column: 8), "bad <yaml>")
        ])
        #expect(
            event
                == "event: errors\ndata: [{\"location\":\"content/a.md:2:8\",\"message\":\"bad <yaml>\",\"severity\":\"error\"}]\n\n"
        )
    }

    @Test func previewSiteBroadcastsReloadsAndErrorsToSubscribers() async {
        let site = PreviewSite(snapshot: snapshot)
        let (id, stream) = await site.subscribe()
        await site.fail([.error(SourceLocation(path: "sitegen.yml", line: 1, column: 1), "broken")])
        await site.publish(SiteSnapshot(files: [], basePath: "/nexus/", generation: 4))
        await site.close(id)
        var events: [String] = []
        for await message in stream { events.append(String(message.prefix { $0 != "\n" })) }
        #expect(events == ["event: hello", "event: errors", "event: reload"])
        #expect(await site.streamCount == 0)
    }
}

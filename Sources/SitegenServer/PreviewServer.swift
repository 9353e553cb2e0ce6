import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SitegenCore

/// `sitegen serve`: builds the site, serves it on loopback with live reload, and rebuilds on
/// every change.
public struct PreviewServer: Sendable {
    /// What to build.
    public let options: BuildOptions
    /// Interface to listen on (127.0.0.1 unless asked otherwise).
    public let host: String
    /// Port; 0 picks a free one.
    public let port: Int

    /// Creates a server.
    public init(options: BuildOptions, host: String, port: Int) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// Hummingbird's own log: errors only.
    static var quietLogger: Logger {
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .error
        return logger
    }

    /// Builds, then serves until SIGINT or SIGTERM. `announce` gets the URL once listening.
    public func run(
        log: @escaping @Sendable (String) -> Void, announce: @escaping @Sendable (String) -> Void
    ) async throws {
        let empty = SiteSnapshot(files: [], basePath: "/", generation: 0)
        let site = PreviewSite(snapshot: empty)
        let rebuilder = Rebuilder(options: options, site: site, log: log)
        let basePath = rebuilder.basePath
        switch await rebuilder.build() {
        case .success(let snapshot): await site.publish(snapshot)
        case .failure(let failure):
            await site.publish(SiteSnapshot(files: [], basePath: basePath, generation: 0))
            await site.fail(failure.diagnostics)
            log(failure.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let watcher = FileWatcher(root: options.paths.root) { _ in
            Task { await rebuilder.changed() }
        }
        try watcher.start()
        defer { watcher.stop() }
        let host = self.host
        let app = Application(
            responder: PreviewResponder(site: site),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "sitegen", reuseAddress: false),
            services: [StreamCloser(site: site)],
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                announce("http://\(host):\(bound)\(basePath)")
            },
            logger: Self.quietLogger
        )
        try await app.runService()
    }
}

/// Closes live-reload streams when the server shuts down, so shutdown never waits on them.
struct StreamCloser: Service {
    let site: PreviewSite

    func run() async throws {
        try? await gracefulShutdown()
        await site.closeAll()
    }
}

import ArgumentParser
import Foundation
import NIOCore
import SitegenCore
import SitegenServer

/// `sitegen serve`: a local preview with live reload, rebuilt on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build the site and serve it locally with live reload.")

    @OptionGroup var site: SiteArguments

    @Option(
        help: "The interface to listen on. Anything but loopback is reachable from other machines.")
    var host: String = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port: Int = 8000

    func run() async throws {
        let options = site.options()
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Self.standardError(
                "warning: serving on \(host): other machines on the network can reach this preview")
        }
        let server = PreviewServer(options: options, host: host, port: port)
        do {
            try await server.run(log: { Self.standardError($0) }) { url in
                FileHandle.standardOutput.write(Data("Serving at \(url)\n".utf8))
            }
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            Self.standardError(
                "error: port \(port) on \(host) is already in use; pick another with --port (0 picks a free one)"
            )
            throw ExitCode(1)
        } catch {
            Self.standardError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

import Foundation
import Hummingbird
import ServiceLifecycle
import SitegenCore

/// Answers requests from the current snapshot: files with their content type, redirects for
/// folders without a slash, the site's 404 page, the live-reload script and event stream.
public struct PreviewResponder: HTTPResponder {
    /// The request context type.
    public typealias Context = BasicRequestContext

    let site: PreviewSite

    /// Creates a responder for a preview.
    public init(site: PreviewSite) {
        self.site = site
    }

    /// Answers one request.
    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text("Method not allowed\n", status: .methodNotAllowed)
        }
        let raw = String(request.uri.path)
        let snapshot = await site.snapshot
        let base = snapshot.basePath
        if raw == base + LiveReload.eventsPath { return await events() }
        if raw == base + LiveReload.scriptPath {
            return Self.data(
                Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", status: .ok)
        }
        switch RequestPath.resolve(raw, basePath: base) {
        case .failure(.badRequest):
            return Self.text("Bad request\n", status: .badRequest)
        case .failure(.notFound):
            return notFound(snapshot)
        case .success(let sitePath):
            switch snapshot.lookup(sitePath) {
            case .file(let data, let type):
                let body =
                    type.hasPrefix("text/html")
                    ? LiveReload.inject(into: data, basePath: base) : data
                return Self.data(body, type: type, status: .ok)
            case .redirect(let location):
                var response = Response(status: .movedPermanently)
                response.headers[.location] = location
                return response
            case .notFound:
                return notFound(snapshot)
            }
        }
    }

    private func notFound(_ snapshot: SiteSnapshot) -> Response {
        guard let page = snapshot.notFoundPage else {
            return Self.text("Not found\n", status: .notFound)
        }
        return Self.data(
            LiveReload.inject(into: page, basePath: snapshot.basePath),
            type: "text/html; charset=utf-8",
            status: .notFound)
    }

    private func events() async -> Response {
        let (id, stream) = await site.subscribe()
        let site = self.site
        var response = Response(
            status: .ok,
            body: ResponseBody { writer in
                await withGracefulShutdownHandler {
                    for await message in stream {
                        do { try await writer.write(ByteBuffer(string: message)) } catch { break }
                    }
                } onGracefulShutdown: {
                    Task { await site.close(id) }
                }
                await site.close(id)
                try await writer.finish(nil)
            })
        response.headers[.contentType] = "text/event-stream"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func data(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        var response = Response(
            status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.contentType] = type
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentLength] = String(data.count)
        return response
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        data(Data(text.utf8), type: "text/plain; charset=utf-8", status: status)
    }
}

import Foundation
import SitegenCore

/// The site being previewed: the last good snapshot, the current build errors, and the open
/// live-reload streams. Swapping the snapshot is one actor step, so every request sees either
/// the old site or the new one.
public actor PreviewSite {
    /// The last successful build.
    public private(set) var snapshot: SiteSnapshot
    /// Diagnostics of the last failed build; empty when the last build succeeded.
    public private(set) var errors: [Diagnostic] = []
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]

    /// Creates a preview holding `snapshot`.
    public init(snapshot: SiteSnapshot) {
        self.snapshot = snapshot
    }

    /// Serves a new build and tells every browser to reload.
    public func publish(_ snapshot: SiteSnapshot) {
        self.snapshot = snapshot
        errors = []
        broadcast(LiveReload.event("reload", data: String(snapshot.generation)))
    }

    /// Keeps the last good build and shows `diagnostics` in every open page.
    public func fail(_ diagnostics: [Diagnostic]) {
        errors = diagnostics
        broadcast(LiveReload.errorEvent(diagnostics))
    }

    /// Opens a live-reload stream: `hello` with the generation, then the current errors if any.
    public func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.yield(LiveReload.event("hello", data: String(snapshot.generation)))
        if !errors.isEmpty { continuation.yield(LiveReload.errorEvent(errors)) }
        streams[id] = continuation
        return (id, stream)
    }

    /// Closes one stream.
    public func close(_ id: UUID) {
        streams.removeValue(forKey: id)?.finish()
    }

    /// Closes every stream (on shutdown).
    public func closeAll() {
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }

    /// Number of open streams.
    public var streamCount: Int { streams.count }

    private func broadcast(_ message: String) {
        for continuation in streams.values { continuation.yield(message) }
    }
}

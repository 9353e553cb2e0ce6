import Foundation
import SitegenCore

/// Rebuilds the site in memory after changes, one build at a time, debounced, reusing the
/// previous build's results for everything that did not change.
public actor Rebuilder {
    private let options: BuildOptions
    private let site: PreviewSite
    private let debounce: Duration
    private var cache = BuildCache()
    private var generation = 0
    private var pending: Task<Void, Never>?
    private let log: @Sendable (String) -> Void

    /// Creates a rebuilder for a site; `log` receives one line per rebuild.
    public init(
        options: BuildOptions, site: PreviewSite, debounce: Duration = .milliseconds(40),
        log: @escaping @Sendable (String) -> Void
    ) {
        self.options = options
        self.site = site
        self.debounce = debounce
        self.log = log
    }

    /// Builds once; returns the snapshot, or the diagnostics of a failed build.
    public func build() -> Result<SiteSnapshot, BuildFailure> {
        let started = ContinuousClock.now
        do {
            let report = try SiteBuilder(options: options).generate(cache: &cache)
            generation += 1
            let elapsed = ContinuousClock.now - started
            log(
                "Rebuilt in \(elapsed.formatted(.units(allowed: [.milliseconds]))): "
                    + "\(report.counts.markdownRendered) page(s) rendered, \(report.counts.templated) file(s) templated"
            )
            return .success(
                SiteSnapshot(files: report.files, basePath: basePath, generation: generation))
        } catch {
            log("Build failed with \(error.diagnostics.count) diagnostic(s)")
            return .failure(error)
        }
    }

    /// The base path the site is served under.
    public nonisolated var basePath: String {
        options.baseURL.map { BaseURL($0).path } ?? configuredBasePath()
    }

    private nonisolated func configuredBasePath() -> String {
        guard let data = FileManager.default.contents(atPath: options.paths.config.path) else {
            return "/"
        }
        return SiteConfigLoader().decode(String(decoding: data, as: UTF8.self)).0.baseURL.path
    }

    /// Notes a change; the rebuild starts once changes stop for the debounce interval.
    public func changed() {
        pending?.cancel()
        pending = Task {
            try? await Task.sleep(for: debounce)
            guard !Task.isCancelled else { return }
            await rebuildNow()
        }
    }

    /// Rebuilds and publishes the result (or the errors).
    public func rebuildNow() async {
        switch build() {
        case .success(let snapshot):
            await site.publish(snapshot)
        case .failure(let failure):
            await site.fail(failure.diagnostics)
        }
    }
}

import ArgumentParser
import Foundation
import SitegenCore

/// Options shared by `build`, `check` and `serve`: which site, under which base URL, with drafts.
struct SiteArguments: ParsableArguments {
    @Option(help: "The site root holding sitegen.yml, content/ and templates/.")
    var source: String = "."

    @Option(help: "The base URL, such as /nexus/ or https://example.org/nexus/.")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Option(help: "How many threads to use (default: one per core).")
    var jobs: Int?

    /// The current folder.
    static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The site root, resolved against the current folder.
    var root: URL {
        URL(fileURLWithPath: source, relativeTo: Self.currentFolder).standardizedFileURL
    }

    /// Build options for these arguments.
    func options(output: URL? = nil, strict: Bool = false) -> BuildOptions {
        BuildOptions(
            paths: SitePaths(root: root, output: output), baseURL: baseURL, includeDrafts: drafts,
            strict: strict, jobs: jobs.map { max(1, $0) })
    }
}

import Foundation

/// What the load stage read from disk.
struct LoadedInput: Sendable {
    /// Markdown sources and assets.
    var content: ContentLoader.Result
    /// Built-in theme with the site's overrides.
    var theme: ThemeFiles
}

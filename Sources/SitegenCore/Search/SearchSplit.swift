/// Whether a build also writes the split search index under `search/` (`search.split` in
/// `sitegen.yml`); a split site gets no `search.json`.
public enum SearchSplit: String, Sendable, Equatable, CaseIterable {
    /// Split once the pages hold more than `autoThreshold` words of text.
    case auto
    /// Always split (small fixtures that test large-site search).
    case always
    /// Never split: clients load the whole `search.json`.
    case never

    /// Words of page text above which `auto` splits: about where `search.json` passes 150 KB
    /// gzipped (2.3–2.9 gzipped bytes a word on the benchmark corpus and the hub), the most a
    /// first query should download.
    public static let autoThreshold = 50_000

    /// Whether the index of `tree` is split. Counts each page's `wordCount` (its search text's
    /// words), which outlives the search text itself, so templates decide as the index did.
    public func applies(to tree: SiteTree) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return tree.pages.reduce(0) { $0 + $1.wordCount } > Self.autoThreshold
        }
    }
}

/// Whether a build also writes the split search index under `search/` (`search.split` in
/// `sitegen.yml`); `search.json` is written either way.
public enum SearchSplit: String, Sendable, Equatable, CaseIterable {
    /// Split once the index text is larger than `autoThreshold`.
    case auto
    /// Always split (small fixtures that test large-site search).
    case always
    /// Never split: clients load the whole `search.json`.
    case never

    /// Bytes of index text (titles, headings and section text, UTF-8, one title per entry)
    /// above which `auto` splits: about where `search.json` passes 150 KB gzipped (it gzips to
    /// 0.31–0.39 bytes per text byte on the hub and the benchmark corpus), the most a first query
    /// should download.
    public static let autoThreshold = 400 * 1024

    /// Whether the index of `tree` is split.
    public func applies(to tree: SiteTree) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return Self.indexTextExceedsThreshold(tree)
        }
    }

    /// Whether the index text passes `autoThreshold`; stops counting once it does.
    static func indexTextExceedsThreshold(_ tree: SiteTree) -> Bool {
        var total = 0
        for page in tree.pages {
            let title = page.title.utf8.count
            for section in page.sections {
                total += title + section.text.utf8.count + (section.heading?.text.utf8.count ?? 0)
                if total > autoThreshold { return true }
            }
        }
        return false
    }
}

import Foundation

/// Cache keys of page files that need no template context: a page's file depends only on the
/// templates, the files links may name, the config (in the cache header), what every page
/// shows of the others (`siteDigest`) and the page's own rendered content (`ownKey`). Topic
/// pages, the search page and 404 read nothing else than the site digest covers. An
/// incremental build compares these instead of building and hashing 10,000 contexts.
///
/// Every value `PageContextBuilder` and `NavigationBuilder` read must be in one of the two; a
/// test fails when `FrontMatter` gains a field that `combine(_:into:)` does not know.
struct PageKeys {
    let contexts: PageContextBuilder

    /// Number of stored properties of `FrontMatter` that `combine(_:into:)` covers.
    static let frontMatterFields = 11

    /// Everything a page's context or navigation may read from any page: the reading order,
    /// sections, titles, summaries, URLs, front matter, topics and related pages
    /// (`pagesDigest`, or worked out now when nil), plus the navigation window, asset URLs,
    /// the feed and the search index URL.
    func siteDigest(pages: UInt64? = nil) -> UInt64 {
        var hasher = ContextHasher()
        let pages = pages ?? Self.pagesDigest(tree: contexts.tree, topics: contexts.topics)
        hasher.combine(Int(bitPattern: UInt(pages)))
        hasher.combine(contexts.navigation.window)
        for key in contexts.assetURLs.keys.sorted() {
            hasher.combine(key)
            hasher.combine(contexts.assetURLs[key] ?? "")
        }
        hasher.combine(contexts.hasFeed)
        hasher.combine(contexts.searchIndexURL)
        return hasher.value
    }

    /// What every page shows of the others that the tree and topics hold: each page's path,
    /// section, titles, summary, front matter, parent, topics and related pages, and each
    /// topic. It needs no template context, so a build works it out beside other stages.
    static func pagesDigest(tree: SiteTree, topics: TopicIndex) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(tree.pages.count)
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                // Each field is read where it is: a copy of the page would retain all of them.
                hasher.combine(pages[index].page.sitePath)
                hasher.combine(pages[index].page.sectionPath ?? "\u{0}")
                hasher.combine(pages[index].page.parentSection)
                hasher.combine(pages[index].page.fallbackTitle)
                hasher.combine(pages[index].title)
                hasher.combine(pages[index].summary)
                combine(pages[index].page.frontMatter, into: &hasher)
                hasher.combine(tree.parentIndex[index] ?? -1)
                hasher.combine(topics.pageTopics[index].count)
                for slug in topics.pageTopics[index] { hasher.combine(slug) }
                hasher.combine(topics.related[index].count)
                for related in topics.related[index] { hasher.combine(related) }
            }
        }
        hasher.combine(topics.topics.count)
        for topic in topics.topics {
            hasher.combine(topic.slug)
            hasher.combine(topic.title)
            hasher.combine(topic.description)
            hasher.combine(topic.pages.count)
            for page in topic.pages { hasher.combine(page) }
        }
        return hasher.value
    }

    /// What page `index`'s file reads from the page alone: its position, body, headings, word
    /// count and source file.
    func ownKey(_ index: Int) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(index)
        contexts.tree.pages.withUnsafeBufferPointer { pages in
            hasher.combine(Int(bitPattern: UInt(pages[index].htmlHash)))
            hasher.combine(pages[index].wordCount)
            hasher.combine(pages[index].headings.count)
            for heading in pages[index].headings {
                hasher.combine(heading.level)
                hasher.combine(heading.id)
                hasher.combine(heading.text)
            }
            hasher.combine(pages[index].page.sourcePath ?? "\u{0}")
        }
        return hasher.value
    }

    /// Mixes in every front-matter value but the line numbers kept for diagnostics.
    static func combine(_ matter: borrowing FrontMatter, into hasher: inout ContextHasher) {
        hasher.combine(matter.title ?? "\u{0}")
        hasher.combine(matter.summary ?? "\u{0}")
        hasher.combine(matter.topics.count)
        for topic in matter.topics { hasher.combine(topic) }
        combine(matter.date, into: &hasher)
        combine(matter.updated, into: &hasher)
        hasher.combine(matter.weight ?? Int.min)
        hasher.combine(matter.draft)
        hasher.combine(matter.slug ?? "\u{0}")
        hasher.combine(matter.aliases.count)
        for alias in matter.aliases { hasher.combine(alias) }
        hasher.combine(matter.template ?? "\u{0}")
    }

    /// Mixes in a front-matter date, or its absence.
    private static func combine(_ date: Date?, into hasher: inout ContextHasher) {
        hasher.combine(date.map { Int(bitPattern: UInt($0.timeIntervalSince1970.bitPattern)) } ?? 0)
        hasher.combine(date != nil)
    }
}

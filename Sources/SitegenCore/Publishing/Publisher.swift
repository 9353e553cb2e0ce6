import Foundation

/// Makes the files published beside the pages: `sitemap.xml`, `robots.txt`, `feed.xml` and a
/// redirect page per alias, or names the last build's when nothing they are made from changed
/// (`key`), so a rebuild after a body edit does not write a 10,000-URL sitemap again.
struct Publisher {
    /// The site configuration.
    let config: SiteConfig
    /// Output paths redirects may not take besides the pages' (indexes, assets).
    let taken: [String]

    /// What publishing gives: the files to write, or the last build's entries to keep, and
    /// every published path either way.
    struct Published {
        /// Files made anew (empty when kept).
        var files: [OutputFile] = []
        /// The last build's entries for the files, by path, when they stand (empty otherwise).
        var kept: [String: BuildCache.OutputEntry] = [:]
        /// Every published path.
        var paths: [String] = []
        /// The key of everything the files are made from.
        var key: UInt64 = 0
    }

    /// The files, or the entries of `cache` (the last build's outputs) when every path this
    /// build publishes has one under the same key.
    func publish(_ tree: SiteTree, cache: [String: BuildCache.OutputEntry]?) -> (
        Published, [Diagnostic]
    ) {
        let key = key(tree)
        if let cache {
            let paths = expectedPaths(tree)
            var kept: [String: BuildCache.OutputEntry] = [:]
            for path in paths {
                guard let entry = cache[path], entry.key == key,
                    entry.data != nil || entry.stamp != nil
                else { break }
                kept[path] = entry
            }
            if kept.count == paths.count, !paths.isEmpty {
                return (Published(kept: kept, paths: paths, key: key), warnings())
            }
        }
        let (files, diagnostics) = files(tree)
        return (Published(files: files, paths: files.map(\.path), key: key), diagnostics)
    }

    /// Makes every file; a colliding alias is an error.
    func files(_ tree: SiteTree) -> ([OutputFile], [Diagnostic]) {
        // The paths redirects may not take are gathered only when some page has aliases.
        let aliased = hasAliases(tree)
        var taken = aliased ? Set(taken) : []
        if aliased {
            for page in tree.pages { taken.insert(page.sitePath + "index.html") }
        }
        var (files, diagnostics) = RedirectBuilder(baseURL: config.baseURL).redirects(
            tree, taken: taken)
        diagnostics += warnings()
        guard config.baseURL.isAbsolute else { return (files, diagnostics) }
        let sitemap = SitemapBuilder(baseURL: config.baseURL)
        files.append(OutputFile(path: "sitemap.xml", contents: .data(sitemap.sitemap(tree))))
        files.append(OutputFile(path: "robots.txt", contents: .data(sitemap.robots())))
        if let feed = FeedBuilder(config: config).feed(tree) {
            files.append(OutputFile(path: "feed.xml", contents: .data(feed)))
        }
        return (files, diagnostics)
    }

    /// The paths `files` makes when no alias collides (a build with a colliding alias fails,
    /// so a cache it could be kept from never has one).
    func expectedPaths(_ tree: SiteTree) -> [String] {
        var paths: [String] = []
        var hasDate = false
        tree.pages.withUnsafeBufferPointer { pages in
            // Front matter is read in place: a copy retains every string it holds.
            for index in pages.indices {
                for alias in pages[index].page.frontMatter.aliases {
                    paths.append(RedirectBuilder.outputPath(alias))
                }
                hasDate =
                    hasDate || pages[index].page.frontMatter.date != nil
                    || pages[index].page.frontMatter.updated != nil
            }
        }
        guard config.baseURL.isAbsolute else { return paths }
        return paths + ["sitemap.xml", "robots.txt"] + (hasDate ? ["feed.xml"] : [])
    }

    /// Everything the files are made from: the base URL and feed settings, the paths taken,
    /// and each page's path, title, summary, dates and aliases, in reading order.
    func key(_ tree: SiteTree) -> UInt64 {
        var hasher = ContextHasher()
        for text in [config.baseURL.path, config.title, config.description, config.author] {
            hasher.combine(text)
        }
        hasher.combine(taken.count)
        for path in taken { hasher.combine(path) }
        hasher.combine(tree.pages.count)
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                hasher.combine(pages[index].sitePath)
                hasher.combine(pages[index].title)
                hasher.combine(pages[index].summary)
                Self.combine(pages[index].page.frontMatter.date, into: &hasher)
                Self.combine(pages[index].page.frontMatter.updated, into: &hasher)
                hasher.combine(pages[index].page.frontMatter.aliases.count)
                for alias in pages[index].page.frontMatter.aliases { hasher.combine(alias) }
            }
        }
        return hasher.value
    }

    private static func combine(_ date: Date?, into hasher: inout ContextHasher) {
        hasher.combine(date.map { Int(bitPattern: UInt($0.timeIntervalSince1970.bitPattern)) } ?? 0)
        hasher.combine(date != nil)
    }

    /// The warning a base URL without scheme and host gets.
    private func warnings() -> [Diagnostic] {
        guard !config.baseURL.isAbsolute else { return [] }
        return [
            .warning(
                SourceLocation(path: "sitegen.yml"),
                "baseURL '\(config.baseURL.path)' has no scheme and host: sitemap.xml, robots.txt, feed.xml, canonical URLs and Open Graph tags are left out"
            )
        ]
    }

    private func hasAliases(_ tree: SiteTree) -> Bool {
        tree.pages.withUnsafeBufferPointer { pages in
            pages.indices.contains { !pages[$0].page.frontMatter.aliases.isEmpty }
        }
    }
}

import Foundation
import SitegenMarkdown

/// Keeps a build's cache on disk between `sitegen build` runs (in `.sitegen-cache/` at the site
/// root), so a rebuild renders and templates only what changed.
///
/// The file starts with a header naming the format, the sitegen version and a hash of the
/// config file and build options; a cache with another header, or one that cannot be read, is
/// ignored and the build starts from scratch.
struct BuildCacheStore {
    /// The cache format; bump it whenever what is written changes.
    static let format = 16
    /// Files the Markdown entries are written in, read in parallel; a save writes only those
    /// whose entries changed.
    static let markdownSections = 64
    /// The cache file.
    let file: URL
    /// Format, version, config and options this cache is valid for.
    let header: String
    /// Worker count for reading, or nil for all cores.
    let jobs: Int?

    /// Creates a store for a build with `options`, whose config file has `configBytes`.
    init(options: BuildOptions, configBytes: Data?) {
        file = options.paths.root.appendingPathComponent(".sitegen-cache/build.cache")
        jobs = options.jobs
        var hasher = ContextHasher()
        hasher.combine(bytes: configBytes ?? Data())
        hasher.combine(options.baseURL ?? "\u{0}")
        hasher.combine(options.includeDrafts)
        hasher.combine(options.paths.output.path)
        header =
            "sitegen-cache \(Self.format) \(SitegenVersion.current) \(String(hasher.value, radix: 16))"
    }

    /// The saved cache, or an empty recording cache when there is none that fits.
    func load() -> BuildCache {
        var cache = loadEntries()
        cache.searchFile = searchFile
        return cache
    }

    /// Whether there is a saved cache with this build's header (its entries are not read).
    func hasFittingCache() -> Bool {
        // Only the header is read: the file is not read in ahead.
        guard let data = MappedFile(path: file.path, populating: false) else { return false }
        var reader = BinaryReader(data)
        return (try? reader.string()) == header
    }

    /// Where the record of what the output holds is kept, to list it without reading it.
    var outputRecord: URL { folder.appendingPathComponent("output.cache") }

    /// Where the split search index's chunk scans are kept.
    var searchFile: SearchScanFile {
        SearchScanFile(url: folder.appendingPathComponent("search.cache"), header: header)
    }

    private func loadEntries() -> BuildCache {
        guard let data = MappedFile(path: file.path) else { return BuildCache() }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return BuildCache() }
            guard let archive = HTMLArchive(folder: folder, name: try reader.string()) else {
                return BuildCache()
            }
            var cache = BuildCache()
            let archiveSize = archive.size ?? 0
            let sectionCount = try reader.int()
            guard (0...1024).contains(sectionCount) else { return BuildCache() }
            let digests = try (0..<sectionCount).map { _ in try reader.uint64() }
            // What follows the section list is read beside the sections.
            let tailRange = reader.filePosition..<data.bytes.count
            let tail = BackgroundTask(inline: jobs == 1) { Self.readTail(data, range: tailRange) }
            let read = digests.parallelMap(jobs: jobs) {
                digest -> [(String, BuildCache.MarkdownEntry)]? in
                readSection(digest, archive: archive, size: archiveSize)
            }
            cache.markdown.reserveCapacity(read.reduce(0) { $0 + ($1?.count ?? 0) })
            for part in read {
                guard let part else { return BuildCache() }
                for (path, entry) in part where cache.markdown[path] == nil {
                    cache.markdown[path] = entry
                }
            }
            cache.storedSections = Set(digests)
            guard let rest = tail.value() else { return BuildCache() }
            cache.startedAt = rest.startedAt
            cache.sources = rest.sources
            cache.outputs = rest.outputs
            cache.related = rest.related
            cache.linkCheck = rest.linkCheck
            return cache
        } catch {
            return BuildCache()
        }
    }

    /// The file of the Markdown entries whose digest is `digest`.
    private func sectionURL(_ digest: UInt64) -> URL {
        folder.appendingPathComponent("pages-\(String(digest, radix: 16)).cache")
    }

    /// The entries of the section file named by `digest`; nil when it is missing, malformed
    /// or holds other entries than its name says.
    private func readSection(_ digest: UInt64, archive: HTMLArchive, size archiveSize: Int)
        -> [(String, BuildCache.MarkdownEntry)]?
    {
        // Not read in ahead: the search texts, first in the file, are read only for pages whose
        // chunk is tokenised again.
        guard let data = MappedFile(path: sectionURL(digest).path, populating: false) else {
            return nil
        }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == header, let texts = try? reader.skipBytes() else {
            return nil
        }
        let entries = try? reader.array { reader in
            (
                try reader.string(),
                try Self.readMarkdown(
                    &reader, archive: archive, size: archiveSize, texts: texts)
            )
        }
        guard let entries, reader.isAtEnd,
            Self.digest(archive: archive.name, loaded: entries) == digest
        else { return nil }
        return entries
    }

    /// What the cache file holds after the Markdown sections.
    private struct Tail: Sendable {
        var startedAt: Int
        var sources: [String: CachedSource]
        var outputs: [String: BuildCache.OutputEntry]
        var related: (key: UInt64, pages: [[Int]])?
        var linkCheck: (key: UInt64, diagnostics: [Diagnostic])?
    }

    /// Reads what follows the Markdown sections, at `range` of the file; nil when malformed.
    private static func readTail(_ data: MappedFile, range: Range<Int>) -> Tail? {
        var reader = BinaryReader(data, range: range)
        do {
            let startedAt = try reader.int()
            let sources = try reader.dictionary { try Self.readSource(&$0) }
            let outputs = try reader.dictionary { try Self.readOutput(&$0) }
            let hasRelated = try reader.bool()
            let relatedKey = try reader.uint64()
            let counts = try reader.integers(Int32.self)
            let flat = try reader.integers(Int32.self)
            let hasLinkCheck = try reader.bool()
            let linkCheckKey = try reader.uint64()
            let linkWarnings = try reader.array { try Self.readDiagnostic(&$0) }
            guard reader.isAtEnd, counts.reduce(0, { $0 + Int($1) }) == flat.count else {
                return nil
            }
            var related: (key: UInt64, pages: [[Int]])?
            if hasRelated {
                var start = 0
                related = (
                    relatedKey,
                    counts.map { count in
                        defer { start += Int(count) }
                        return flat[start..<(start + Int(count))].map(Int.init)
                    }
                )
            }
            return Tail(
                startedAt: startedAt, sources: sources, outputs: outputs, related: related,
                linkCheck: hasLinkCheck ? (linkCheckKey, linkWarnings) : nil)
        } catch {
            return nil
        }
    }

    /// The cache folder.
    var folder: URL { file.deletingLastPathComponent() }

    /// The first half of a save, done while pages are templated: the page bodies are in the
    /// HTML archive and the Markdown entries in the temporary file, which stays open.
    final class PendingSave: Sendable {
        fileprivate let task: BackgroundTask<Begun?>
        fileprivate init(_ task: BackgroundTask<Begun?>) { self.task = task }
    }

    fileprivate struct Begun: Sendable {
        var descriptor: Int32
        var writer: BinaryWriter
        var archive: StoredArchive
        /// Digests of every section file the new cache names, and of those this save wrote.
        var sections: [UInt64]
        var written: [UInt64]
        /// Section files kept from the old cache rather than written.
        var keptSections: Int
    }

    /// Starts saving the Markdown entries on a thread of its own (or at once when `inline`):
    /// page bodies into the HTML archive (appended to the current one, or a new generation once
    /// the current one is mostly stale), the entries into a temporary file.
    func beginSave(_ cache: BuildCache, inline: Bool) -> PendingSave {
        let (markdown, sources, startedAt) = (cache.markdown, cache.sources, cache.startedAt)
        let stored = cache.storedSections
        return PendingSave(
            BackgroundTask(inline: inline) { [self] in
                begin(markdown, sources: sources, startedAt: startedAt, stored: stored)
            })
    }

    /// A digest of a section's entries (positions in `entries`): their paths, keys and where
    /// their bodies are (`spans`), which fix its bytes.
    static func digest(
        archive: String, _ section: [Int],
        of entries: [(key: String, value: BuildCache.MarkdownEntry)], spans: [(Int, Int)]
    ) -> UInt64 {
        var sum: UInt64 = 0
        entries.withUnsafeBufferPointer { entries in
            for position in section {
                sum &+= entryDigest(entries[position].key, entries[position].value, spans[position])
            }
        }
        return digest(archive: archive, count: section.count, sum: sum)
    }

    /// A section's digest from its entries' digests, summed: the same in any order, so a
    /// save sorts only the sections it writes.
    private static func digest(archive: String, count: Int, sum: UInt64) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(archive)
        hasher.combine(count)
        hasher.combine(Int(bitPattern: UInt(sum)))
        return hasher.value
    }

    /// The same digest of a section as loaded (every body where the entry says it is).
    static func digest(archive: String, loaded entries: [(String, BuildCache.MarkdownEntry)])
        -> UInt64
    {
        var sum: UInt64 = 0
        for (path, entry) in entries { sum &+= entryDigest(path, entry, nil) }
        return digest(archive: archive, count: entries.count, sum: sum)
    }

    /// One entry's part of its section's digest: its path, key and where its body is.
    private static func entryDigest(
        _ path: String, _ entry: borrowing BuildCache.MarkdownEntry, _ span: (Int, Int)?
    ) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(path)
        hasher.combine(Int(bitPattern: UInt(entry.key)))
        let stored = span ?? entry.page.storedHTML.map { ($0.offset, $0.count) } ?? (-1, -1)
        hasher.combine(stored.0)
        hasher.combine(stored.1)
        return StableHash.mix(hasher.value)
    }

    /// The section (of `markdownSections`) a page's entry goes in, by a hash of its path, so
    /// adding a page changes one section only.
    static func section(of path: String) -> Int {
        Int(StableHash.fnv1a(path.utf8) % UInt64(markdownSections))
    }

    private func begin(
        _ markdown: [String: BuildCache.MarkdownEntry], sources: [String: CachedSource],
        startedAt: Int, stored: Set<UInt64>
    ) -> Begun? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Entries are copied once, then read in place: a copy per step retained every string
        // and list of 10,000 pages again. Only the sections written are sorted.
        let entries = Array(markdown)
        guard let archive = storeHTML(entries) else { return nil }
        var sections = Array(repeating: [Int](), count: Self.markdownSections)
        for position in entries.indices {
            sections[Self.section(of: entries[position].key)].append(position)
        }
        // A section whose entries are all as loaded keeps its file; the others get new ones,
        // named by their digests, which no file of the old cache can have.
        var (digests, written) = ([UInt64](), [UInt64]())
        for section in sections {
            let digest = Self.digest(
                archive: archive.name, section, of: entries, spans: archive.spans)
            digests.append(digest)
            // (Sections with equal entries, the empty ones, share a file.)
            if stored.contains(digest) || written.contains(digest) { continue }
            let sorted = entries.withUnsafeBufferPointer { entries in
                section.sorted { ByteOrder.precedes(entries[$0].key, entries[$1].key) }
            }
            guard writeSection(sorted, of: entries, spans: archive.spans, digest: digest) else {
                removeSections(written)
                discard(archive)
                return nil
            }
            written.append(digest)
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            removeSections(written)
            discard(archive)
            return nil
        }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string(header)
        writer.string(archive.name)
        writer.int(digests.count)
        for digest in digests { writer.uint64(digest) }
        writer.int(startedAt)
        // In the dictionary's order: the reader makes a dictionary again, so sorting 10,000
        // entries bought nothing (the output, not the cache, is byte for byte the same).
        writer.int(sources.count)
        for (path, source) in sources {
            writer.string(path)
            Self.write(source, to: &writer)
        }
        writer.flush()
        return Begun(
            descriptor: descriptor, writer: writer, archive: archive, sections: digests,
            written: written, keptSections: digests.filter(stored.contains).count)
    }

    /// Writes the entries at `section` (positions in `entries`, whose bodies are at `spans`)
    /// to the file their digest names (through a temporary file, so a file by that name is
    /// always whole); false when that failed.
    private func writeSection(
        _ section: [Int], of entries: [(key: String, value: BuildCache.MarkdownEntry)],
        spans: [(Int, Int)], digest: UInt64
    ) -> Bool {
        let target = sectionURL(digest).path
        let pending = target + ".tmp"
        let descriptor = open(pending, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string(header)
        entries.withUnsafeBufferPointer { entries in
            // The search texts first, as one run of bytes, then the entries, which point into it.
            var length = 0
            for position in section {
                for text in entries[position].value.page.sections { length += text.text.utf8Count }
            }
            writer.int(length)
            for position in section {
                entries[position].value.page.sections.withUnsafeBufferPointer { sections in
                    for index in sections.indices {
                        sections[index].text.withUTF8 {
                            writer.raw(bytes: UnsafeRawBufferPointer($0))
                        }
                    }
                }
            }
            writer.int(section.count)
            var offset = 0
            for position in section {
                writer.string(entries[position].key)
                Self.write(
                    entries[position].value, span: spans[position], textOffset: &offset, to: &writer
                )
            }
        }
        writer.flush()
        guard close(descriptor) == 0, !writer.failed, rename(pending, target) == 0 else {
            unlink(pending)
            return false
        }
        return true
    }

    /// Continues a save on a thread of its own (or at once when `inline`) with what follows the
    /// Markdown entries: each templated file's entry, with the stamp the output gave it
    /// (`stamps`), and the related pages. This needs only the templated files, so it runs while
    /// the rest of the build finishes; the file is still temporary until `finishSave`.
    func continueSave(
        _ pending: PendingSave, _ cache: BuildCache, stamps: [String: FileStamp], inline: Bool
    ) -> PendingSave {
        let (outputs, related, linkCheck) = (cache.outputs, cache.related, cache.linkCheck)
        return PendingSave(
            BackgroundTask(inline: inline) {
                guard var begun = pending.task.value() else { return nil }
                // Unsorted, as the sources are.
                begun.writer.int(outputs.count)
                for (path, entry) in outputs {
                    begun.writer.string(path)
                    Self.write(entry, stamp: stamps[path], to: &begun.writer)
                }
                begun.writer.bool(related != nil)
                begun.writer.uint64(related?.key ?? 0)
                let pages = related?.pages ?? []
                begun.writer.integers(pages.map { Int32($0.count) })
                begun.writer.integers(pages.flatMap { $0.map(Int32.init) })
                begun.writer.bool(linkCheck != nil)
                begun.writer.uint64(linkCheck?.key ?? 0)
                begun.writer.array(linkCheck?.diagnostics ?? []) { Self.write($1, to: &$0) }
                begun.writer.flush()
                return begun
            })
    }

    /// Finishes a save that `continueSave` completed and puts the file in place of the old
    /// one, and commits `cache`'s search scans beside it. A cache that cannot be written is
    /// removed, never left half-written: the old file
    /// keeps pointing at bytes the archive still holds. Returns how many sections of Markdown
    /// entries were copied from the old file.
    @discardableResult
    func finishSave(_ pending: PendingSave, _ cache: BuildCache) -> Int {
        guard let begun = pending.task.value() else {
            try? FileManager.default.removeItem(at: file)
            return 0
        }
        let closed = close(begun.descriptor) == 0
        guard !begun.writer.failed, closed, rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: file)
            discard(begun)
            return 0
        }
        // What the new cache does not name: older archives, sections of entries since changed.
        let kept = Set(begun.sections.map { sectionURL($0).lastPathComponent })
        for name in fileNames() {
            let isArchive = name.hasPrefix("html-") && name.hasSuffix(".cache")
            let isSection = name.hasPrefix("pages-")
            if (isArchive && name != begun.archive.name) || (isSection && !kept.contains(name)) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        cache.searchFile?.commit()
        return begun.keptSections
    }

    /// Undoes a save begun for a build that failed; the old cache stays as it was (the search
    /// index's pending scans included).
    func abandonSave(_ pending: PendingSave) {
        searchFile.discardPending()
        guard let begun = pending.task.value() else { return }
        close(begun.descriptor)
        try? FileManager.default.removeItem(at: temporary)
        discard(begun)
    }

    /// Removes what a save that will not be committed wrote: its section files and archive.
    private func discard(_ begun: Begun) {
        removeSections(begun.written)
        discard(begun.archive)
    }

    /// Removes the section files named by `digests`.
    private func removeSections(_ digests: [UInt64]) {
        for digest in digests { try? FileManager.default.removeItem(at: sectionURL(digest)) }
    }

    /// The temporary file a save writes.
    private var temporary: URL { folder.appendingPathComponent("build.cache.tmp") }

    /// Where page bodies went: the archive's name, each page's (offset, count), whether it is a
    /// new file (the others are removed once the save is complete), and where this save began
    /// appending to an old one.
    fileprivate struct StoredArchive: Sendable {
        var name: String
        var spans: [(Int, Int)]
        var isNew: Bool
        var appendedAt: Int?
    }

    /// The names of the files in the cache folder.
    private func fileNames() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// The names of the HTML archives in the cache folder (`html-N.cache`).
    private func archiveNames() -> [String] {
        fileNames().filter { $0.hasPrefix("html-") && $0.hasSuffix(".cache") }
    }

    /// Removes an archive a failed save created, or cuts what it appended to an old one.
    private func discard(_ archive: StoredArchive) {
        let path = folder.appendingPathComponent(archive.name).path
        if archive.isNew {
            try? FileManager.default.removeItem(atPath: path)
        } else if let size = archive.appendedAt {
            _ = truncate(path, off_t(size))
        }
    }

    /// Puts every entry's page HTML in an archive (pages read in place).
    private func storeHTML(_ entries: [(key: String, value: BuildCache.MarkdownEntry)])
        -> StoredArchive?
    {
        entries.withUnsafeBufferPointer { storeHTML($0) }
    }

    private func storeHTML(
        _ entries: UnsafeBufferPointer<(key: String, value: BuildCache.MarkdownEntry)>
    )
        -> StoredArchive?
    {
        var current: HTMLArchive?
        for position in entries.indices where current == nil {
            current = entries[position].value.page.storedHTML?.archive
        }
        var live = 0
        for position in entries.indices {
            if let stored = entries[position].value.page.storedHTML {
                live += stored.archive === current ? stored.count : 0
            } else {
                live += entries[position].value.page.htmlBytes.count
            }
        }
        if let current, let size = current.size, size <= 2 * live {
            let path = folder.appendingPathComponent(current.name).path
            let descriptor = open(path, O_WRONLY | O_APPEND)
            guard descriptor >= 0 else { return nil }
            var offset = size
            var writer = BinaryWriter(streamingTo: descriptor)
            var spans: [(Int, Int)] = []
            spans.reserveCapacity(entries.count)
            for position in entries.indices {
                if let stored = entries[position].value.page.storedHTML, stored.archive === current
                {
                    spans.append((stored.offset, stored.count))
                    continue
                }
                let html = entries[position].value.page.htmlBytes
                writer.raw(html)
                let count = html.count
                spans.append((offset, count))
                offset += count
            }
            writer.flush()
            guard close(descriptor) == 0, !writer.failed else { return nil }
            return StoredArchive(name: current.name, spans: spans, isNew: false, appendedAt: size)
        }
        // A new generation never reuses a name on disk: the old cache points into its archive
        // until this build succeeds.
        let generation =
            (archiveNames().compactMap { Int($0.dropFirst(5).dropLast(6)) }.max() ?? 0) + 1
        let name = "html-\(generation).cache"
        let descriptor = open(
            folder.appendingPathComponent(name).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return nil }
        var offset = 0
        var writer = BinaryWriter(streamingTo: descriptor)
        var spans: [(Int, Int)] = []
        spans.reserveCapacity(entries.count)
        for position in entries.indices {
            let count: Int
            if let stored = entries[position].value.page.storedHTML {
                let html = stored.text
                count = html.utf8.count
                writer.raw(html)
            } else {
                let html = entries[position].value.page.htmlBytes
                count = html.count
                writer.raw(html)
            }
            spans.append((offset, count))
            offset += count
        }
        writer.flush()
        guard close(descriptor) == 0, !writer.failed else {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            return nil
        }
        return StoredArchive(name: name, spans: spans, isNew: true, appendedAt: nil)
    }

    // MARK: Markdown entries

    /// Writes a Markdown entry; each search text as where it is in the section's texts (from
    /// `textOffset`, which moves past it), its length and digest.
    private static func write(
        _ entry: BuildCache.MarkdownEntry, span: (Int, Int), textOffset: inout Int,
        to writer: inout BinaryWriter
    ) {
        writer.uint64(entry.key)
        // Read in place: a copy of the page retained each of its strings and lists.
        writer.string(entry.page.title)
        writer.string(entry.page.summary)
        writer.uint64(entry.page.htmlHash)
        writer.int(span.0)
        writer.int(span.1)
        // Lists are walked through their buffers, each element read in place (a generic
        // closure was handed a copy of every link, retaining its strings).
        writer.int(entry.page.headings.count)
        entry.page.headings.withUnsafeBufferPointer { headings in
            for position in headings.indices { write(headings[position], to: &writer) }
        }
        writer.int(entry.page.sections.count)
        entry.page.sections.withUnsafeBufferPointer { sections in
            for position in sections.indices {
                writer.bool(sections[position].heading != nil)
                if let heading = sections[position].heading { write(heading, to: &writer) }
                writer.text(sections[position].text, at: textOffset)
                textOffset += sections[position].text.utf8Count
            }
        }
        if let stored = entry.page.storedLinks {
            writer.raw(bytes: stored.bytes)
        } else {
            StoredLinks.write(ids: entry.page.ids, links: entry.page.links, to: &writer)
        }
        writer.int(entry.page.wordCount)
        writer.uint64(entry.page.linkDigest)
    }

    private static func readMarkdown(
        _ reader: inout BinaryReader, archive: HTMLArchive, size archiveSize: Int,
        texts: Range<Int>
    ) throws
        -> BuildCache.MarkdownEntry
    {
        let key = try reader.uint64()
        let title = try reader.string()
        let summary = try reader.string()
        let htmlHash = try reader.uint64()
        let offset = try reader.int()
        let count = try reader.int()
        guard offset >= 0, count >= 0, offset + count <= archiveSize else {
            throw BinaryReader.Malformed()
        }
        let headings = try reader.array { try readHeading(&$0) }
        let sections = try reader.array { reader in
            let heading = try reader.bool() ? try readHeading(&reader) : nil
            return SearchSection(heading: heading, text: try reader.text(in: texts))
        }
        let links = try StoredLinks.skip(&reader)
        var page = RenderedPage(
            page: Page(
                sourcePath: nil, sitePath: "", sectionPath: nil, parentSection: "",
                fallbackTitle: ""),
            title: title, summary: summary, html: "", headings: headings, sections: sections,
            ids: [], links: [], wordCount: try reader.int(), htmlHash: htmlHash,
            storedHTML: StoredHTML(archive: archive, offset: offset, count: count))
        page.storedLinks = links
        page.linkDigest = try reader.uint64()
        return BuildCache.MarkdownEntry(key: key, page: page)
    }

    private static func write(_ heading: MarkdownHeading, to writer: inout BinaryWriter) {
        writer.int(heading.level)
        writer.string(heading.text)
        writer.string(heading.id)
        writer.int(heading.line)
    }

    private static func readHeading(_ reader: inout BinaryReader) throws -> MarkdownHeading {
        MarkdownHeading(
            level: try reader.int(), text: try reader.string(), id: try reader.string(),
            line: try reader.int())
    }

    // MARK: Source parses

    private static func write(_ source: CachedSource, to writer: inout BinaryWriter) {
        writer.int(source.stamp.size)
        writer.uint64(source.stamp.inode)
        writer.int(source.stamp.modified)
        writer.int(source.stamp.changed)
        write(source.frontMatter, to: &writer)
        writer.int(source.bodyLineOffset)
        writer.uint64(source.bodyHash)
        writer.array(source.problems) { write($1, to: &$0) }
    }

    private static func readSource(_ reader: inout BinaryReader) throws -> CachedSource {
        let stamp = SourceStamp(
            size: try reader.int(), inode: try reader.uint64(), modified: try reader.int(),
            changed: try reader.int())
        return CachedSource(
            stamp: stamp, frontMatter: try readFrontMatter(&reader),
            bodyLineOffset: try reader.int(), bodyHash: try reader.uint64(),
            problems: try reader.array { try readDiagnostic(&$0) })
    }

    /// Number of stored properties of `FrontMatter` that `write(_:to:)` covers.
    static let frontMatterFields = 11

    private static func write(_ matter: FrontMatter, to writer: inout BinaryWriter) {
        writer.optional(matter.title)
        writer.optional(matter.summary)
        writer.strings(matter.topics)
        write(matter.date, to: &writer)
        write(matter.updated, to: &writer)
        writer.bool(matter.weight != nil)
        writer.int(matter.weight ?? 0)
        writer.bool(matter.draft)
        writer.optional(matter.slug)
        writer.strings(matter.aliases)
        writer.optional(matter.template)
        // In the dictionary's order: the reader makes a dictionary again.
        writer.int(matter.lines.count)
        for (key, line) in matter.lines {
            writer.string(key)
            writer.int(line)
        }
    }

    /// Writes a front-matter date: whether there is one, then its time.
    private static func write(_ date: Date?, to writer: inout BinaryWriter) {
        writer.bool(date != nil)
        writer.uint64((date?.timeIntervalSinceReferenceDate ?? 0).bitPattern)
    }

    private static func readFrontMatter(_ reader: inout BinaryReader) throws -> FrontMatter {
        var matter = FrontMatter()
        matter.title = try reader.optional()
        matter.summary = try reader.optional()
        matter.topics = try reader.strings()
        matter.date = try readDate(&reader)
        matter.updated = try readDate(&reader)
        let hasWeight = try reader.bool()
        let weight = try reader.int()
        matter.weight = hasWeight ? weight : nil
        matter.draft = try reader.bool()
        matter.slug = try reader.optional()
        matter.aliases = try reader.strings()
        matter.template = try reader.optional()
        let lines = try reader.array { reader in (try reader.string(), try reader.int()) }
        matter.lines = Dictionary(lines, uniquingKeysWith: { first, _ in first })
        return matter
    }

    /// A front-matter date as `write(_:to:)` wrote it: whether there is one, then its time.
    private static func readDate(_ reader: inout BinaryReader) throws -> Date? {
        let present = try reader.bool()
        let seconds = Double(bitPattern: try reader.uint64())
        return present ? Date(timeIntervalSinceReferenceDate: seconds) : nil
    }

    private static func write(_ diagnostic: Diagnostic, to writer: inout BinaryWriter) {
        writer.bool(diagnostic.severity == .error)
        write(diagnostic.location, to: &writer)
        writer.string(diagnostic.message)
    }

    private static func readDiagnostic(_ reader: inout BinaryReader) throws -> Diagnostic {
        Diagnostic(
            try reader.bool() ? .error : .warning, try readLocation(&reader), try reader.string())
    }

    // MARK: Output entries

    /// Writes an output entry with `stamp` (the one the output gave its file) for its own.
    private static func write(
        _ entry: BuildCache.OutputEntry, stamp: FileStamp?, to writer: inout BinaryWriter
    ) {
        writer.uint64(entry.key)
        writer.int(stamp?.size ?? -1)
        writer.int(stamp?.modified ?? 0)
        writer.string(entry.check.path)
        entry.check.ids.write(to: &writer)
        writer.array(entry.check.diagnostics) { write($1, to: &$0) }
        writer.strings(entry.check.deferred)
    }

    private static func readOutput(_ reader: inout BinaryReader) throws -> BuildCache.OutputEntry {
        let key = try reader.uint64()
        let size = try reader.int()
        let modified = try reader.int()
        let check = OutputLinkChecker.PageCheck(
            path: try reader.string(),
            ids: PageIDs(mapped: reader.mappedFile, range: try reader.skipStrings()),
            diagnostics: try reader.array { try readDiagnostic(&$0) },
            deferred: try reader.strings())
        return BuildCache.OutputEntry(
            key: key, data: nil, check: check,
            stamp: size < 0 ? nil : FileStamp(size: size, modified: modified))
    }

    private static func write(_ location: SourceLocation, to writer: inout BinaryWriter) {
        writer.string(location.path)
        writer.int(location.line)
        writer.int(location.column)
    }

    private static func readLocation(_ reader: inout BinaryReader) throws -> SourceLocation {
        SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}

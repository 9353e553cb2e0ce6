/// One page of the site: a Markdown file, or a generated page for a folder without an index.
public struct Page: Sendable, Equatable {
    /// Path relative to `content/`, or nil for a generated section page.
    public var sourcePath: String?
    /// Output path relative to the site root: `guide/intro/`, or `` for the home page.
    public var sitePath: String
    /// The folder this page lists when it is a section's own page, else nil.
    public var sectionPath: String?
    /// The folder (section) the page sits in; a section page sits in its parent's.
    public var parentSection: String
    /// Decoded front matter.
    public var frontMatter: FrontMatter
    /// The Markdown body.
    public var body: String
    /// How many lines of the file precede the body.
    public var bodyLineOffset: Int
    /// A hash of the body, which render keys use in place of the body itself.
    public var bodyHash: UInt64 = 0
    /// Whether `body` was left unread (the file is unchanged since a cached build): rendering
    /// the page again reads it from the source file.
    public var bodyIsOnDisk = false
    /// Fallback title used when neither front matter nor a leading h1 gives one.
    public var fallbackTitle: String

    /// Creates a page.
    public init(
        sourcePath: String?, sitePath: String, sectionPath: String?, parentSection: String,
        frontMatter: FrontMatter = FrontMatter(), body: String = "", bodyLineOffset: Int = 0,
        fallbackTitle: String
    ) {
        self.sourcePath = sourcePath
        self.sitePath = sitePath
        self.sectionPath = sectionPath
        self.parentSection = parentSection
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.fallbackTitle = fallbackTitle
        bodyHash = Self.hash(body)
    }

    /// The hash `bodyHash` holds for `body`.
    static func hash(_ body: String) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(body)
        return hasher.value
    }

    /// Whether the page is a section's own page.
    public var isSection: Bool { sectionPath != nil }

    /// The path diagnostics name: `content/<source>`, or the folder for a generated page.
    public var diagnosticPath: String {
        if let sourcePath { return "content/" + sourcePath }
        return "content/" + (sectionPath ?? "")
    }
}

/// Where an internal link leads: a site path and an optional fragment.
public struct LinkTarget: Sendable, Equatable {
    /// Output path relative to the site root (`guide/intro/`, `img/a.png`); nil when a `.md`
    /// link names no page.
    public var sitePath: String?
    /// The part after `#`, if any.
    public var fragment: String?
    /// The link written into the HTML.
    public var href: String

    /// Creates a target.
    public init(sitePath: String?, fragment: String?, href: String) {
        self.sitePath = sitePath
        self.fragment = fragment
        self.href = href
    }
}

/// A link found in a page, with where it was written and where it leads.
public struct PageLink: Sendable, Equatable {
    /// The destination as written.
    public var destination: String
    /// Where it was written.
    public var location: SourceLocation
    /// Where it leads.
    public var target: LinkTarget
}

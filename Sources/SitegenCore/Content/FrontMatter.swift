import Foundation

/// The typed fields a page's YAML front matter may set.
public struct FrontMatter: Sendable, Equatable {
    /// Page title.
    public var title: String?
    /// One-sentence summary.
    public var summary: String?
    /// Topic slugs.
    public var topics: [String] = []
    /// Publication date.
    public var date: Date?
    /// Date of the last meaningful update.
    public var updated: Date?
    /// Sort key within the section; lower comes first.
    public var weight: Int?
    /// Drafts are left out unless building with `--drafts`.
    public var draft = false
    /// Replaces the last part of the page's URL.
    public var slug: String?
    /// Old URLs that should lead to this page.
    public var aliases: [String] = []
    /// Template name to render the page with.
    public var template: String?

    /// The file line of each key that was set, for diagnostics about its value.
    public var lines: [String: Int] = [:]

    /// Creates empty front matter.
    public init() {}
}

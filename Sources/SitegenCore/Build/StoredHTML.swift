/// Where one page's body HTML is kept in an archive.
public struct StoredHTML: Sendable, Equatable {
    /// The archive holding it.
    let archive: HTMLArchive
    /// Byte offset in the archive.
    let offset: Int
    /// Length in bytes.
    let count: Int

    /// The HTML, or an empty string when the archive no longer holds it.
    var text: String { archive.read(offset: offset, count: count) ?? "" }

    public static func == (lhs: StoredHTML, rhs: StoredHTML) -> Bool {
        lhs.archive === rhs.archive && lhs.offset == rhs.offset && lhs.count == rhs.count
    }
}

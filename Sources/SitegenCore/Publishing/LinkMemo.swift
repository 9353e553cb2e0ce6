import Foundation

/// Verdicts of root-relative links already checked, keyed by the link's bytes: a link seen on
/// an earlier page costs a hash and a byte comparison (`ByteInterner`) instead of a new string.
///
/// Only links without `&` are recorded, so a recorded link's raw and decoded forms are the same
/// bytes and a lookup by a page's raw attribute value is exact.
public struct LinkMemo: Sendable {
    /// The recorded links.
    private var links = ByteInterner(slots: 256)
    /// Each link's verdict (nil when the link is fine), by id.
    private var verdicts: [String?] = []

    /// An empty memo.
    public init() {}

    /// The recorded verdict of `link` (nil inside when the link is fine), or nil if unknown.
    func verdict(for link: UnsafeBufferPointer<UInt8>) -> String?? {
        guard let id = links.existingID(of: link) else { return nil }
        return .some(verdicts[Int(id)])
    }

    /// The recorded verdict of a decoded link.
    func verdict(for link: String) -> String?? {
        var link = link
        return link.withUTF8 { verdict(for: $0) }
    }

    /// Records the verdict of a decoded link, unless it holds `&` or is known already.
    mutating func record(_ link: String, verdict: String?) {
        guard !link.containsUTF8(UInt8(ascii: "&")) else { return }
        var link = link
        let id = link.withUTF8 { links.id(of: $0) }
        if Int(id) == verdicts.count { verdicts.append(verdict) }
    }
}

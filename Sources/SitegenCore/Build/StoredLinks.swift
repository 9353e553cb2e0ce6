import Foundation

/// A page's ids and links as the build cache writes them, and left there: a rebuild reads a
/// cached page's ids and links only when the link check runs again or its file is checked, so
/// loading the cache skips them (about 20 strings a page) and a save copies their bytes.
struct StoredLinks: Sendable {
    /// The mapped cache file, where the ids are and where the links are in it (right after).
    let file: MappedFile
    let ids: Range<Int>
    let links: Range<Int>

    /// The ids; empty when the bytes cannot be read.
    var decodedIDs: [String] {
        var reader = BinaryReader(file, range: ids)
        return (try? reader.strings()) ?? []
    }

    /// The links; empty when the bytes cannot be read.
    var decodedLinks: [PageLink] {
        var reader = BinaryReader(file, range: links)
        return (try? Self.read(&reader)) ?? []
    }

    /// The ids' and links' bytes, to be written again as they are.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[ids.lowerBound..<links.upperBound])
    }

    /// Writes `ids`, then `links`: a count, then each link's destination, location and target.
    static func write(ids: [String], links: [PageLink], to writer: inout BinaryWriter) {
        writer.strings(ids)
        writer.int(links.count)
        // Read in place: a generic closure was handed a copy of every link, retaining its
        // strings.
        links.withUnsafeBufferPointer { links in
            for position in links.indices {
                writer.string(links[position].destination)
                writer.string(links[position].location.path)
                writer.int(links[position].location.line)
                writer.int(links[position].location.column)
                writer.optional(links[position].target.sitePath)
                writer.optional(links[position].target.fragment)
                writer.string(links[position].target.href)
            }
        }
    }

    /// Reads the links `write` wrote.
    private static func read(_ reader: inout BinaryReader) throws -> [PageLink] {
        try reader.array { reader in
            PageLink(
                destination: try reader.string(),
                location: SourceLocation(
                    path: try reader.string(), line: try reader.int(), column: try reader.int()),
                target: LinkTarget(
                    sitePath: try reader.optional(), fragment: try reader.optional(),
                    href: try reader.string()))
        }
    }

    /// Steps over what `write` wrote, checking its lengths, and keeps where it is.
    static func skip(_ reader: inout BinaryReader) throws -> StoredLinks {
        let ids = try reader.skipStrings()
        let start = reader.filePosition
        let count = try reader.int()
        for _ in 0..<max(0, count) {
            try reader.skipString()
            try reader.skipString()
            _ = try reader.int()
            _ = try reader.int()
            if try reader.bool() { try reader.skipString() }
            if try reader.bool() { try reader.skipString() }
            try reader.skipString()
        }
        guard count >= 0 else { throw BinaryReader.Malformed() }
        return StoredLinks(file: reader.mappedFile, ids: ids, links: start..<reader.filePosition)
    }
}

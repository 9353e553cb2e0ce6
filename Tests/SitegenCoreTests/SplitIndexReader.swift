import Foundation

@testable import SitegenCore

/// Reads a split search index back from built files, as the theme's client does.
struct SplitIndexReader {
    /// One decoded entry `[m, p, s]`.
    struct Entry: Equatable {
        /// 0 complete, > 0 posting list size, -1 capped without a list.
        var m: Int
        /// Document → 1 in the title, 3 the title's first word.
        var title: [Int: Int]
        /// Document → flags (1 heading, 2 text, 4 page top).
        var postings: [Int: Int]
    }

    /// Files by path.
    let files: [String: Data]
    /// The manifest.
    let manifest: [String: Any]

    /// Reads the files of a build; nil when there is no manifest.
    init?(_ files: [OutputFile]) {
        var byPath: [String: Data] = [:]
        for file in files { byPath[file.path] = file.bytes() }
        guard let data = byPath["search/manifest.json"],
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        self.files = byPath
        self.manifest = manifest
    }

    /// The shard keys.
    var shards: [String] { manifest["shards"] as? [String] ?? [] }
    /// The folder of the index's files.
    let folder = "search/"

    /// A JSON file of the index.
    func json(_ name: String) -> Any? {
        files[folder + name].flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    /// The hash that names shard `index`'s files.
    func shardHash(_ index: Int) -> String {
        let hashes = manifest["s"] as? [String] ?? []
        return index < hashes.count ? hashes[index] : ""
    }

    /// The name of shard `index`'s terms file.
    func termsFile(_ index: Int) -> String { "t-\(shardHash(index)).json" }

    /// The name of the full posting list of term `position` of shard `shard`.
    func postingsFile(shard: Int, position: Int) -> String {
        "p-\(shardHash(shard))-\(position).json"
    }

    /// The name of document chunk `number`'s file.
    func docsFile(_ number: Int) -> String {
        let hashes = manifest["d"] as? [String] ?? []
        let block = number / max(1, manifest["block"] as? Int ?? 1)
        return "d-\(block < hashes.count ? hashes[block] : "")-\(number).json"
    }

    /// A shard as `{a, e, w}`.
    func shard(_ index: Int) -> [String: Any] {
        json(termsFile(index)) as? [String: Any] ?? [:]
    }

    /// The index of the shard with the longest key `term` starts with.
    func shardIndex(for term: String) -> Int? {
        var best: Int?
        for (index, key) in shards.enumerated()
        where term.unicodeScalars.starts(with: key.unicodeScalars) {
            if best.map({ shards[$0].unicodeScalars.count < key.unicodeScalars.count }) ?? true {
                best = index
            }
        }
        return best
    }

    /// The entry of exactly `term`, with its shard and position.
    func entry(for term: String) -> (entry: Entry, shard: Int, position: Int)? {
        guard let index = shardIndex(for: term) else { return nil }
        let shard = shard(index)
        let words = shard["w"] as? [String] ?? []
        let entries = shard["e"] as? [[Any]] ?? []
        guard let position = words.firstIndex(where: { Array($0.utf8) == Array(term.utf8) }),
            position < entries.count
        else { return nil }
        return (Self.decode(entries[position]), index, position)
    }

    /// Decodes `[m, p, s]`.
    static func decode(_ raw: [Any]) -> Entry {
        let m = raw.first as? Int ?? 0
        let p = raw.count > 1 ? raw[1] as? [Int] ?? [] : []
        let s = raw.count > 2 ? raw[2] as? [Int] ?? [] : []
        var title: [Int: Int] = [:]
        var doc = 0
        for pair in stride(from: 0, to: p.count - 1, by: 2) {
            doc += p[pair]
            for offset in 0..<(p[pair + 1] >> 1) {
                title[doc + offset] = p[pair + 1] & 1 == 1 ? 3 : 1
            }
            doc += p[pair + 1] >> 1
        }
        var postings: [Int: Int] = [:]
        doc = 0
        for pair in stride(from: 0, to: s.count - 1, by: 2) {
            doc += s[pair]
            postings[doc] = s[pair + 1]
        }
        return Entry(m: m, title: title, postings: postings)
    }

    /// The documents of a full posting list file.
    func fullList(shard: Int, position: Int) -> [Int]? {
        guard let list = json(postingsFile(shard: shard, position: position)) as? [String: Any]
        else {
            return nil
        }
        if let gaps = list["d"] as? [Int] {
            var doc = 0
            return gaps.map { gap in
                doc += gap
                return doc
            }
        }
        guard let text = list["b"] as? String, let bytes = Data(base64Encoded: text) else {
            return nil
        }
        var docs: [Int] = []
        for (index, byte) in bytes.enumerated() {
            for bit in 0..<8 where byte >> bit & 1 == 1 { docs.append(index * 8 + bit) }
        }
        return docs
    }

    /// Every document, from the chunks.
    func documents() -> [[String: Any]] {
        let count = manifest["docs"] as? Int ?? 0
        let chunk = max(1, manifest["chunk"] as? Int ?? 1)
        return (0..<((count + chunk - 1) / chunk)).flatMap {
            json(docsFile($0)) as? [[String: Any]] ?? []
        }
    }
}

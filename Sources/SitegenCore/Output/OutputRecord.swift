import Foundation

/// What an output folder held when a build left it: each folder, with its stamp when that was
/// known and settled, and the files in it. The next build lists the output from it by stating
/// each folder instead of reading it: adding, removing or renaming an entry moves a folder's
/// stamp, so a folder whose stamp is unchanged holds what it held, and any other is read. The
/// record is a hint checked against the file system, so a stale one costs time, never output.
///
/// A build that updates the output appends what it changed (the folders it touched, with
/// their files and no stamp, and those it removed), and the stamps of the folders its listing
/// read and left alone, to a journal beside the record instead of writing it whole; the
/// record is written again, with every settled stamp, once the journal or the folders a
/// listing had to read grow past a limit. A build that makes a new output records it whole.
struct OutputRecord: Sendable, Equatable {
    /// A folder of the output and the files in it (paths relative to the output).
    struct Folder: Sendable, Equatable {
        var path: String
        var stamp: SourceStamp?
        var files: [String]
    }

    /// Every folder, the output itself ("") first, each before the folders in it.
    var folders: [Folder]

    /// How many builds' changes the journal holds, so far as a listing read it.
    var journalLength = 0

    /// How many folders a listing may read, or builds the journal may hold, before the record
    /// is written whole again.
    static let rewriteLimit = 64

    /// The first line of the record's file.
    static let header = "sitegen-output-record 2"

    /// The record of an output holding exactly the files `made` (and the folders they are
    /// in), with the stamps in `tree` of the folders not in `touched`, when they are settled
    /// (not changed shortly before `tree` was listed, which a coarse clock could hide).
    init(made: some Sequence<String>, tree: FolderTree, touched: Set<String>) {
        var files: [String: [String]] = ["": []]
        for path in made { files[PageCollector.parent(of: path), default: []].append(path) }
        for folder in Array(files.keys) {
            var parent = folder
            while !parent.isEmpty {
                parent = PageCollector.parent(of: parent)
                if files[parent] == nil { files[parent] = [] }
            }
        }
        let stamps = Dictionary(tree.stamps, uniquingKeysWith: { first, _ in first })
        // In byte order, which puts a parent before the folders in it as `<` does, at a
        // `memcmp` per comparison.
        folders = ByteOrder.sorted(Array(files.keys)).map { path in
            var stamp = touched.contains(path) ? nil : stamps[path]
            if stamp?.isRecent(since: tree.listedAt) == true { stamp = nil }
            return Folder(path: path, stamp: stamp, files: files[path] ?? [])
        }
    }

    /// A record of `folders`, as read back from its file.
    init(folders: [Folder]) {
        self.folders = folders
    }

    /// Lists the output folder at `root`: a folder whose stamp is as recorded is taken to hold
    /// the recorded files; any other is read, and folders in it that the record lacks are
    /// walked.
    func list(_ root: String) -> FolderTree {
        var tree = FolderTree(files: [], folders: [])
        tree.journalLength = journalLength
        guard let handle = DirectoryHandle(root) else { return tree }
        // Needed only when a folder must be read.
        var recorded: Set<String>?
        // Folders found as folders: one whose parent was not (a link now stands there, say)
        // is not looked at through it.
        var present: Set<String> = [""]
        present.reserveCapacity(folders.count)
        for folder in folders where present.contains(PageCollector.parent(of: folder.path)) {
            var info = stat()
            let found =
                folder.path.isEmpty
                ? fstat(handle.descriptor, &info)
                : fstatat(
                    handle.descriptor, folder.path, &info, AT_SYMLINK_NOFOLLOW)
            // A folder that is gone, or is no longer a folder, shows in its parent's listing.
            guard found == 0, let stamp = SourceStamp.ofFolder(info) else { continue }
            if !folder.path.isEmpty {
                present.insert(folder.path)
                tree.folders.append(folder.path)
            }
            if let known = folder.stamp, known == stamp {
                tree.stamps.append((folder.path, stamp))
                tree.files += folder.files
                continue
            }
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW
            let descriptor =
                folder.path.isEmpty
                ? openat(handle.descriptor, ".", flags)
                : openat(handle.descriptor, folder.path, flags)
            guard descriptor >= 0 else { continue }
            var part = FolderTree(files: [], folders: [])
            let prefix = folder.path.isEmpty ? "" : folder.path + "/"
            let known = recorded ?? Set(folders.map(\.path))
            recorded = known
            FolderListing.walk(descriptor, prefix: prefix, into: &part, skipping: known.contains)
            tree.files += part.files
            tree.folders += part.folders.filter { !known.contains($0) }
            tree.stamps += part.stamps
            tree.foldersRead += part.foldersRead
            tree.read += part.read
        }
        return tree
    }

    /// The record in the file at `url`, with the changes in its journal; nil when there is
    /// none or either cannot be read.
    static func read(_ url: URL) -> OutputRecord? {
        guard let data = MappedFile(path: url.path) else { return nil }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return nil }
            let folders = try reader.array(readFolder)
            guard reader.isAtEnd else { return nil }
            var record = OutputRecord(folders: folders)
            if let journal = MappedFile(path: journalURL(url).path) {
                try record.apply(journal: journal)
            }
            return record
        } catch {
            return nil
        }
    }

    private static func readFolder(_ reader: inout BinaryReader) throws -> Folder {
        let path = try reader.string()
        let stamp =
            try reader.bool()
            ? SourceStamp(
                size: try reader.int(), inode: try reader.uint64(),
                modified: try reader.int(), changed: try reader.int()) : nil
        return Folder(path: path, stamp: stamp, files: try reader.strings())
    }

    /// Applies each build's changes in `journal`: a build's entry lists the folders it
    /// removed, then each folder it touched with the files added to it and deleted from it
    /// (its stamp is then unknown). A new folder goes last, after its parent, which is either
    /// older or new in the same or an earlier entry.
    private mutating func apply(journal: MappedFile) throws {
        var reader = BinaryReader(journal)
        guard try reader.string() == Self.header else { throw BinaryReader.Malformed() }
        var positions = [String: Int](minimumCapacity: folders.count)
        for (position, folder) in folders.enumerated() { positions[folder.path] = position }
        var removed = Set<Int>()
        // What the entries did to each folder's files, applied once at the end: every build
        // touches the search folder, whose thousands of files are then filtered once, not
        // once per entry.
        var changes: [Int: FileChanges] = [:]
        while !reader.isAtEnd {
            for path in try reader.strings() {
                if let position = positions.removeValue(forKey: path) { removed.insert(position) }
            }
            let count = try reader.int()
            guard count >= 0 else { throw BinaryReader.Malformed() }
            for _ in 0..<count {
                let (path, added, deleted) = (
                    try reader.string(), try reader.strings(), try reader.strings()
                )
                guard let position = positions[path] else {
                    positions[path] = folders.count
                    folders.append(Folder(path: path, stamp: nil, files: added))
                    continue
                }
                folders[position].stamp = nil
                changes[position, default: FileChanges()].record(added: added, deleted: deleted)
            }
            // Folders the build's listing read and left alone, with the stamp and files it
            // found: they need not be read again.
            let restamped = try reader.int()
            guard restamped >= 0 else { throw BinaryReader.Malformed() }
            for _ in 0..<restamped {
                let folder = try Self.readFolder(&reader)
                guard let position = positions[folder.path] else {
                    positions[folder.path] = folders.count
                    folders.append(folder)
                    continue
                }
                changes[position] = nil
                folders[position] = folder
            }
            journalLength += 1
        }
        for (position, change) in changes {
            folders[position].files = change.applied(to: folders[position].files)
        }
        if !removed.isEmpty {
            folders = folders.indices.filter { !removed.contains($0) }.map { folders[$0] }
        }
    }

    /// The files journal entries added to and deleted from one folder, in their order: a file
    /// deleted and then added again is there, one added and then deleted is not.
    private struct FileChanges {
        /// Whether each file an entry named is there after the last of them.
        private var present: [String: Bool] = [:]
        /// The files added, in the order they were.
        private var added: [String] = []

        /// One entry's changes: its deletions come before its additions.
        mutating func record(added files: [String], deleted: [String]) {
            for file in deleted { present[file] = false }
            for file in files {
                present[file] = true
                added.append(file)
            }
        }

        /// `files` with these changes made, each file once.
        func applied(to files: [String]) -> [String] {
            var result = files.filter { present[$0] == nil }
            var seen = Set<String>()
            for file in added where present[file] == true && seen.insert(file).inserted {
                result.append(file)
            }
            return result
        }
    }

    /// The journal of the record at `url`.
    private static func journalURL(_ url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("journal")
    }

    /// Brings the record at `url` up to date after a build made the output hold exactly the
    /// files `made`, having listed it first as `tree`, moved in the files `staged` and made
    /// the changes `applied`: they are appended to the journal, or the record is written
    /// whole when the listing came from none or a limit was passed.
    static func update(
        _ url: URL, made: [String: FileStamp], tree: FolderTree, applied: InPlaceUpdate.Applied,
        staged: [String]
    ) {
        // A listing that read more than half the folders is cheaper to write whole than to
        // journal folder by folder.
        guard let length = tree.journalLength, length < rewriteLimit,
            tree.foldersRead <= max(rewriteLimit, (tree.folders.count + 1) / 2)
        else {
            try? FileManager.default.removeItem(at: journalURL(url))
            if !OutputRecord(made: made.keys, tree: tree, touched: applied.touched).write(to: url) {
                remove(at: url)
            }
            return
        }
        var changes: [String: (added: [String], deleted: [String])] = [:]
        for folder in applied.touched where !applied.removed.contains(folder) {
            changes[folder] = ([], [])
        }
        let existing = Set(tree.files)
        for path in staged where !existing.contains(path) {
            changes[PageCollector.parent(of: path)]?.added.append(path)
        }
        for path in applied.deleted {
            changes[PageCollector.parent(of: path)]?.deleted.append(path)
        }
        let journal = journalURL(url)
        let exists = FileManager.default.fileExists(atPath: journal.path)
        let descriptor = open(journal.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else { return remove(at: url) }
        var writer = BinaryWriter(streamingTo: descriptor)
        if !exists { writer.string(header) }
        writer.strings(applied.removed.sorted())
        // Parents before the folders in them, as a new folder must follow its parent.
        let folders = changes.keys.sorted()
        writer.int(folders.count)
        for folder in folders {
            writer.string(folder)
            writer.strings(changes[folder]?.added ?? [])
            writer.strings(changes[folder]?.deleted ?? [])
        }
        // The folders read that the update left alone get the stamp they were read with, once
        // settled; parents first, as a new folder must follow its parent.
        let restamped = tree.read.filter { read in
            guard let stamp = read.stamp else { return false }
            return !applied.touched.contains(read.path) && !applied.removed.contains(read.path)
                && !stamp.isRecent(since: tree.listedAt)
        }.sorted { ByteOrder.precedes($0.path, $1.path) }
        writer.array(restamped) { writer, read in
            write(Folder(path: read.path, stamp: read.stamp, files: read.files), to: &writer)
        }
        writer.flush()
        if close(descriptor) != 0 || writer.failed { remove(at: url) }
    }

    /// Writes the record to `url` (through a temporary file); false, and no file, when that
    /// failed.
    @discardableResult
    func write(to url: URL) -> Bool {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string(Self.header)
        writer.array(folders) { Self.write($1, to: &$0) }
        writer.flush()
        guard close(descriptor) == 0, !writer.failed, rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
        return true
    }

    private static func write(_ folder: Folder, to writer: inout BinaryWriter) {
        writer.string(folder.path)
        writer.bool(folder.stamp != nil)
        if let stamp = folder.stamp {
            writer.int(stamp.size)
            writer.uint64(stamp.inode)
            writer.int(stamp.modified)
            writer.int(stamp.changed)
        }
        writer.strings(folder.files)
    }

    /// Writes the record of a new output at `root` holding exactly the files `made` (as a
    /// build swapped it in), stating each of its folders, so the next build lists it from the
    /// record instead of walking it; folders changed shortly before have no stamp, as a
    /// listing's would not.
    static func recordNew(_ url: URL, made: some Collection<String>, root: String) {
        let listedAt = SourceStamp.now()
        try? FileManager.default.removeItem(at: journalURL(url))
        // Each folder's files, grouped once; then the folders above them.
        var files: [String: [String]] = ["": []]
        files.reserveCapacity(made.count)
        for path in made { files[PageCollector.parent(of: path), default: []].append(path) }
        for folder in Array(files.keys) {
            var parent = folder
            while !parent.isEmpty {
                parent = PageCollector.parent(of: parent)
                guard files[parent] == nil else { break }
                files[parent] = []
            }
        }
        // Stated on all cores, in byte order (a parent before the folders in it).
        guard let handle = DirectoryHandle(root) else { return remove(at: url) }
        let paths = ByteOrder.sorted(Array(files.keys))
        let stamps = paths.parallelMap { folder -> SourceStamp?? in
            var info = stat()
            let found =
                folder.isEmpty
                ? fstat(handle.descriptor, &info)
                : fstatat(handle.descriptor, folder, &info, AT_SYMLINK_NOFOLLOW)
            guard found == 0, let stamp = SourceStamp.ofFolder(info) else { return .none }
            // A folder changed shortly before could change again within the clock's tick.
            return .some(stamp.isRecent(since: listedAt) ? nil : stamp)
        }
        var folders: [Folder] = []
        folders.reserveCapacity(paths.count)
        for (path, stamp) in zip(paths, stamps) {
            guard let stamp else { return remove(at: url) }
            folders.append(Folder(path: path, stamp: stamp, files: files[path] ?? []))
        }
        if !OutputRecord(folders: folders).write(to: url) { remove(at: url) }
    }

    /// Removes the record at `url` and its journal, so the next build walks the output.
    static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: journalURL(url))
    }
}

import Foundation

/// A staging folder beside the output that files are written into as the build makes them;
/// `OutputWriter.commit` swaps it in or moves its files into the output, `discard` removes it.
///
/// When the output is replaced whole, a file whose bytes equal the previous output's is
/// hard-linked from it instead of written. When it is updated in place, only new and changed
/// files are staged at all. Either way an unchanged file keeps its modification time.
public final class StagingOutput: OutputSink, @unchecked Sendable {
    /// The staging folder.
    public let folder: URL
    /// The current output folder, whose files may be reused.
    public let previous: URL
    /// Whether the commit moves the staged files into the output and deletes what the build
    /// did not make, rather than swapping the whole folder.
    public let updatesInPlace: Bool
    /// The two folders' paths, made once rather than for every file.
    private let folderPath: String
    private let previousPath: String
    /// Whether there is a previous output at all: a first build looks up no file of it.
    private let hasPrevious: Bool
    /// The previous output, open, so its files are stated without walking its path each time.
    private let previousHandle: DirectoryHandle?
    private let lock = NSLock()
    /// Folders of staging already created; the staging folder itself is made with the first file.
    private var folders: Set<String> = []
    private var writtenStamps: [String: FileStamp] = [:]
    /// Files written into staging in place mode, which the commit moves into the output.
    private var stagedPaths: [String] = []
    /// What the output held before the build, listed on another thread (in place mode).
    private let listing: BackgroundTask<FolderTree>?
    /// Where the record of what the output holds is kept between builds, if anywhere.
    let record: URL?

    /// Creates a staging folder for `previous`; in place mode lists it meanwhile, from the
    /// record at `record` when there is one.
    init(folder: URL, previous: URL, updatesInPlace: Bool = false, record: URL? = nil) {
        self.folder = folder
        self.previous = previous
        self.updatesInPlace = updatesInPlace
        folderPath = folder.path
        previousPath = previous.path
        hasPrevious = FileManager.default.fileExists(atPath: previous.path)
        previousHandle = hasPrevious ? DirectoryHandle(previous.path) : nil
        self.record = record
        let path = previous.path
        listing =
            updatesInPlace
            ? BackgroundTask(inline: false, yielding: true) {
                record.flatMap(OutputRecord.read)?.list(path) ?? FolderListing.tree(path)
            } : nil
    }

    /// Makes room for the stamps of `count` files, before pages are kept on every core: a
    /// table grown 10,000 entries at a time rehashed every path under the lock.
    func expect(files count: Int) {
        lock.withLock { writtenStamps.reserveCapacity(count) }
    }

    /// The files and folders the output held before the build.
    func existing() -> FolderTree {
        listing?.value() ?? FolderTree(files: [], folders: [])
    }

    /// Writes one file into staging, creating its folders; in place mode leaves out a file
    /// whose bytes the output already has.
    public func accept(_ file: OutputFile) throws {
        var file = file
        file.path = Self.canonical(file.path)
        let old = previousPath + "/" + file.path
        if updatesInPlace, hasPrevious,
            Self.holds(
                old, stamp: previousStamp(file.path), file.contents,
                trustingName: file.isNamedByContent)
        {
            record(file.path, old)
            return
        }
        let target = try prepare(file.path)
        switch file.contents {
        case .data(let data):
            if updatesInPlace || !hasPrevious || !Self.linkUnchanged(data, from: old, to: target) {
                let stamp = try Self.write(data, to: target)
                record(file.path, stamp)
            } else {
                record(file.path, target)
            }
        case .copy(let source):
            try FileManager.default.copyItem(atPath: source.path, toPath: target)
            record(file.path, target)
        }
        if updatesInPlace { lock.withLock { stagedPaths.append(file.path) } }
    }

    /// Keeps the previous output's file when it still has the stamp a cache recorded: in place
    /// it stays where it is, otherwise it is hard-linked into staging.
    public func reuse(_ path: String, stamp: FileStamp) -> Bool {
        let path = Self.canonical(path)
        guard previousStamp(path) == stamp else { return false }
        return keepPrevious(path, stamp: stamp)
    }

    /// Keeps the previous output's file at `path`, whose stamp is `stamp`.
    private func keepPrevious(_ path: String, stamp: FileStamp) -> Bool {
        if updatesInPlace {
            lock.withLock { writtenStamps[path] = stamp }
            return true
        }
        let old = previousPath + "/" + path
        guard let target = try? prepare(path), link(old, target) == 0 else { return false }
        record(path, target)
        return true
    }

    /// Keeps the previous output's file, named by its content, when it has `size` bytes (as
    /// `accept` trusts such a name): in place it stays, otherwise it is hard-linked into
    /// staging.
    public func keep(_ path: String, size: Int) -> Bool {
        guard hasPrevious else { return false }
        let path = Self.canonical(path)
        guard let stamp = previousStamp(path), stamp.size == size else { return false }
        return keepPrevious(path, stamp: stamp)
    }

    /// The stamp of the previous output's file at `path` (canonical), or nil.
    private func previousStamp(_ path: String) -> FileStamp? {
        guard let previousHandle else { return FileStamp.of(previousPath + "/" + path) }
        return FileStamp.of(path, in: previousHandle)
    }

    /// Size and modification time of every file the build made, as the output will hold it.
    public var stamps: [String: FileStamp] { lock.withLock { writtenStamps } }

    /// The files in staging that replace or add to the output's (in place mode), sorted.
    var staged: [String] { Array(Set(lock.withLock { stagedPaths })).sorted() }

    /// Removes the staging folder.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func record(_ path: String, _ target: String) {
        record(path, FileStamp.of(target))
    }

    private func record(_ path: String, _ stamp: FileStamp?) {
        guard let stamp else { return }
        lock.withLock { writtenStamps[path] = stamp }
    }

    /// Creates the folders of `path` in staging; returns the file's full path.
    private func prepare(_ path: String) throws -> String {
        let parent = PageCollector.parent(of: path)
        if !lock.withLock({ folders.contains(parent) }) {
            var missing: [String] = []
            var folder = parent
            while !lock.withLock({ folders.contains(folder) }) {
                missing.append(folder)
                if folder.isEmpty { break }
                folder = PageCollector.parent(of: folder)
            }
            for folder in missing.reversed() {
                if folder.isEmpty {
                    try FileManager.default.createDirectory(
                        at: self.folder, withIntermediateDirectories: true)
                    _ = lock.withLock { folders.insert(folder) }
                    continue
                }
                let full = folderPath + "/" + folder
                guard mkdir(full, 0o755) == 0 || errno == EEXIST else {
                    throw CocoaError.error(full, errno)
                }
                _ = lock.withLock { folders.insert(folder) }
            }
        }
        return folderPath + "/" + path
    }

    /// Writes bytes with one `open` and as few `write` calls as the kernel allows; returns the
    /// written file's stamp.
    static func write(_ data: Data, to path: String) throws -> FileStamp? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError.error(path, errno) }
        defer { close(descriptor) }
        guard data.withUnsafeBytes({ POSIXFile.writeAll($0, to: descriptor) }) else {
            throw CocoaError.error(path, errno)
        }
        return FileStamp.of(descriptor: descriptor)
    }

    /// `path` without empty or `.` parts (`a//./b` → `a/b`), as the file system resolves it, so
    /// what the build made compares equal to what a listing of the output finds.
    static func canonical(_ path: String) -> String {
        // Bytes, not `String.contains`: Foundation's substring search cost a file's write.
        let slash = UInt8(ascii: "/")
        let plain = path.withUTF8Bytes { bytes -> Bool in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == slash && (previous == slash || previous == UInt8(ascii: ".")) {
                    return false
                }
                previous = byte
            }
            return bytes.first != slash
        }
        guard !plain else { return path }
        return path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Whether the file at `path`, whose stamp is `stamp`, already has exactly the bytes of
    /// `contents`; with `trustingName`, a file of the right size is taken to (its name is their
    /// hash).
    static func holds(
        _ path: String, stamp: FileStamp?, _ contents: OutputFile.Contents,
        trustingName: Bool = false
    ) -> Bool {
        guard let stamp else { return false }
        switch contents {
        case .data(let data):
            guard stamp.size == data.count else { return false }
            return trustingName || FileManager.default.contents(atPath: path) == data
        case .copy(let source):
            return FileStamp.of(source.path)?.size == stamp.size
                && FileManager.default.contents(atPath: path)
                    == FileManager.default.contents(atPath: source.path)
        }
    }

    /// Hard-links `previous` to `target` when its bytes equal `data`.
    static func linkUnchanged(_ data: Data, from previous: String, to target: String) -> Bool {
        guard let stamp = FileStamp.of(previous), stamp.size == data.count,
            let old = FileManager.default.contents(atPath: previous), old == data
        else { return false }
        return link(previous, target) == 0
    }
}

extension CocoaError {
    /// A write error naming the file and the system's reason.
    static func error(_ path: String, _ code: Int32) -> CocoaError {
        CocoaError(
            .fileWriteUnknown,
            userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))"])
    }
}

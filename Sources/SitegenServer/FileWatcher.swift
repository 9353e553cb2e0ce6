import Foundation
import SitegenCore

#if canImport(Glibc)
    import Glibc

    /// Watches `content/`, `templates/` and `sitegen.yml` with inotify, recursively: new folders
    /// are watched as they appear. Editor temp and backup files are ignored; saves by rename or
    /// write-then-move are seen as the final name appearing.
    public final class FileWatcher: @unchecked Sendable {
        // @unchecked: the descriptor and watch table are touched only by the reading thread
        // after `start`, except `stop`, which only closes the descriptor.
        private let root: URL
        private let onChange: @Sendable (String) -> Void
        private var descriptor: Int32 = -1
        private var folders: [Int32: String] = [:]
        private static let mask: UInt32 =
            UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
            | UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

        /// Creates a watcher for a site root; `onChange` gets the changed path (relative).
        public init(root: URL, onChange: @escaping @Sendable (String) -> Void) {
            self.root = root.standardizedFileURL
            self.onChange = onChange
        }

        /// Starts watching on a background thread.
        public func start() throws {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
            add(root.path, relative: "", recursive: false)
            for name in ["content", "templates"] {
                add(root.path + "/" + name, relative: name, recursive: true)
            }
            let thread = Thread { [self] in self.readLoop() }
            thread.name = "sitegen-watcher"
            thread.start()
        }

        /// Stops watching.
        public func stop() {
            if descriptor >= 0 { close(descriptor) }
        }

        private func add(_ path: String, relative: String, recursive: Bool) {
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            guard watch >= 0 else { return }
            folders[watch] = relative
            guard recursive else { return }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names where !ContentLoader.isIgnored(name) {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(
                    atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue
                {
                    add(path + "/" + name, relative: relative + "/" + name, recursive: true)
                }
            }
        }

        private func readLoop() {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress, $0.count)
                }
                guard count > 0 else { return }
                var offset = 0
                while offset + 16 <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                        (
                            raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix
                    { $0 != 0 }
                    handle(
                        watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                    offset += 16 + length
                }
            }
        }

        private func handle(watch: Int32, mask: UInt32, name: String) {
            guard let folder = folders[watch] else { return }
            if folder.isEmpty {
                guard ["sitegen.yml", "content", "templates"].contains(name) else { return }
                if name != "sitegen.yml", mask & UInt32(IN_ISDIR) != 0 {
                    add(root.path + "/" + name, relative: name, recursive: true)
                }
                onChange(name)
                return
            }
            guard name.isEmpty || !ContentLoader.isIgnored(name) else { return }
            let relative = name.isEmpty ? folder : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                add(root.path + "/" + relative, relative: relative, recursive: true)
            }
            onChange(relative)
        }
    }
#endif

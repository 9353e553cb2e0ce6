import Foundation

/// An open folder that paths are looked up from, so stating thousands of files under it walks
/// only their own path components, not the folder's path each time. Safe to share between
/// threads; closed when the last reference goes.
final class DirectoryHandle: Sendable {
    /// The folder's descriptor.
    let descriptor: Int32

    /// Opens `path`; nil when it is not a folder that can be opened.
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The status of `relative` under the folder, following a final symbolic link when
    /// `followingLinks`; nil when there is none.
    func status(_ relative: String, followingLinks: Bool) -> stat? {
        var info = stat()
        let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
        guard fstatat(descriptor, relative, &info, flags) == 0 else { return nil }
        return info
    }
}

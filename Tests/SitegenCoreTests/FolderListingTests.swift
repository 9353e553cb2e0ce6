import Foundation
import Testing

@testable import SitegenCore

/// Folders are listed from their parent's descriptor and files stated from an open folder; both
/// must find what listing and stating by full path finds, symbolic links included.
@Suite struct FolderListingTests {
    /// `a/b/c.txt`, `a/d.md`, `e.txt`, an empty folder `f`, a link `a/g` to folder `a/b` and a
    /// link `h.txt` to file `e.txt`.
    func makeTree() throws -> URL {
        let root = try TestPaths.temporaryFolder().appendingPathComponent("tree")
        let manager = FileManager.default
        try manager.createDirectory(
            at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: root.appendingPathComponent("f"), withIntermediateDirectories: true)
        for (path, text) in [("a/b/c.txt", "c"), ("a/d.md", "dd"), ("e.txt", "eee")] {
            try text.write(
                to: root.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("a/g").path, withDestinationPath: "b")
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("h.txt").path, withDestinationPath: "e.txt")
        return root
    }

    @Test func aTreeListsEveryFileAndFolderWithLinksAsFiles() throws {
        let root = try makeTree()
        let tree = FolderListing.tree(root.path)
        #expect(tree.files.sorted() == ["a/b/c.txt", "a/d.md", "a/g", "e.txt", "h.txt"])
        #expect(tree.folders.sorted() == ["a", "a/b", "f"])
        let missing = FolderListing.tree(root.appendingPathComponent("nope").path)
        #expect(missing.files.isEmpty && missing.folders.isEmpty)
    }

    @Test func entriesFollowLinksWhenAsked() throws {
        let root = try makeTree()
        let followed = FolderListing.entries(of: root.appendingPathComponent("a").path)
        #expect(
            followed.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" } == [
                "b:true", "d.md:false", "g:true",
            ])
        let kept = FolderListing.entries(
            of: root.appendingPathComponent("a").path, followingLinks: false)
        #expect(
            kept.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" } == [
                "b:true", "d.md:false", "g:false",
            ])
    }

    @Test func stampsFromAnOpenFolderEqualStampsByPath() throws {
        let root = try makeTree()
        let handle = try #require(DirectoryHandle(root.path))
        for relative in ["a/b/c.txt", "a/d.md", "e.txt", "h.txt", "a/g", "f", "nope.txt"] {
            let full = root.appendingPathComponent(relative).path
            #expect(FileStamp.of(relative, in: handle) == FileStamp.of(full), "\(relative)")
            #expect(SourceStamp.of(relative, in: handle) == SourceStamp.of(full), "\(relative)")
        }
        #expect(FileStamp.of("e.txt", in: handle)?.size == 3)
        #expect(FileStamp.of("h.txt", in: handle) == nil, "a link is not followed")
        #expect(SourceStamp.of("h.txt", in: handle)?.size == 3, "a source link is followed")
        #expect(DirectoryHandle(root.appendingPathComponent("e.txt").path) == nil)
    }
}

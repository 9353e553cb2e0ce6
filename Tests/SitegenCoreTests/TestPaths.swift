import Foundation

/// Paths the tests use: the repository, fixtures and fresh temporary folders.
enum TestPaths {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/SitegenCoreTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/SitegenCoreTests/Fixtures/\(name)")
    }

    /// A copy of fixture `name` in a new temporary folder, to edit and build.
    static func copyOfFixture(_ name: String) throws -> URL {
        let target = try temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixture(name), to: target)
        return target
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

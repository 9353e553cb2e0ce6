import Foundation

/// Runs the built `sitegen` executable and copies fixture sites into temporary folders.
enum CLITestSupport {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `sitegen` binary beside the test bundle (SwiftPM builds it with the tests).
    static var binary: URL {
        let bundleFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleFolder.appendingPathComponent("sitegen"),
            Bundle.main.bundleURL.appendingPathComponent("sitegen"),
            repository.appendingPathComponent(".build/debug/sitegen"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[2]
    }

    /// What a process printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command with optional stdin, in `directory`.
    static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `sitegen` with arguments.
    static func sitegen(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil)
        throws -> Result
    {
        try run(binary, arguments, stdin: stdin, in: directory)
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of `Tests/SitegenCoreTests/Fixtures/<name>` in a temporary folder.
    static func copyFixture(_ name: String) throws -> URL {
        let source = repository.appendingPathComponent("Tests/SitegenCoreTests/Fixtures/\(name)")
        let target = try temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Every file under a folder: relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            let relative = String(
                url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[relative] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }
}

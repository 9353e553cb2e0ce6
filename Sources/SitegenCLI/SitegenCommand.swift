import ArgumentParser
import SitegenCore

/// The `sitegen` command and its subcommands.
public struct SitegenCommand: AsyncParsableCommand {
    /// Command description shown by `--help`.
    public static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static documentation site generator.",
        version: SitegenVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, RenderCommand.self]
    )

    /// Creates the command.
    public init() {}
}

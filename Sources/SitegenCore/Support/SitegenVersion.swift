/// The version of sitegen, printed by `--version` and part of the build cache's header.
public enum SitegenVersion {
    /// The current version.
    public static let current = "0.1.0"
}

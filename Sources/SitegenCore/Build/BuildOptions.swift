/// What a build reads, where it writes and how strict it is.
public struct BuildOptions: Sendable {
    /// Site and output locations.
    public var paths: SitePaths
    /// Replaces the config's `baseURL` when set.
    public var baseURL: String?
    /// Keep pages marked `draft: true`.
    public var includeDrafts = false
    /// Treat warnings as errors.
    public var strict = false
    /// Worker count, or nil for all cores.
    public var jobs: Int?
    /// Keep results in `.sitegen-cache/` at the site root and reuse them in the next build.
    public var usesCache = false
    /// Render templates through `CompiledTemplateRenderer` where it applies; false renders every
    /// template with swift-mustache (tests compare the two).
    var compilesTemplates = true
    /// The process exits once the build is done (the command line's `build`): a rebuild then
    /// keeps what it would free in the background (`MemoryRelease.keepValuesUntilExit`).
    public var exitsAfterBuild = false

    /// Creates options for a site root.
    public init(
        paths: SitePaths, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
        jobs: Int? = nil, usesCache: Bool = false
    ) {
        self.usesCache = usesCache
        self.paths = paths
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.jobs = jobs
    }
}

import SitegenCLI

/// The executable's entry point: everything lives in SitegenCLI.
@main
extension SitegenCommand {}

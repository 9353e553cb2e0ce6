// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CCmarkThreading"),
        .target(name: "SitegenHighlight"),
        .target(
            name: "SitegenMarkdown",
            dependencies: ["CCmarkGFM", "CCmarkThreading", "SitegenHighlight"]
        ),
        .target(
            name: "SitegenCore",
            dependencies: [
                "SitegenMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Theme/default"],
            // Release builds leave out the run-time exclusivity checks (2.5% of a rebuild's
            // instructions); debug builds, which every test runs, keep them.
            swiftSettings: [
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
            ]
        ),
        .target(
            name: "SitegenServer",
            dependencies: [
                "SitegenCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SitegenCLI",
            dependencies: [
                "SitegenCore",
                "SitegenMarkdown",
                "SitegenServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "sitegen", dependencies: ["SitegenCLI"]),
        .testTarget(name: "SitegenHighlightTests", dependencies: ["SitegenHighlight"]),
        .testTarget(
            name: "SitegenMarkdownTests", dependencies: ["SitegenMarkdown", "CCmarkThreading"]),
        .testTarget(
            name: "SitegenCoreTests",
            dependencies: ["SitegenCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SitegenServerTests", dependencies: ["SitegenServer", "SitegenCore"]),
        .testTarget(
            name: "SitegenCLITests",
            dependencies: ["SitegenCLI", "SitegenCore"]
        ),
    ]
)

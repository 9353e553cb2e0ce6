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
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "SitegenHighlight"),
        .target(name: "SitegenMarkdown", dependencies: ["CCmarkGFM", "SitegenHighlight"]),
        .target(
            name: "SitegenCore",
            dependencies: [
                "SitegenMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Theme/default"]
        ),
        .target(
            name: "SitegenCLI",
            dependencies: [
                "SitegenCore",
                "SitegenMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sitegen", dependencies: ["SitegenCLI"]),
        .testTarget(name: "SitegenHighlightTests", dependencies: ["SitegenHighlight"]),
        .testTarget(name: "SitegenMarkdownTests", dependencies: ["SitegenMarkdown"]),
        .testTarget(
            name: "SitegenCoreTests",
            dependencies: ["SitegenCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SitegenCLITests",
            dependencies: ["SitegenCLI", "SitegenCore"]
        ),
    ]
)

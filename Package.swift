// swift-tools-version:6.0
import PackageDescription

// The pipeline as library targets in stage order; a target imports only those before it, so a
// backward dependency does not compile:
//   HashiSupport  files, paths, hashing, text, diagnostics, the platform shim
//   HashiContent  1. Load, 2. Parse (the one importer of libcmark), 3. Model
//   HashiSite     4. Render, 5. Index (the one importer of libdeflate), 6. Write
//   HashiServe    the development server (FlyingFox), its watcher and the site kept in memory
//   HashiKit      Build: the stages in order, and what the command line calls
//   HashiEmbedded the default theme and the version, written into the binary by Plugins/EmbedTheme
let package = Package(
    name: "hashi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hashi", targets: ["hashi"]),
        .library(name: "HashiKit", targets: ["HashiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        .target(name: "HashiSupport"),
        .target(
            name: "HashiContent",
            dependencies: ["HashiSupport", "CCmark", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "HashiSite", dependencies: ["HashiSupport", "HashiContent", "CLibdeflate"]),
        .target(
            name: "HashiServe",
            dependencies: ["HashiSupport", "HashiSite", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(name: "HashiKit", dependencies: ["HashiSupport", "HashiContent", "HashiSite", "HashiServe"]),
        // The default theme and the version, baked into the binary at build time (Plugins/EmbedTheme).
        .target(name: "HashiEmbedded", plugins: ["EmbedTheme"]),
        .plugin(name: "EmbedTheme", capability: .buildTool()),
        .executableTarget(
            name: "hashi",
            dependencies: [
                "HashiKit",
                "HashiEmbedded",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HashiKitTests",
            dependencies: ["HashiKit", "HashiSupport", "HashiContent", "HashiSite", "HashiServe", "HashiEmbedded"],
            resources: [.copy("Fixtures"), .copy("Vectors")]
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(
            name: "HashiKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "hashi",
            dependencies: [
                "HashiKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HashiKitTests",
            dependencies: ["HashiKit"],
            resources: [.copy("Fixtures"), .copy("Vectors")]
        ),
    ]
)

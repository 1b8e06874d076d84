// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "podlike",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "podlike", targets: ["podlike"]),
        .library(name: "Podlike", targets: ["Podlike"]),
        .library(name: "Drivers", targets: ["Drivers"]),
        .executable(name: "podlike-fuzz", targets: ["podlike-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Debian's libyaml: `apt-get install libyaml-dev` to build.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "PodlikeYAML", dependencies: ["CLibYAML"]),
        .target(
            name: "Podlike",
            dependencies: [
                "PodlikeYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Go's text/template, for `podlike template`.
        .target(name: "GoTemplate"),
        // `podlike template`: stack files with x-podlike templates into stacks of pods.
        .target(
            name: "PodlikeTemplate",
            dependencies: [
                "Podlike", "PodlikeYAML", "GoTemplate",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The command line's spelling: the original tool's Go-style flags, rewritten.
        .target(name: "PodlikeFlags"),
        .target(
            name: "Drivers",
            dependencies: [
                "Podlike",
                "PodlikeYAML",
            ]
        ),
        .executableTarget(
            name: "podlike",
            dependencies: [
                "Podlike",
                "Drivers",
                "PodlikeFlags",
                "PodlikeTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The parsers of untrusted bytes, as the fuzzer and the corpus test drive them.
        .target(
            name: "FuzzTargets",
            dependencies: ["Podlike", "Drivers", "PodlikeFlags", .product(name: "NIOCore", package: "swift-nio")]
        ),
        // A libFuzzer harness when fuzz/run.sh builds it; an input replayer otherwise.
        .executableTarget(name: "podlike-fuzz", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "PodlikeTests",
            dependencies: [
                "Podlike", "Drivers", "PodlikeYAML", "PodlikeFlags", "FuzzTargets",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "DriversTests",
            dependencies: ["Podlike", "Drivers", "PodlikeYAML"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate"]),
        .testTarget(
            name: "TemplateTests",
            dependencies: ["PodlikeTemplate", "PodlikeYAML", "GoTemplate", "Podlike", "Drivers"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Podlike", "Drivers", "PodlikeYAML", .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

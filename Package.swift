// swift-tools-version:6.1
// heed: a milter that helps people follow CERN's social-media guidelines.
//
// Dependency direction (one way only):
//   heed (CLI) → Guidelines → MIME → CEtPan (libetpan)
//                   ↓          ↘ TextDecoding (transfer encodings, charsets, RFC 2047/2231, HTML)
//                 Config
// Only MIME imports CEtPan. HeedBench is a benchmark command, not part of heed.
import PackageDescription

let package = Package(
    name: "heed",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "heed", targets: ["heed"]),
        .executable(name: "heed-bench", targets: ["HeedBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libetpan (Debian libetpan-dev). The module map links `etpan` itself:
        // `pkg-config libetpan` adds build-only flags that break linking.
        .systemLibrary(name: "CEtPan", path: "Sources/CEtPan"),
        .target(name: "TextDecoding"),
        .target(name: "MIME", dependencies: ["CEtPan", "TextDecoding"]),
        .target(name: "Config", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Guidelines", dependencies: ["MIME", "Config"]),
        .executableTarget(
            name: "heed",
            dependencies: [
                "Guidelines", "MIME", "Config",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Benchmark: heed's MIME model against bare libetpan `mailmime_parse`.
        .target(name: "CEtPanBaseline", dependencies: ["CEtPan"]),
        .executableTarget(name: "HeedBench", dependencies: ["MIME", "CEtPanBaseline"]),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "MIMETests", dependencies: ["MIME", "TextDecoding"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "GuidelinesTests", dependencies: ["Guidelines", "MIME", "Config"]),
        .testTarget(name: "HeedTests", dependencies: ["heed", "Guidelines", "MIME", "Config"]),
    ],
    swiftLanguageModes: [.v6]
)

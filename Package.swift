// swift-tools-version:6.1
// heed: a milter that helps people follow CERN's social-media guidelines.
//
// Dependency direction (one way only):
//   heed (CLI) → Milter → Guidelines → MIME → CEtPan (libetpan)
//                            ↓   ↘ CImages   ↘ TextDecoding (transfer encodings, charsets, RFC 2047/2231, HTML)
//                          Config
// Only MIME imports CEtPan; only Milter imports NIOPosix; only Guidelines' logo check imports
// CImages. HeedBench, MilterBench and milter-noop are benchmark commands, not part of heed.
import PackageDescription

let package = Package(
    name: "heed",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "heed", targets: ["heed"]),
        .executable(name: "heed-bench", targets: ["HeedBench"]),
        .executable(name: "heed-checks-bench", targets: ["HeedChecksBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // libetpan (Debian libetpan-dev). The module map links `etpan` itself:
        // `pkg-config libetpan` adds build-only flags that break linking.
        .systemLibrary(name: "CEtPan", path: "Sources/CEtPan"),
        .target(name: "TextDecoding"),
        .target(name: "MIME", dependencies: ["CEtPan", "TextDecoding"]),
        .target(name: "Config", dependencies: [.product(name: "Yams", package: "Yams")]),
        // libpng, libjpeg-turbo and giflib (Debian -dev packages) for the logo check.
        .systemLibrary(name: "CImages", path: "Sources/CImages"),
        // libjpeg reports fatal errors by longjmp, which needs a setjmp that Swift cannot call:
        // the decode loop is a few lines of C that return status codes.
        .target(name: "CJPEGGuard", linkerSettings: [.linkedLibrary("jpeg")]),
        // Jargon/Data holds the word-list sources and the script that generates the embedded lists.
        // Rules/: the guideline rule files (YAML), embedded so that heed works with no files.
        .target(
            name: "Guidelines", dependencies: ["MIME", "Config", "CImages", "CJPEGGuard", "Topics"],
            exclude: ["Jargon/Data"], resources: [.embedInCode("Rules")]),
        // Query topics (logo, privacy, security, ...) from a question's text; cues are data.
        .target(name: "Topics"),
        // heed's own data (findings, topics, rate counters, reply de-duplication, outbox): an
        // interface, with SQLite through GRDB as the embedded default.
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Advice replies: Mustache templates (Templates/), RFC 3834 rules, MIME building and SMTP
        // submission with libetpan (the only module besides MIME that imports CEtPan), outbox worker.
        .target(
            name: "Replies",
            dependencies: [
                "CEtPan", "Store", "Config", "Topics",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]),
        .target(
            name: "Milter",
            dependencies: [
                "Guidelines", "MIME", "Config",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]),
        // The running service: decisions recorded in the store, overposting counted, advice
        // requests handed to Replies off the event loops, retention.
        .target(
            name: "Serving",
            dependencies: [
                "Milter", "Guidelines", "MIME", "Config", "Store", "Replies", "Topics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]),
        // The weekly digest: the store's figures for a period, rendered with Templates/digest.
        .target(
            name: "Digest",
            dependencies: [
                "Store", "Config", "Replies",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // Prometheus metrics (swift-metrics facade, swift-prometheus registry) and the HTTP
        // endpoint serving /metrics and /healthz.
        .target(
            name: "Observability",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "heed",
            dependencies: [
                "Guidelines", "MIME", "Config", "Milter", "Store", "Replies", "Serving", "Digest", "Observability",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Benchmark: heed's MIME model against bare libetpan `mailmime_parse`.
        .target(name: "CEtPanBaseline", dependencies: ["CEtPan"]),
        .executableTarget(name: "HeedBench", dependencies: ["MIME", "CEtPanBaseline"]),
        // Benchmark: the guideline checks next to parsing, and hostile bodies (Sources/HeedChecksBench).
        .executableTarget(name: "HeedChecksBench", dependencies: ["Guidelines", "MIME", "Config"]),
        // Milter benchmark: a load generator speaking the milter protocol as Postfix does, and a
        // no-op milter in C on Debian's libmilter (the protocol floor).
        .executableTarget(
            name: "MilterBench",
            dependencies: [
                "Milter",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .executableTarget(name: "milter-noop", path: "Sources/MilterNoop", linkerSettings: [.linkedLibrary("milter"), .linkedLibrary("pthread")]),
        // heed's milter server with verdict markers, for the Postfix integration tests only.
        .executableTarget(
            name: "MilterTestServer",
            dependencies: ["Milter", "Guidelines", "MIME", "Config", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "MIMETests", dependencies: ["MIME", "TextDecoding"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "TopicsTests", dependencies: ["Topics"], exclude: ["Heldout"]),
        // What several test targets share: log capture, a hand-moved clock, temporary directories.
        .target(
            name: "HeedTestSupport", dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/HeedTestSupport"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "HeedTestSupport"]),
        .testTarget(name: "RepliesTests", dependencies: ["Replies", "Store", "Config", "Topics"]),
        .testTarget(name: "GuidelinesTests", dependencies: ["Guidelines", "MIME", "Config"]),
        .testTarget(
            name: "MilterTests",
            dependencies: [
                "Milter", "Guidelines", "MIME", "Config", "HeedTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "ServingTests",
            dependencies: ["Serving", "Milter", "Guidelines", "MIME", "Config", "Store", "Replies", "HeedTestSupport"]),
        .testTarget(
            name: "DigestTests",
            dependencies: [
                "Digest", "Store", "Config", "Serving", "Milter", "Guidelines", "MIME", "Replies", "heed", "HeedTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "ObservabilityTests",
            dependencies: [
                "Observability", "Milter", "Replies", "Store", "Serving",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "HeedTests", dependencies: ["heed", "Guidelines", "MIME", "Config"]),
    ],
    swiftLanguageModes: [.v6]
)

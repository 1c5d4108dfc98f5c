import Foundation
@testable import Guidelines
import Testing

@Suite struct LogoMatcherTests {
    /// The correlation of every generated case, for the margins below and for the log.
    private static func scores(_ cases: [LogoCase], _ matcher: LogoMatcher) -> [(name: String, score: Double?)] {
        cases.map { item in
            switch matcher.evaluate(imageBytes: item.bytes) {
            case .scored(let best): (item.name, best.score)
            case .notAnalysed: (item.name, nil)
            }
        }
    }

    @Test(.needsJPEG) func everyVariantOfTheReferenceMatches() throws {
        let matcher = try LogoFixtures.matcher()
        let positives = try LogoCases.positives.get()
        #expect(positives.count == LogoCases.expectedPositiveCount)
        for item in positives {
            let match = matcher.match(imageBytes: item.bytes, mediaType: nil)
            #expect(match?.reference == "reference", "\(item.name): \(matcher.evaluate(imageBytes: item.bytes))")
        }
    }

    @Test(.needsJPEG) func noGeneratedNonLogoImageMatches() throws {
        let matcher = try LogoFixtures.matcher()
        #expect(LogoCases.negatives.count == LogoCases.expectedNegativeCount)
        for item in LogoCases.negatives {
            let match = matcher.match(imageBytes: item.bytes, mediaType: nil)
            #expect(match == nil, "\(item.name): \(match?.why ?? "")")
        }
    }

    /// The default threshold keeps a clear distance from both sides: every variant at least
    /// 0.15 above it, every non-logo image at least 0.15 below it.
    @Test(.needsJPEG) func thresholdHasMarginsOnBothSides() throws {
        let matcher = try LogoFixtures.matcher()
        let positive = Self.scores(try LogoCases.positives.get(), matcher)
        let negative = Self.scores(LogoCases.negatives, matcher)
        for (name, score) in positive + negative {
            print(String(format: "logo score %7.3f  %@", score ?? .nan, name))
        }
        let lowestPositive = positive.map { $0.score ?? -1 }.min() ?? -1
        let highestNegative = negative.map { $0.score ?? -1 }.max() ?? 1
        print(String(format: "logo margins: lowest variant %.3f, highest non-logo %.3f, threshold %.2f",
                     lowestPositive, highestNegative, LogoMatcher.defaultThreshold))
        #expect(lowestPositive >= LogoMatcher.defaultThreshold + 0.15)
        #expect(highestNegative <= LogoMatcher.defaultThreshold - 0.15)
    }

    /// The best coarse window of each image (over the references), as `match` sees it before
    /// deciding whether to search finely.
    private static func coarseScore(_ bytes: [UInt8], _ matcher: LogoMatcher) -> Double? {
        guard case .success(let prepared) = matcher.analysisPlane(bytes) else { return nil }
        return matcher.references.compactMap { LogoSearch.coarsePass(prepared.plane, $0.prepared)?.peaks.first?.score }.max()
    }

    /// `match` gives up on an image whose coarse pass stays below `LogoSearch.coarseGiveUp`:
    /// every variant of the reference stays at least 0.2 above that, and on every generated
    /// image `match` decides as the full search does.
    @Test(.needsJPEG) func coarseRejectionKeepsItsMargin() throws {
        let matcher = try LogoFixtures.matcher()
        let positives = try LogoCases.positives.get()
        var lowestPositive = 2.0, highestNegative = -2.0
        for item in positives + LogoCases.negatives {
            let coarse = Self.coarseScore(item.bytes, matcher)
            let full: Double? = if case .scored(let best) = matcher.evaluate(imageBytes: item.bytes) { best.score } else { nil }
            print(String(format: "logo coarse %7.3f  full %7.3f  %@", coarse ?? .nan, full ?? .nan, item.name))
            let isVariant = positives.contains { $0.name == item.name }
            if isVariant { lowestPositive = min(lowestPositive, coarse ?? -1) } else { highestNegative = max(highestNegative, coarse ?? -1) }
            let matched = matcher.match(imageBytes: item.bytes, mediaType: nil)
            #expect((matched != nil) == ((full ?? -1) >= matcher.threshold), "\(item.name)")
            if let matched { #expect(matched.score == full, "\(item.name)") }
        }
        print(String(format: "logo coarse margins: lowest variant %.3f, highest non-logo %.3f, give-up %.2f",
                     lowestPositive, highestNegative, LogoSearch.coarseGiveUp))
        #expect(lowestPositive >= LogoSearch.coarseGiveUp + 0.2)
    }

    @Test func undecodableOrDamagedImagesAreNotMatches() throws {
        let matcher = try LogoFixtures.matcher()
        let png = try LogoFixtures.referenceImage().resized(longSide: 200).png()
        for bytes in [[], Array("GIF89a".utf8), Array(png.prefix(png.count / 2)), Array(repeating: 0xFF, count: 64)] {
            #expect(matcher.match(imageBytes: bytes, mediaType: "image/png") == nil)
            guard case .notAnalysed = matcher.evaluate(imageBytes: bytes) else {
                Issue.record("damaged input was analysed")
                continue
            }
        }
        #expect(matcher.match(imageBytes: png, mediaType: "image/png")?.reference == "reference")
    }

    @Test func withoutReferencesNothingMatches() throws {
        let png = try LogoFixtures.referenceImage().resized(longSide: 200).png()
        #expect(LogoMatcher(references: []).match(imageBytes: png, mediaType: nil) == nil)
    }

    @Test func referencesMustBeImagesWithSomethingOnThem() {
        #expect(LogoReference(imageBytes: Array("not an image".utf8), name: "x") == nil)
        #expect(LogoReference(imageBytes: RGBImage(width: 100, height: 100, fill: .white).png(), name: "blank") == nil)
        #expect(LogoReference(imageBytes: LogoCases.mountainEmblem(side: 120, filled: true).png(), name: "emblem")?.name == "emblem")
    }

    @Test func tinyOrVeryElongatedImagesAreNotAnalysed() throws {
        let matcher = try LogoFixtures.matcher()
        for image in [RGBImage(width: 12, height: 12, fill: .white), LogoCases.gradient(width: 1200, height: 40, radial: false)] {
            guard case .notAnalysed = matcher.evaluate(imageBytes: image.png()) else {
                Issue.record("\(image.width)x\(image.height) was analysed")
                continue
            }
        }
    }

    @Test func matchSaysWhereAndHowLarge() throws {
        let matcher = try LogoFixtures.matcher()
        // The logo file fills 300×300 of 800×600, its top-left corner at (400, 150): its ink
        // box is about (423, 172) to (685, 434).
        var poster = LogoCases.backgroundImage(width: 800, height: 600, .gradient)
        poster.paste(try LogoFixtures.referenceImage().resized(longSide: 300), x: 400, y: 150)
        let match = try #require(matcher.match(imageBytes: poster.png(), mediaType: "image/jpeg"))
        #expect(abs(match.region.x - 415) <= 15 && abs(match.region.y - 165) <= 15)
        #expect(abs(match.region.width - 270) <= 20 && abs(match.region.height - 270) <= 20)
        #expect(match.why.contains("'reference'") && match.why.contains("PNG (declared image/jpeg) 800x600"))
        #expect(match.score >= matcher.threshold && match.score <= 1.0001)
    }

    /// Nothing in the method is specific to the shared logo: another reference is found in
    /// its own variants, and each reference only in its own images.
    @Test func anyReferenceLogoCanBeSearched() throws {
        let emblem = LogoCases.mountainEmblem(side: 400, filled: true)
        let emblemReference = try #require(LogoReference(imageBytes: emblem.png(), name: "emblem"))
        let logoReference = try #require(LogoReference(imageBytes: try LogoFixtures.referenceBytes(), name: "reference"))
        let both = LogoMatcher(references: [logoReference, emblemReference])
        let emblemVariants = [
            emblem.resized(longSide: 150).png(),
            emblem.greyscale().resized(longSide: 90).png(),
            LogoCases.poster(emblem, width: 600, height: 450, coverage: 0.3, at: (0.2, 0.6), background: .photo(seed: 6)).png(),
        ]
        for bytes in emblemVariants {
            #expect(both.match(imageBytes: bytes, mediaType: nil)?.reference == "emblem")
        }
        let logo = try LogoFixtures.referenceImage().resized(longSide: 180).png()
        #expect(both.match(imageBytes: logo, mediaType: nil)?.reference == "reference")
        let onlyEmblem = LogoMatcher(references: [emblemReference])
        #expect(onlyEmblem.match(imageBytes: logo, mediaType: nil) == nil)
        #expect(onlyEmblem.match(imageBytes: LogoCases.ringsBadge(side: 200).png(), mediaType: nil) == nil)
    }

    /// A large photo-sized poster goes through the reduced-size JPEG decode and the analysis
    /// raster, and the logo on it is still found.
    @Test func largePostersAreSearchedAtBoundedCost() throws {
        let matcher = try LogoFixtures.matcher()
        var poster = LogoCases.backgroundImage(width: 2000, height: 1500, .gradient)
        poster.paste(try LogoFixtures.referenceImage().resized(longSide: 900), x: 1000, y: 400)
        var files = [("PNG", poster.png())]
        if JPEGCodec.isAvailable { files.append(("JPEG", try #require(poster.jpeg(quality: 70)))) }
        for (name, bytes) in files {
            let clock = ContinuousClock()
            let start = clock.now
            let match = matcher.match(imageBytes: bytes, mediaType: nil)
            print("logo large \(name) 2000x1500: \(clock.now - start), \(match?.why ?? "no match")")
            #expect(match?.reference == "reference", "\(name)")
        }
    }
}

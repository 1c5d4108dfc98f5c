/// A protected logo to look for, prepared once from its image file (PNG, JPEG or GIF).
public struct LogoReference: Sendable {
    public let name: String
    let prepared: PreparedReference

    /// nil when the bytes are not a decodable image or show nothing (a blank image, or one
    /// too elongated to be a logo).
    public init?(imageBytes: [UInt8], name: String, limits: ImageLimits = ImageLimits()) {
        guard case .success(let image) = ImageDecoder.decode(imageBytes, layout: .grey, limits: limits, minSide: 512),
              // 512 px on the shorter side is plenty for a 32-cell template and bounds memory
              // for a very large reference file.
              let prepared = PreparedReference(image.greyPlane(atLeast: 512)) else { return nil }
        self.name = name
        self.prepared = prepared
    }
}

/// A logo found in an image.
public struct LogoMatch: Sendable, Equatable {
    /// The matching reference's name.
    public let reference: String
    /// Normalised cross-correlation with the reference, -1...1 (1: the same picture up to
    /// brightness and contrast).
    public let score: Double
    /// One line for the finding's evidence: score, where, and how large.
    public let why: String
    /// Where the logo is, in the image's pixels.
    public let region: Region

    public struct Region: Sendable, Equatable {
        public let x: Int
        public let y: Int
        public let width: Int
        public let height: Int
    }
}

/// What the matcher saw in one image, whether or not it counts as the logo.
public enum LogoEvaluation: Sendable {
    /// The best window over all references (the reference's name, its score and place).
    case scored(LogoMatch)
    /// The image could not be decoded, or is too small or elongated to be searched.
    case notAnalysed(String)
}

/// Why an image was not analysed.
struct LogoNotAnalysed: Error {
    let reason: String
}

/// Finds configured reference logos in image parts, robust to resizing, JPEG recompression,
/// greyscale, a cropped border and placement on a larger poster (see LogoSearch for the method).
public struct LogoMatcher: Sendable {
    /// The correlation an image must reach to count as the logo.
    ///
    /// Chosen from generated images only (Tests/GuidelinesTests/Logo: LogoCases, and
    /// LogoMatcherTests, which asserts a margin of at least 0.15 on both sides): the 34 variants
    /// of the reference (resized 64–512 px, JPEG q40–q85, GIF, greyscale, 4–6 % border crops,
    /// pasted on noise, gradient and photo-like posters at 25–40 % of the area) score 0.957 to
    /// 0.999; the 23 non-logo images (round blue emblems: disc with mountains and sun, ring
    /// with mountains, concentric rings, star seal; gradients, bar charts, random shapes,
    /// photo-like noise, text) score at most 0.526 (the concentric rings). 0.75 sits about
    /// 0.21 from each side.
    public static let defaultThreshold = 0.75

    public let references: [LogoReference]
    public let threshold: Double
    public let limits: ImageLimits

    public init(references: [LogoReference], threshold: Double = LogoMatcher.defaultThreshold, limits: ImageLimits = ImageLimits()) {
        self.references = references
        self.threshold = threshold
        self.limits = limits
    }

    /// The best matching reference, or nil when no reference reaches the threshold or the bytes
    /// are not a decodable PNG, JPEG or GIF. `mediaType` (the part's declared type) only
    /// appears in the explanation: the file's own signature decides how it is decoded.
    public func match(imageBytes: [UInt8], mediaType: String?) -> LogoMatch? {
        // An image whose coarse pass is far below the logo is not searched finely: the match
        // is decided, only its exact score is not.
        guard case .scored(let best) = evaluate(imageBytes: imageBytes, mediaType: mediaType, giveUpBelow: LogoSearch.coarseGiveUp),
              best.score >= threshold else { return nil }
        return best
    }

    /// The best window whatever its score: for diagnostics and for measuring margins.
    public func evaluate(imageBytes: [UInt8], mediaType: String? = nil) -> LogoEvaluation {
        evaluate(imageBytes: imageBytes, mediaType: mediaType, giveUpBelow: nil)
    }

    /// The analysis plane of an image (nil with the reason when it is not analysed).
    func analysisPlane(_ imageBytes: [UInt8]) -> Result<(decoded: DecodedImage, plane: Plane), LogoNotAnalysed> {
        let decoded: DecodedImage
        switch ImageDecoder.decode(imageBytes, layout: .grey, limits: limits, minSide: LogoSearch.analysisSide) {
        case .success(let image): decoded = image
        case .failure(let error): return .failure(LogoNotAnalysed(reason: error.description))
        }
        guard decoded.width >= 16, decoded.height >= 16 else {
            return .failure(LogoNotAnalysed(reason: "\(decoded.width)x\(decoded.height) is too small to show a logo"))
        }
        // A logo box covering 10 % of the image (LogoSearch.minCoverage) cannot fit in one more
        // elongated than this.
        let elongation = Double(max(decoded.width, decoded.height)) / Double(min(decoded.width, decoded.height))
        guard elongation <= 10 else { return .failure(LogoNotAnalysed(reason: "aspect ratio \(Int(elongation)):1")) }

        let plane = decoded.greyPlane(atLeast: 2 * LogoSearch.analysisSide)
        let shorter = min(plane.width, plane.height)
        if shorter > LogoSearch.analysisSide {
            let factor = Double(LogoSearch.analysisSide) / Double(shorter)
            return .success((decoded, plane.resampled(width: max(1, Int((Double(plane.width) * factor).rounded())),
                                                      height: max(1, Int((Double(plane.height) * factor).rounded())))))
        }
        return .success((decoded, plane))
    }

    /// `evaluate`; with `giveUpBelow`, a reference whose coarse pass stays below it is not
    /// searched further (see `LogoSearch.coarseGiveUp`).
    func evaluate(imageBytes: [UInt8], mediaType: String?, giveUpBelow: Double?) -> LogoEvaluation {
        guard !references.isEmpty else { return .notAnalysed("no reference logo configured") }
        let decoded: DecodedImage, analysis: Plane
        switch analysisPlane(imageBytes) {
        case .success(let prepared): (decoded, analysis) = prepared
        case .failure(let why): return .notAnalysed(why.reason)
        }

        var best: (reference: LogoReference, hit: LogoSearch.Hit)?
        for reference in references {
            guard let hit = LogoSearch.search(analysis, reference.prepared, giveUpBelow: giveUpBelow) else { continue }
            if hit.score > (best?.hit.score ?? -2) { best = (reference, hit) }
        }
        guard let best else { return .notAnalysed("\(decoded.storedWidth)x\(decoded.storedHeight) is too small to search") }

        // Back to the pixels of the file as stored.
        let sx = Double(decoded.storedWidth) / Double(analysis.width), sy = Double(decoded.storedHeight) / Double(analysis.height)
        let region = LogoMatch.Region(x: Int((best.hit.x * sx).rounded()), y: Int((best.hit.y * sy).rounded()),
                                      width: Int((best.hit.width * sx).rounded()), height: Int((best.hit.height * sy).rounded()))
        let coverage = Double(region.width * region.height) / Double(decoded.storedWidth * decoded.storedHeight)
        let format = ImageFormat.sniff(imageBytes)?.rawValue.uppercased() ?? "image"
        var declared = ""
        if let mediaType, !mediaType.lowercased().contains(format.lowercased()), !(format == "JPEG" && mediaType.lowercased().hasSuffix("/jpg")) {
            declared = " (declared \(mediaType))"
        }
        let score = (best.hit.score * 1000).rounded() / 1000
        let why = "\(format)\(declared) \(decoded.storedWidth)x\(decoded.storedHeight): correlation \(score) with '\(best.reference.name)'"
            + " in \(region.width)x\(region.height) at (\(region.x),\(region.y)), \(Int((coverage * 100).rounded()))% of the image"
        return .scored(LogoMatch(reference: best.reference.name, score: best.hit.score, why: why, region: region))
    }
}

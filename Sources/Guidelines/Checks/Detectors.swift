import Config

/// The detectors rule files can name, and how each is built from its rule's params.
enum Detectors {
    static let names = [
        "phone", "iban", "card", "avs", "nir", "rib", "date-of-birth", "id-number", "address", "token", "assignment",
        "entropy", "disclaimer", "jargon", "logo", "overposting",
    ]

    static func make(_ name: String, rule: RuleDefinition) throws(ConfigError) -> any Detector {
        let params = rule.params
        switch name {
        case "phone": return try PhoneDetector(params)
        case "iban": return IBANDetector()
        case "card": return try CardDetector(params)
        case "avs": return AVSDetector()
        case "nir": return NIRDetector()
        case "rib": return RIBDetector()
        case "date-of-birth": return DateDetector(params)
        case "id-number": return try IDNumberDetector(params)
        case "address": return try AddressDetector(params)
        case "token": return try TokenDetector(params)
        case "assignment": return try AssignmentDetector(params)
        case "entropy": return try EntropyDetector(params)
        case "disclaimer": return try DisclaimerDetector(params, rule: rule)
        // Their checks (JargonCheck, LogoCheck) do the work, on whole texts and on images;
        // overposting is counted in heed serve's store (Sources/Serving), not in any text.
        case "jargon", "logo", "overposting": return CheckedElsewhere()
        default: throw params.error("detector", "unknown detector \"\(name)\"")
        }
    }
}

/// Byte-level helpers shared by the detectors.
enum Bytes {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    /// Letters, digits and any non-ASCII byte (part of a letter in UTF-8): what continues a word.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) || isLower(b) || b >= 0x80 }

    /// Whether `i` starts a word: nothing or a non-word byte before it.
    @inline(__always) static func isBoundary(_ bytes: [UInt8], _ i: Int, _ lower: Int) -> Bool {
        i <= lower || !isWordByte(bytes[i - 1])
    }

    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// The detector of rules whose category has its own check (jargon, logo) or is counted in the
/// store (overposting): finds nothing by itself.
struct CheckedElsewhere: Detector {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] { [] }
}

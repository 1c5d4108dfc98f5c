import Config

/// The `logo` category: every image in scope (all images of an announcement, including inline and
/// forwarded ones; the draft images of a question) compared with the reference logos.
struct LogoCheck: Check {
    let id = Category.logo.rawValue
    let rule: RuleDefinition?
    let matcher: LogoMatcher

    /// Images larger than this are not decoded (a poster is a few hundred kilobytes).
    static let maximumImageBytes = 16 << 20

    func run(_ input: CheckInput) -> [Finding] {
        guard let rule, !input.isDisabled(rule), rule.modes.contains(input.analysis.mode), !matcher.references.isEmpty else { return [] }
        var findings: [Finding] = []
        for image in input.analysis.images {
            let bytes = image.bytes()
            guard !bytes.isEmpty, bytes.count <= Self.maximumImageBytes,
                  let match = matcher.match(imageBytes: bytes, mediaType: image.mediaType) else { continue }
            let name = image.filename ?? image.mediaType
            findings.append(Finding(
                category: .logo, rule: rule.id, guideline: rule.guideline, severity: rule.severity,
                evidence: Evidence.excerpt("image \(name)", limit: 100), part: image.section, offset: 0,
                why: match.why))
        }
        return findings
    }

    /// The reference logos: the one shipped inside heed (unless `checks.logo.shipped_reference`
    /// is false) and the configuration's files.
    static func references(_ config: HeedConfig) throws(ConfigError) -> [LogoReference] {
        var references: [LogoReference] = []
        if config.checks.shippedLogoReference { references.append(contentsOf: shippedReference) }
        for (i, path) in config.checks.logoReferences.enumerated() {
            let resolved = Paths.resolve(path, against: config.source)
            let keyPath = "checks.logo.references[\(i)]"
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(resolved, limit: maximumImageBytes)
            } catch {
                throw ConfigError(file: config.source, keyPath: keyPath, line: config.checks.lines[keyPath],
                                  message: "cannot read the logo reference \(resolved): \(error)")
            }
            guard let reference = LogoReference(imageBytes: bytes, name: path) else {
                throw ConfigError(file: config.source, keyPath: keyPath, line: config.checks.lines[keyPath],
                                  message: "\(resolved) is not a PNG, JPEG or GIF image heed can use as a logo reference")
            }
            references.append(reference)
        }
        return references
    }

    /// Rules/logo-reference.png, embedded at build time.
    static let shippedReference: [LogoReference] = {
        LogoReference(imageBytes: PackageResources.logo_reference_png, name: "CERN logo (shipped)").map { [$0] } ?? []
    }()
}

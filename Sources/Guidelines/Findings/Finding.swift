/// A finding's category: the stable ids of the product spec. Each rests on one guideline.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
    case unsourcedClaim = "unsourced-claim"
    case jargon
    case overposting
    case missingDisclaimer = "missing-disclaimer"
    case copyPaste = "copy-paste"
    case endorsement
    case logo
    case personalData = "personal-data"
    case confidential
    case intellectualProperty = "intellectual-property"
    case offensive
    case officialCommunication = "official-communication"

    /// The guideline section the category rests on (ids as in the product spec).
    public var guideline: Guideline {
        switch self {
        case .unsourcedClaim: .postCorrectly
        case .jargon: .postClearly
        case .overposting: .postReasonably
        case .missingDisclaimer: .postAsYourself
        case .copyPaste: .referLinks
        case .endorsement: .referExternal
        case .logo: .respectLogo
        case .personalData: .respectPrivacy
        case .confidential: .respectConfidential
        case .intellectualProperty: .respectIP
        case .offensive: .respectWellBeing
        case .officialCommunication: .respectOfficial
        }
    }

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A section of CERN's social-media guidelines (`shared/seed/social-media-guidelines.txt`).
public enum Guideline: String, Sendable, CaseIterable, Codable {
    case postCorrectly = "post.correctly"
    case postClearly = "post.clearly"
    case postReasonably = "post.reasonably"
    case postAsYourself = "post.as-yourself"
    case referLinks = "refer.links"
    case referExternal = "refer.external"
    case respectLogo = "respect.logo"
    case respectPrivacy = "respect.privacy"
    case respectConfidential = "respect.confidential"
    case respectIP = "respect.ip"
    case respectWellBeing = "respect.well-being"
    case respectOfficial = "respect.official"
}

/// How much a finding weighs. Ordered: info < warning < block.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case info, warning, block

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .block: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a check found.
///
/// Contract: `evidence` is safe to log and to put in headers and advice mail — checks mask
/// sensitive values (see `Evidence.mask`) before building a finding. `part` is the IMAP section
/// of the MIME part ("1", "2.1"), or "header" for the Subject; `offset` is the UTF-8 byte offset
/// of the evidence in that part's decoded text (in the Subject for "header"). A finding in an
/// attachment's file name has the attachment's section and the offset in its name.
public struct Finding: Sendable, Equatable, Hashable {
    public let category: Category
    /// A finer id, `category.name` (e.g. `personal-data.iban`).
    public let rule: String
    public let guideline: Guideline
    public let severity: Severity
    public let evidence: String
    public let part: String
    public let offset: Int
    /// UTF-8 length of the matched text at `offset` (0 when the finding is about a whole part,
    /// such as an image).
    public let length: Int
    /// What decided: the context words or position that raised or lowered confidence.
    public let why: String?

    public init(category: Category, rule: String, guideline: Guideline? = nil, severity: Severity,
                evidence: String, part: String, offset: Int, length: Int = 0, why: String? = nil) {
        self.category = category
        self.rule = rule
        self.guideline = guideline ?? category.guideline
        self.severity = severity
        self.evidence = evidence
        self.part = part
        self.offset = max(0, offset)
        self.length = max(0, length)
        self.why = why
    }

    /// The part name used for findings in the message headers (Subject, attachment names, ...).
    public static let headerPart = "header"
}

extension Finding {
    /// Document order: by part (numerically, "2" < "10"), then offset, then category and rule.
    public static func documentOrder(_ a: Finding, _ b: Finding) -> Bool {
        let pa = a.part.split(separator: ".").map { Int($0) ?? -1 }
        let pb = b.part.split(separator: ".").map { Int($0) ?? -1 }
        if pa != pb { return pa.lexicographicallyPrecedes(pb) }
        if a.offset != b.offset { return a.offset < b.offset }
        if a.category != b.category { return a.category < b.category }
        return a.rule < b.rule
    }
}

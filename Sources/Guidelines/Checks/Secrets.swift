import Config

// Secrets in clear, the gitleaks way: tokens with a known prefix, `password: value` lines, and
// high-entropy strings next to a key word. Each detector reads the bytes once.

/// Characters a secret's body may use.
enum SecretCharset: String, Sendable {
    case alnum
    /// Letters, digits, `-` and `_`.
    case urlsafe
    case hex
    /// Letters, digits, `+`, `/`, `=`.
    case base64

    func contains(_ b: UInt8) -> Bool {
        let alnum = Bytes.isDigit(b) || Bytes.isUpper(b) || Bytes.isLower(b)
        switch self {
        case .alnum: return alnum
        case .urlsafe: return alnum || b == 0x2D || b == 0x5F
        case .hex: return Bytes.isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
        case .base64: return alnum || b == 0x2B || b == 0x2F || b == 0x3D
        }
    }
}

/// Tokens with a known prefix (`glpat-`, `ghp_`, `AKIA`, `xoxb-`…, the `prefixes` param: each
/// `{prefix, min, max, charset}`) and JSON Web Tokens (`eyJ….eyJ….…`).
struct TokenDetector: Detector {
    struct Prefix: Sendable {
        let prefix: [UInt8]
        let name: String
        let min: Int
        let max: Int
        let charset: SecretCharset
    }
    /// Prefixes by their first byte (256 entries: no hashing per byte of text).
    let byFirstByte: [[Prefix]]
    /// The first bytes that start a prefix: most tokens start with none, and are passed over
    /// without touching `byFirstByte`.
    let firstBytes: ByteSet
    /// The first two bytes of every prefix (and `ey` of a JSON Web Token), one bit per pair;
    /// nil when a prefix is shorter than two bytes.
    let firstPairs: [UInt64]?
    let jwt: Bool

    init(_ params: RuleParams) throws(ConfigError) {
        var table = [[Prefix]](repeating: [], count: 256)
        for record in try params.records("prefixes") {
            guard let prefix = record["prefix"], let first = prefix.utf8.first else { throw params.error("prefixes", "every entry needs a prefix") }
            let charsetName = record["charset"] ?? "urlsafe"
            guard let charset = SecretCharset(rawValue: charsetName) else {
                throw params.error("prefixes", "unknown charset \"\(charsetName)\"; expected alnum, urlsafe, hex or base64")
            }
            guard let min = Int(record["min"] ?? "16"), let max = Int(record["max"] ?? "255"), min >= 8, max >= min else {
                throw params.error("prefixes", "min and max of \(prefix) must be numbers, min at least 8")
            }
            table[Int(first)].append(Prefix(prefix: Array(prefix.utf8), name: record["name"] ?? prefix, min: min, max: max, charset: charset))
        }
        byFirstByte = table
        firstBytes = ByteSet((0..<256).filter { !table[$0].isEmpty }.map { UInt8($0) })
        jwt = try params.int("jwt", default: 1) == 1
        let prefixes = table.flatMap { $0 }.map(\.prefix) + (jwt ? [[0x65, 0x79]] : [])
        if prefixes.allSatisfy({ $0.count >= 2 }) {
            var pairs = [UInt64](repeating: 0, count: 1024)
            for prefix in prefixes {
                let pair = Int(prefix[0]) | Int(prefix[1]) << 8
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
            firstPairs = pairs
        } else {
            firstPairs = nil
        }
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let bytes = unit.bytes
        let lower = unit.region.lowerBound, upper = unit.region.upperBound
        var result: [Candidate] = []
        var next = lower
        // A token starts where a word starts: only the tokenizer's word starts are looked at.
        for token in unit.tokens {
            guard result.count < environment.limit else { break }
            let i = token.start
            guard i >= next, i < upper else { continue }
            // A token whose first two bytes start no prefix (nor `eyJ`) is none of these.
            if let firstPairs {
                guard i + 1 < upper else { continue }
                let pair = Int(bytes[i]) | Int(bytes[i + 1]) << 8
                guard firstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
            }
            if firstBytes.contains(bytes[i]) {
                let prefixes = byFirstByte[Int(bytes[i])]
                var matched = false
                for p in prefixes where i + p.prefix.count < upper && bytes[i..<(i + p.prefix.count)].elementsEqual(p.prefix) {
                    var j = i + p.prefix.count
                    while j < upper, j - i - p.prefix.count <= p.max, p.charset.contains(bytes[j]) { j += 1 }
                    let length = j - i - p.prefix.count
                    guard length >= p.min, length <= p.max, j >= upper || !Bytes.isWordByte(bytes[j]) else { continue }
                    result.append(candidate(bytes, i, j, prefix: p.prefix.count, name: p.name))
                    next = j
                    matched = true
                    break
                }
                if matched { continue }
            }
            if jwt, let end = Self.jwtEnd(bytes, i, upper) {
                result.append(candidate(bytes, i, end, prefix: 3, name: "JSON Web Token"))
                next = end
            }
        }
        return result
    }

    private func candidate(_ bytes: [UInt8], _ start: Int, _ end: Int, prefix: Int, name: String) -> Candidate {
        let text = Bytes.string(bytes, start..<end)
        let shown = String(text.prefix(prefix)) + String(repeating: "*", count: min(12, max(4, text.count - prefix - 2))) + String(text.suffix(2))
        return Candidate(start: start, end: end, evidence: shown, raw: text, confidence: 0.95,
                         reasons: ["\(name) token \(shown)"])
    }

    /// `eyJ` + base64url, `.`, `eyJ` + base64url, `.`, base64url: three parts of 10+ characters.
    static func jwtEnd(_ bytes: [UInt8], _ start: Int, _ upper: Int) -> Int? {
        // eyJ
        func header(_ k: Int) -> Bool { k + 3 < upper && bytes[k] == 0x65 && bytes[k + 1] == 0x79 && bytes[k + 2] == 0x4A }
        guard header(start) else { return nil }
        var j = start
        for part in 0..<3 {
            if part == 1 { guard header(j) else { return nil } }
            let partStart = j
            while j < upper, SecretCharset.urlsafe.contains(bytes[j]), j - partStart < 4096 { j += 1 }
            guard j - partStart >= 10 else { return nil }
            if part < 2 {
                guard j < upper, bytes[j] == 0x2E else { return nil }
                j += 1
            }
        }
        return j
    }
}

/// `password: value`, `token = value`, `mot de passe : value`: a key word (`keywords` param),
/// then `:`, `=` or "is", then a value that looks like a secret (no spaces, at least `min_length`
/// characters, two kinds of characters of which a digit or a symbol, not a placeholder or a
/// variable such as `$TOKEN`).
struct AssignmentDetector: Detector {
    let keywords: PhraseSet
    let connectors: Set<String>
    let placeholders: Set<String>
    let minLength: Int

    init(_ params: RuleParams) throws(ConfigError) {
        keywords = try params.phrases("keywords")
        connectors = Set(try params.strings("connectors", default: ["is", "est"]).map(Fold.string))
        placeholders = Set(try params.strings("placeholders").map(Fold.string))
        minLength = try params.int("min_length", default: 6)
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        let bytes = unit.bytes
        var result: [Candidate] = []
        var lastEnd = -1
        for match in keywords.matches(in: unit.layout, 0..<tokens.count, text: bytes, limit: environment.limit)
        where tokens[match.first].start >= lastEnd {
            var lineEnd = unit.line(of: tokens[match.last]).end
            var j = tokens[match.last].end
            func skipSpaces() { while j < lineEnd, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 } }
            // Skip the rest of an identifier (`_TOKEN`, `-key`) and closing quotes.
            while j < lineEnd, bytes[j] == 0x5F || bytes[j] == 0x2D || Bytes.isUpper(bytes[j]) || Bytes.isLower(bytes[j]) { j += 1 }
            skipSpaces()
            // "password is", "mot de passe est", then perhaps ":" or "=": at least one of them.
            var linked = false
            if match.last + 1 < tokens.count, connectors.contains(tokens[match.last + 1].norm(in: bytes)),
               tokens[match.last + 1].line == tokens[match.last].line, tokens[match.last + 1].start == j {
                j = tokens[match.last + 1].end
                linked = true
                skipSpaces()
            }
            if j < lineEnd, bytes[j] == 0x3A || bytes[j] == 0x3D {
                j += 1
                if j < lineEnd, bytes[j] == 0x3D { j += 1 }
                linked = true
            }
            if !linked {
                // "mot de passe du compte partagé : …", "password for the test account: …", "the
                // password for the console is …": a colon or a connector a few words later, on the
                // same line or, within the sentence, on the next (mail wraps sentences). What
                // follows must still look like a secret.
                var k = match.last + 1
                while k < tokens.count, k <= match.last + 5, !tokens[k].flags.contains(.link),
                      tokens[k].line == tokens[match.last].line
                        || (tokens[k].line == tokens[match.last].line + 1 && tokens[k].sentence == tokens[match.last].sentence) {
                    lineEnd = unit.line(of: tokens[k]).end
                    if tokens[k].flags.contains(.colonAfter) {
                        j = tokens[k].end
                        while j < lineEnd, bytes[j] != 0x3A { j += 1 }
                        j += 1
                        linked = j <= lineEnd
                        break
                    }
                    if connectors.contains(tokens[k].norm(in: bytes)) {
                        j = tokens[k].end
                        skipSpaces()
                        if j < lineEnd, bytes[j] == 0x3A { j += 1 }
                        linked = true
                        break
                    }
                    k += 1
                }
            }
            guard linked else { continue }
            skipSpaces()
            let valueStart = j
            while j < lineEnd, bytes[j] != 0x20, bytes[j] != 0x09, bytes[j] != 0x22, bytes[j] != 0x27, bytes[j] != 0x0D { j += 1 }
            var valueEnd = j
            // A sentence's final period or comma is not part of the value.
            while valueEnd > valueStart, bytes[valueEnd - 1] == 0x2E || bytes[valueEnd - 1] == 0x2C || bytes[valueEnd - 1] == 0x3B {
                valueEnd -= 1
            }
            guard valueEnd > valueStart, looksSecret(bytes, valueStart, valueEnd) else { continue }
            let keyword = Bytes.string(bytes, tokens[match.first].start..<tokens[match.last].end)
            let value = Bytes.string(bytes, valueStart..<valueEnd)
            let shown = keyword + ": " + String(repeating: "*", count: min(12, value.count))
            result.append(Candidate(start: tokens[match.first].start, end: valueEnd, evidence: shown, raw: value, confidence: 0.9,
                                    reasons: ["a value given for \"\(keyword)\""]))
            lastEnd = valueEnd
        }
        return result
    }

    func looksSecret(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= minLength, length <= 128 else { return false }
        let first = bytes[start]
        // Variables, templates and masks: $TOKEN, ${x}, %s, <password>, {{ }}, ****, [redacted].
        if [0x24, 0x25, 0x3C, 0x7B, 0x5B, 0x2A, 0x28, 0x2F].contains(first) { return false }
        let value = Bytes.string(bytes, start..<end)
        if value.contains("://") || value.hasPrefix("www.") { return false }
        if placeholders.contains(Fold.string(value)) { return false }
        var lower = false, upper = false, digit = false, symbol = false
        var distinct = Set<UInt8>()
        for b in bytes[start..<end] {
            distinct.insert(b)
            if Bytes.isLower(b) { lower = true } else if Bytes.isUpper(b) { upper = true } else if Bytes.isDigit(b) { digit = true } else { symbol = true }
        }
        let kinds = [lower, upper, digit, symbol].filter { $0 }.count
        // A PIN or passcode of six digits or more is a secret too.
        if kinds == 1 && digit { return length >= 6 && distinct.count >= 3 }
        return kinds >= 2 && (digit || symbol) && distinct.count >= 4
    }
}

/// High-entropy strings (Shannon entropy per character of at least `min_entropy`, at least
/// `min_length` long, letters and digits mixed) within `window` bytes after a key word on the
/// same line.
struct EntropyDetector: Detector {
    let keywords: PhraseSet
    let minLength: Int
    let minEntropy: Double
    let window: Int

    init(_ params: RuleParams) throws(ConfigError) {
        keywords = try params.phrases("keywords")
        minLength = try params.int("min_length", default: 20)
        minEntropy = try params.double("min_entropy", default: 3.5)
        window = try params.int("window", default: 60)
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        let bytes = unit.bytes
        var result: [Candidate] = []
        var lastEnd = -1
        for match in keywords.matches(in: unit.layout, 0..<tokens.count, text: bytes, limit: environment.limit) {
            let realLineEnd = unit.line(of: tokens[match.last]).end
            let lineEnd = min(realLineEnd, tokens[match.last].end + window)
            var j = max(tokens[match.last].end, lastEnd)
            while j < lineEnd {
                guard SecretCharset.base64.contains(bytes[j]) || bytes[j] == 0x2D || bytes[j] == 0x5F else { j += 1; continue }
                let start = j
                while j < realLineEnd, SecretCharset.base64.contains(bytes[j]) || bytes[j] == 0x2D || bytes[j] == 0x5F || bytes[j] == 0x2E,
                      j - start < 512 { j += 1 }
                var end = j
                while end > start, bytes[end - 1] == 0x2E { end -= 1 }
                guard end - start >= minLength else { continue }
                let value = Array(bytes[start..<end])
                let hasDigit = value.contains(where: Bytes.isDigit)
                let hasLetter = value.contains { Bytes.isUpper($0) || Bytes.isLower($0) }
                guard hasDigit, hasLetter, !value.contains(0x2F) || !value.contains(0x2E), Self.entropy(value) >= minEntropy else { continue }
                let text = String(decoding: value, as: UTF8.self)
                let shown = String(text.prefix(2)) + String(repeating: "*", count: 12) + String(text.suffix(2))
                let keyword = Bytes.string(bytes, tokens[match.first].start..<tokens[match.last].end)
                result.append(Candidate(start: start, end: end, evidence: shown, raw: text, confidence: 0.75,
                                        reasons: ["random-looking string (entropy \(RuleRunner.format(Self.entropy(value))) bits per character) after \"\(keyword)\""]))
                lastEnd = end
                break
            }
        }
        return result
    }

    /// Shannon entropy in bits per byte.
    static func entropy(_ value: [UInt8]) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        for b in value { counts[Int(b)] += 1 }
        let n = Double(value.count)
        var h = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / n
            h -= p * log2(p)
        }
        return h
    }

    private static func log2(_ x: Double) -> Double {
        // ln(x)/ln(2) without Foundation: a short series is enough for entropy thresholds.
        var y = x
        var exponent = 0.0
        while y >= 2 { y /= 2; exponent += 1 }
        while y < 1 { y *= 2; exponent -= 1 }
        // y in [1, 2): ln(y) by atanh series.
        let t = (y - 1) / (y + 1)
        var term = t
        var sum = 0.0
        var k = 1.0
        for _ in 0..<12 {
            sum += term / k
            term *= t * t
            k += 2
        }
        return exponent + 2 * sum / 0.6931471805599453
    }
}

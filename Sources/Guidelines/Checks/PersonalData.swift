import Config

// Detectors of personal data: phone numbers, bank and card numbers, national identifiers, dates
// of birth, identity documents, home addresses. Each scans the unit's bytes once; what a match
// means (whose number, which context) is left to the rule's context entries in
// Rules/personal-data.yaml.

/// Phone numbers in international (`+41 79 123 45 67`, `0041…`) and national (`079 123 45 67`,
/// `06 39 98 12 34`) formats. Mobiles (by the `mobile_prefixes` param) start with the `mobile`
/// confidence, other numbers with `landline` (a landline is personal only with personal context
/// words); `service_prefixes` (toll-free, shared-cost) and the configuration's
/// `checks.allow.numbers` are never findings.
struct PhoneDetector: Detector {
    let mobilePrefixes: [String]
    let servicePrefixes: [String]
    let mobile: Double
    let landline: Double

    init(_ params: RuleParams) throws(ConfigError) {
        mobilePrefixes = try params.strings("mobile_prefixes").map(Self.compact)
        servicePrefixes = try params.strings("service_prefixes").map(Self.compact)
        mobile = try params.double("mobile", default: 0.7)
        landline = try params.double("landline", default: 0.3)
    }

    static func compact(_ text: String) -> String { text.filter { $0 == "+" || $0.isNumber || $0 == "*" } }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let bytes = unit.bytes
        let lower = unit.region.lowerBound
        let upper = unit.region.upperBound
        var result: [Candidate] = []
        var next = lower
        // One buffer for every run's groups: a text of a million numbers allocates once.
        var groups: [Group] = []
        // A number starts at a number token, or at the "+" just before one: only those places
        // are looked at (the tokenizer has already found them).
        for position in unit.layout.index.classes[.number] ?? [] {
            guard result.count < environment.limit else { break }
            var i = unit.tokens[Int(position)].start
            if i > lower, bytes[i - 1] == 0x2B { i -= 1 }
            guard i >= next else { continue }
            let b = bytes[i]
            let startsInternational = b == 0x2B && i + 1 < upper && Bytes.isDigit(bytes[i + 1])
            let startsNational = b == 0x30
            guard (startsInternational || startsNational) && Bytes.isBoundary(bytes, i, lower)
                    && (i == lower || (bytes[i - 1] != 0x2E && bytes[i - 1] != 0x2F && bytes[i - 1] != 0x2D && bytes[i - 1] != 0x2C))
            else { continue }
            let end = Self.scan(bytes, i, upper, into: &groups)
            next = max(i + 1, end)
            if end < upper, Bytes.isWordByte(bytes[end]) { continue }
            // A phone number has nine digits at least (ten in national form).
            if groups.reduce(0, { $0 + $1.digits }) < 9 { continue }
            guard let number = Self.normalise(bytes, i, groups) else { continue }
            if servicePrefixes.contains(where: { number.hasPrefix($0) }) { continue }
            if environment.allowNumbers.contains(where: { Self.matches(pattern: $0, number) }) { continue }
            let isMobile = mobilePrefixes.contains { number.hasPrefix($0) }
            let text = Bytes.string(bytes, i..<end)
            let keep = groups.count >= 2 ? (startsInternational || bytes[i] == 0x30 && i + 1 < upper && bytes[i + 1] == 0x30
                ? groups[0].digits + groups[1].digits : groups[0].digits) : 2
            let shown = Evidence.mask(text, keepFirst: keep, keepLast: 2)
            let kind = isMobile ? "mobile number" : "phone number"
            result.append(Candidate(start: i, end: end, evidence: shown, raw: number,
                                    confidence: isMobile ? mobile : landline,
                                    reasons: ["\(kind) \(shown)"]))
        }
        return result
    }

    struct Group { var digits: Int; var start: Int }

    /// The end of a run of digit groups with single separators (space, `.`, `-`, `/`, a no-break
    /// space, `(0)`); `groups` is set to the groups. A `+` may lead.
    static func scan(_ bytes: [UInt8], _ start: Int, _ upper: Int, into groups: inout [Group]) -> Int {
        var i = start
        if bytes[i] == 0x2B { i += 1 }
        groups.removeAll(keepingCapacity: true)
        var totalDigits = 0
        while i < upper {
            // "(0)" trunk prefix inside an international number.
            if bytes[i] == 0x28, i + 2 < upper, bytes[i + 1] == 0x30, bytes[i + 2] == 0x29 {
                i += 3
                while i < upper, bytes[i] == 0x20 { i += 1 }
                continue
            }
            guard Bytes.isDigit(bytes[i]) else { break }
            let groupStart = i
            while i < upper, Bytes.isDigit(bytes[i]) { i += 1 }
            groups.append(Group(digits: i - groupStart, start: groupStart))
            totalDigits += i - groupStart
            if totalDigits > 16 {
                groups.removeAll(keepingCapacity: true)
                return i
            }
            // One separator, then another digit group.
            var j = i
            if j < upper, bytes[j] == 0x20 || bytes[j] == 0x2E || bytes[j] == 0x2D || bytes[j] == 0x2F {
                j += 1
            } else if j + 1 < upper, bytes[j] == 0xC2, bytes[j + 1] == 0xA0 {
                j += 2
            }
            guard j > i, j < upper, Bytes.isDigit(bytes[j]) || bytes[j] == 0x28 else { break }
            i = j
        }
        return i
    }

    /// The number in E.164 form (`+41791234567`), or nil when the groups do not make a phone
    /// number. National numbers (ten digits from 0) grouped in pairs are read as French, others as
    /// Swiss.
    static func normalise(_ bytes: [UInt8], _ start: Int, _ groups: [Group]) -> String? {
        guard !groups.isEmpty else { return nil }
        var digits = ""
        for g in groups {
            for k in g.start..<(g.start + g.digits) { digits.unicodeScalars.append(Unicode.Scalar(bytes[k])) }
        }
        if bytes[start] == 0x2B || digits.hasPrefix("00") {
            if digits.hasPrefix("00") { digits.removeFirst(2) }
            guard (9...15).contains(digits.count), groups.count >= 2 || digits.count <= 13 else { return nil }
            // A lone "(0)" was skipped; a written trunk 0 after the country code is dropped too.
            if groups.count >= 2, groups[0].digits <= 3, bytes[groups[1].start] == 0x30 {
                let cc = digits.prefix(groups[0].digits)
                digits = String(cc) + digits.dropFirst(groups[0].digits + 1)
            }
            return "+" + digits
        }
        guard digits.count == 10, digits.hasPrefix("0"), !digits.hasPrefix("00") else { return nil }
        // Unseparated ten digits are too often references; a phone number is written in groups.
        guard groups.count >= 3 else { return nil }
        let pairs = groups.count == 5 && groups.allSatisfy { $0.digits == 2 }
        return (pairs ? "+33" : "+41") + digits.dropFirst()
    }

    /// `pattern`: digits with `*` for any run of digits, and an optional leading `+`. Linear
    /// wildcard matching (a star is only ever extended, never re-tried from scratch).
    static func matches(pattern: String, _ number: String) -> Bool {
        let p = Array(pattern.utf8)
        var n = Array(number.utf8)
        if p.first != 0x2B, n.first == 0x2B { n.removeFirst() }
        var pi = 0, ni = 0
        var star: Int?
        var starN = 0
        while ni < n.count {
            if pi < p.count, p[pi] == 0x2A {
                star = pi
                starN = ni
                pi += 1
            } else if pi < p.count, p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if let s = star {
                pi = s + 1
                starN += 1
                ni = starN
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == 0x2A { pi += 1 }
        return pi == p.count
    }
}

/// IBANs, checked with mod-97 and the country's length.
struct IBANDetector: Detector {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let bytes = unit.bytes
        let lower = unit.region.lowerBound, upper = unit.region.upperBound
        var result: [Candidate] = []
        var next = lower
        // An IBAN starts with a token of letters and digits ("CH93", or the whole IBAN unspaced).
        for position in unit.layout.index.classes[.code] ?? [] {
            guard result.count < environment.limit else { break }
            let i = unit.tokens[Int(position)].start
            guard i >= next, i + 4 <= upper,
                  Bytes.isUpper(bytes[i]), Bytes.isUpper(bytes[i + 1]), Bytes.isDigit(bytes[i + 2]), Bytes.isDigit(bytes[i + 3]),
                  Bytes.isBoundary(bytes, i, lower),
                  let length = Checksums.ibanLengths[Bytes.string(bytes, i..<(i + 2))]
            else { continue }
            // Collect `length` letters or digits, allowing single spaces between groups.
            var compact: [UInt8] = []
            var j = i
            while j < upper, compact.count < length {
                let c = bytes[j]
                if Bytes.isDigit(c) || Bytes.isUpper(c) {
                    compact.append(c)
                    j += 1
                } else if c == 0x20, j + 1 < upper, compact.count % 4 == 0, Bytes.isDigit(bytes[j + 1]) || Bytes.isUpper(bytes[j + 1]) {
                    j += 1
                } else {
                    break
                }
            }
            guard compact.count == length, j >= upper || !Bytes.isWordByte(bytes[j]), Checksums.ibanIsValid(compact) else { continue }
            let text = Bytes.string(bytes, i..<j)
            let shown = Evidence.mask(text, keepFirst: 4, keepLast: 2)
            result.append(Candidate(start: i, end: j, evidence: shown, raw: String(decoding: compact, as: UTF8.self),
                                    confidence: 0.9, reasons: ["IBAN \(shown), mod-97 checksum valid"]))
            next = j
        }
        return result
    }
}

/// Runs of 12–19 digits in groups (or unbroken) that pass Luhn and belong to a card network.
struct CardDetector: Detector {
    let grouped: Double
    let unbroken: Double

    init(_ params: RuleParams) throws(ConfigError) {
        grouped = try params.double("grouped", default: 0.7)
        unbroken = try params.double("unbroken", default: 0.4)
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        DigitRuns.find(unit, digits: 12...19) { digits, groups, start, end in
            guard (12...19).contains(digits.count), Checksums.luhnIsValid(digits),
                  let network = Checksums.cardNetwork(digits) else { return nil }
            let text = Bytes.string(unit.bytes, start..<end)
            let shown = Evidence.mask(text, keepFirst: 0, keepLast: 4)
            return Candidate(start: start, end: end, evidence: shown, raw: digits.map(String.init).joined(),
                             confidence: groups > 1 ? grouped : unbroken,
                             reasons: ["\(network) card number \(shown), Luhn checksum valid"])
        }
    }
}

/// Swiss AVS/AHV social security numbers (756.XXXX.XXXX.XX), EAN-13 checked.
struct AVSDetector: Detector {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        DigitRuns.find(unit, digits: 13...13) { digits, groups, start, end in
            guard Checksums.avsIsValid(digits) else { return nil }
            let shown = Evidence.mask(Bytes.string(unit.bytes, start..<end), keepFirst: 3, keepLast: 0)
            // Written 756.XXXX.XXXX.XX it is an AVS number; thirteen digits in a row may be any code.
            return Candidate(start: start, end: end, evidence: shown, raw: digits.map(String.init).joined(),
                             confidence: groups >= 3 ? 0.85 : 0.4, reasons: ["Swiss AVS number \(shown), check digit valid"])
        }
    }
}

/// French social security numbers (NIR), key checked.
struct NIRDetector: Detector {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let bytes = unit.bytes
        let lower = unit.region.lowerBound, upper = unit.region.upperBound
        var result: [Candidate] = []
        var next = lower
        for position in unit.layout.index.classes[.number] ?? [] {
            guard result.count < environment.limit else { break }
            let i = unit.tokens[Int(position)].start
            guard i >= next, bytes[i] == 0x31 || bytes[i] == 0x32, Bytes.isBoundary(bytes, i, lower) else { continue }
            var chars: [UInt8] = []
            var j = i
            while j < upper, chars.count < 15 {
                let c = bytes[j]
                if Bytes.isDigit(c) || ((c == 0x41 || c == 0x42) && chars.count == 5) {
                    chars.append(c)
                    j += 1
                } else if c == 0x20 || c == 0x2E, j + 1 < upper, Bytes.isDigit(bytes[j + 1]) || bytes[j + 1] == 0x41 || bytes[j + 1] == 0x42 {
                    j += 1
                } else {
                    break
                }
            }
            next = max(i + 1, j)
            guard chars.count == 15, j >= upper || !Bytes.isWordByte(bytes[j]), Checksums.nirIsValid(chars) else { continue }
            let shown = Evidence.mask(Bytes.string(bytes, i..<j), keepFirst: 1, keepLast: 0)
            result.append(Candidate(start: i, end: j, evidence: shown, raw: String(decoding: chars, as: UTF8.self),
                                    confidence: 0.6, reasons: ["French social security number \(shown), key valid"]))
        }
        return result
    }
}

/// French bank details (RIB: bank, branch, account, key), key checked.
struct RIBDetector: Detector {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        var result: [Candidate] = []
        var t = 0
        while t + 3 < tokens.count {
            guard tokens[t].normLength == 5, tokens[t + 1].normLength == 5, tokens[t + 2].normLength == 11,
                  tokens[t + 3].normLength == 2, tokens[t].flags.contains(.number), tokens[t + 1].flags.contains(.number),
                  tokens[t + 3].flags.contains(.number)
            else {
                t += 1
                continue
            }
            let parts = (0..<4).map { Array(tokens[t + $0].norm(in: unit.bytes).uppercased().utf8) }
            guard Checksums.ribIsValid(bank: parts[0], branch: parts[1], account: parts[2], key: parts[3]) else {
                t += 1
                continue
            }
            let start = tokens[t].start, end = tokens[t + 3].end
            let shown = Evidence.mask(Bytes.string(unit.bytes, start..<end), keepFirst: 0, keepLast: 2)
            result.append(Candidate(start: start, end: end, evidence: shown, raw: parts.map { String(decoding: $0, as: UTF8.self) }.joined(),
                                    confidence: 0.6, reasons: ["French RIB \(shown), key valid"]))
            t += 4
        }
        return result
    }
}

/// Runs of digits in groups separated by single spaces, dots or hyphens, bounded by non-word
/// characters: the shape of card and AVS numbers.
enum DigitRuns {
    /// `make` sees runs of `digits` digits only.
    static func find(_ unit: TextUnit, digits lengths: ClosedRange<Int>, _ make: ([Int], Int, Int, Int) -> Candidate?) -> [Candidate] {
        let bytes = unit.bytes
        let lower = unit.region.lowerBound, upper = unit.region.upperBound
        var result: [Candidate] = []
        var next = lower
        // One buffer for every run: a text of a million numbers allocates once.
        var digits: [Int] = []
        digits.reserveCapacity(20)
        for position in unit.layout.index.classes[.number] ?? [] {
            guard result.count < RuleRunner.candidatesPerRule else { break }
            let i = unit.tokens[Int(position)].start
            guard i >= next, Bytes.isBoundary(bytes, i, lower) else { continue }
            digits.removeAll(keepingCapacity: true)
            var count = 0
            var groups = 1
            var j = i
            while j < upper {
                if Bytes.isDigit(bytes[j]) {
                    // Only the first 20 digits are kept: a longer run is no identifier heed knows.
                    if count < 20 { digits.append(Int(bytes[j] - 48)) }
                    count += 1
                    j += 1
                } else if (bytes[j] == 0x20 || bytes[j] == 0x2E || bytes[j] == 0x2D), j + 1 < upper, Bytes.isDigit(bytes[j + 1]) {
                    groups += 1
                    j += 1
                } else {
                    break
                }
            }
            if j >= upper || !Bytes.isWordByte(bytes[j]), lengths.contains(count), let candidate = make(digits, groups, i, j) {
                result.append(candidate)
            }
            next = j
        }
        return result
    }
}

/// Dates (`12.04.1988`, `1988-04-12`, `3 May 1995`, `3 mai 1995`, `May 3, 1995`). The rule's
/// context requires a birth word nearby ("born", "né le", "date of birth").
struct DateDetector: Detector {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janvier",
        "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    ]
    /// Month names by their number in the rule book's lexicon, one bit per number (asked of
    /// every word).
    let monthIDs: [UInt64]

    init(_ params: RuleParams) {
        let ids = Self.months.map(params.lexicon.add)
        var bits = [UInt64](repeating: 0, count: Int(ids.max() ?? 0) / 64 + 1)
        for id in ids { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) }
        monthIDs = bits
    }

    /// `.`, `/` and `-`, between the numbers of a date.
    static let separators = ByteSet([0x2E, 0x2F, 0x2D])

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        let bytes = unit.bytes
        var result: [Candidate] = []
        /// The value of a number token of at most four digits, read from its bytes.
        func value(_ t: Token) -> Int? {
            guard t.flags.contains(.number), t.end - t.start <= 4 else { return nil }
            var v = 0
            for k in t.start..<t.end {
                let b = bytes[k]
                guard Bytes.isDigit(b) else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        func day(_ t: Token) -> Int? {
            if t.end - t.start <= 2, let v = value(t), (1...31).contains(v) { return v }
            if t.normIs("1er", in: bytes) { return 1 }
            return nil
        }
        func year(_ t: Token) -> Bool { t.end - t.start == 4 && (value(t).map { (1900...2030).contains($0) } ?? false) }
        func month(_ t: Token) -> Bool {
            guard t.word >= 0, Int(t.word) >> 6 < monthIDs.count else { return false }
            return monthIDs[Int(t.word) >> 6] & (1 << UInt64(t.word & 63)) != 0
        }
        /// One separator byte between two tokens: one of `separators`, or `byte`.
        func joined(_ a: Token, _ b: Token, _ separators: ByteSet) -> Bool { b.start == a.end + 1 && separators.contains(bytes[a.end]) }
        func joined(_ a: Token, _ b: Token, byte: UInt8) -> Bool { b.start == a.end + 1 && bytes[a.end] == byte }
        var t = 0
        while t + 2 < tokens.count, result.count < environment.limit {
            let a = tokens[t]
            // Every date starts with a number followed by a separator or a month name, or with a
            // month name.
            let startsNumeric = (a.flags.contains(.number) || a.normIs("1er", in: bytes))
                && ((a.end < bytes.count && tokens[t + 1].start == a.end + 1 && Self.separators.contains(bytes[a.end]))
                    || month(tokens[t + 1]))
            guard startsNumeric || month(a) else {
                t += 1
                continue
            }
            let (b, c) = (tokens[t + 1], tokens[t + 2])
            var isDate = false
            // dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy
            if day(a) != nil, let m = value(b), (1...12).contains(m), b.end - b.start <= 2, year(c),
               joined(a, b, Self.separators), joined(b, c, byte: bytes[a.end]) {
                isDate = true
            }
            // yyyy-mm-dd
            else if year(a), let m = value(b), (1...12).contains(m), day(c) != nil, joined(a, b, byte: 0x2D), joined(b, c, byte: 0x2D) {
                isDate = true
            }
            // 3 May 1995, 3 mai 1995
            else if day(a) != nil, month(b), year(c) {
                isDate = true
            }
            // May 3, 1995
            else if month(a), day(b) != nil, year(c) {
                isDate = true
            }
            guard isDate else {
                t += 1
                continue
            }
            let start = a.start, stop = c.end
            let shown = Evidence.mask(Bytes.string(bytes, start..<stop), keepFirst: 0, keepLast: 4)
            result.append(Candidate(start: start, end: stop, evidence: shown, raw: Bytes.string(bytes, start..<stop),
                                    confidence: 0.8, reasons: ["date \(shown)"]))
            t += 3
        }
        return result
    }
}

/// An identity document number: a code of letters and digits (or a long number) within a few
/// words after a document word ("passport", "carte d'identité", the `keywords` param).
struct IDNumberDetector: Detector {
    let keywords: PhraseSet
    let window: Int

    init(_ params: RuleParams) throws(ConfigError) {
        keywords = try params.phrases("keywords")
        window = try params.int("window", default: 6)
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        var result: [Candidate] = []
        for match in keywords.matches(in: unit.layout, 0..<tokens.count, text: unit.bytes, limit: environment.limit) {
            var t = match.last + 1
            // Within a few words on the same line ("passport no. C7G3…": the abbreviation's dot is no
            // sentence end here).
            while t < tokens.count, t <= match.last + window, tokens[t].line == tokens[match.last].line {
                let token = tokens[t]
                let length = token.normLength
                let digits = token.asciiDigits
                let code = token.flags.contains(.mixed) && (6...12).contains(length) && digits >= 3
                let number = token.flags.contains(.number) && (6...12).contains(length)
                if code || number {
                    let text = Bytes.string(unit.bytes, token.start..<token.end)
                    let shown = Evidence.mask(text, keepFirst: 1, keepLast: 2)
                    let keyword = Bytes.string(unit.bytes, tokens[match.first].start..<tokens[match.last].end)
                    result.append(Candidate(start: token.start, end: token.end, evidence: shown, raw: text, confidence: 0.8,
                                            reasons: ["document number \(shown) after \"\(keyword)\""]))
                    break
                }
                t += 1
            }
        }
        return result
    }
}

/// A street address: a street word (`street_types`) with a house number before or after the
/// street's name, perhaps followed by a postcode and a town. Whose address it is (a home, an
/// office) is for the rule's context words to say.
struct AddressDetector: Detector {
    let streetTypes: PhraseSet
    /// The words that may be part of a street's name (`des`, `de`, `la`), by their number in
    /// the rule book's lexicon: a token is one when its word number is (asked of the words
    /// around every street word).
    let nameWords: Set<Int32>
    let withPostcode: Double
    let withoutPostcode: Double

    init(_ params: RuleParams) throws(ConfigError) {
        streetTypes = try params.phrases("street_types")
        nameWords = Set(try params.strings("name_words").flatMap(PhraseSet.foldedWords).map(params.lexicon.add))
        withPostcode = try params.double("with_postcode", default: 0.35)
        withoutPostcode = try params.double("without_postcode", default: 0.2)
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        let tokens = unit.tokens
        var result: [Candidate] = []
        func houseNumber(_ t: Int) -> Bool {
            guard t >= 0, t < tokens.count else { return false }
            let token = tokens[t]
            if token.flags.contains(.number) { return token.normLength <= 4 && !token.normIs("0", in: unit.bytes) }
            // 12a, 27bis
            guard token.flags.contains(.mixed) else { return false }
            let norm = token.norm(in: unit.bytes)
            guard let first = norm.first, first.isNumber else { return false }
            let letters = norm.drop(while: { $0.isNumber })
            return ["a", "b", "c", "bis", "ter"].contains(String(letters))
        }
        func streetName(_ t: Int) -> Bool {
            guard t >= 0, t < tokens.count else { return false }
            return tokens[t].flags.contains(.capitalized) || (tokens[t].word >= 0 && nameWords.contains(tokens[t].word))
        }
        var lastEnd = -1
        for match in streetTypes.matches(in: unit.layout, 0..<tokens.count, text: unit.bytes, limit: environment.limit)
        where match.first > lastEnd {
            var first = match.first
            var last = match.last
            var found = false
            // "14 chemin des Lilas", "12 rue des Vignes": number just before the street word.
            if houseNumber(first - 1) {
                first -= 1
                found = true
                var k = last + 1
                while k < tokens.count, k <= last + 5, streetName(k), !houseNumber(k) { k += 1 }
                last = k - 1
            } else {
                // "Rue de Pitegny 27", "Bahnhofstrasse 12": number after the street's name.
                var k = last + 1
                while k < tokens.count, k <= match.last + 5, streetName(k) { k += 1 }
                if houseNumber(k), tokens[k].line == tokens[match.last].line {
                    last = k
                    found = true
                } else {
                    // "12 Baker Street": number, name, street word.
                    var b = first - 1
                    while b >= 0, b >= first - 4, streetName(b), !houseNumber(b) { b -= 1 }
                    if b < first - 1, houseNumber(b) {
                        first = b
                        found = true
                    }
                }
            }
            guard found else { continue }
            // Postcode and town: "01170 Gex", "CH-1211 Genève", "F-01280 Prévessin-Moëns".
            var postcode = false
            var k = last + 1
            if k < tokens.count, ["f", "ch", "fr", "d"].contains(tokens[k].norm(in: unit.bytes)), k + 1 < tokens.count { k += 1 }
            if k + 1 < tokens.count, tokens[k].flags.contains(.number), (4...5).contains(tokens[k].normLength),
               tokens[k + 1].flags.contains(.capitalized), k <= last + 2 {
                postcode = true
                last = k + 1
                if last + 1 < tokens.count, tokens[last + 1].flags.contains(.capitalized), tokens[last + 1].line == tokens[last].line,
                   tokens[last + 1].start - tokens[last].end <= 1 {
                    last += 1
                }
            }
            let start = tokens[first].start, end = tokens[last].end
            let text = Bytes.string(unit.bytes, start..<end)
            let shown = Evidence.mask(text, keepFirst: 1, keepLast: 0)
            result.append(Candidate(start: start, end: end, evidence: shown, raw: text,
                                    confidence: postcode ? withPostcode : withoutPostcode,
                                    reasons: ["street address\(postcode ? " with postcode" : "")"]))
            lastEnd = last
        }
        return result
    }
}

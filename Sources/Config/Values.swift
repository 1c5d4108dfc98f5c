/// Checks on the text of domains and watched addresses. Each returns nil when the value is
/// fine, else the problem as words that follow the quoted value in an error message.
enum Validation {
    /// `domain` must be lower case already. Accepts host names of two or more labels
    /// (letters, digits, inner hyphens); internationalised names go in their ASCII form.
    static func domainProblem(_ domain: String) -> String? {
        if domain.isEmpty { return "it is empty" }
        if let bad = domain.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")) }) {
            return "it contains \"\(bad)\"; a domain has only letters, digits, hyphens and dots"
                + (bad.isASCII ? "" : " (write an internationalised domain in its xn-- form)")
        }
        if domain.utf8.count > 253 { return "it is longer than 253 characters" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) {
            return "it has an empty label (two dots in a row, or a dot at the start or end)"
        }
        if labels.count < 2 { return "it needs at least one dot, like cern.ch" }
        if labels.contains(where: { $0.utf8.count > 63 }) { return "it has a label longer than 63 characters" }
        if labels.contains(where: { $0.hasPrefix("-") || $0.hasSuffix("-") }) {
            return "a label cannot start or end with a hyphen"
        }
        return nil
    }

    /// Characters a watched address (or pattern) may not contain: they only appear in
    /// display names, quoting or address lists, never in a bare address heed compares with.
    static let forbiddenInAddress: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]

    /// `address` must be lower case already. `*` is allowed in the local part only.
    static func watchAddressProblem(_ address: String) -> String? {
        if let bad = address.first(where: { forbiddenInAddress.contains($0) }) {
            return "contains \"\(bad)\"; write the bare address, such as social-media@cern.ch"
        }
        if address.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return "contains a space or control character; write the bare address, such as social-media@cern.ch"
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count < 2 { return "is not an address: it has no @" }
        if parts.count > 2 { return "has more than one @" }
        let local = parts[0]
        let domain = String(parts[1])
        if local.isEmpty { return "has nothing before the @" }
        if domain.contains("*") {
            return "has a * in the domain; wildcards match only in the part before the @"
        }
        if let problem = domainProblem(domain) { return "has an invalid domain: \(problem)" }
        return nil
    }
}

/// Whole numbers as written in the configuration: `1000`, `1_000`, and for byte sizes a
/// unit, `32MiB` or `32 MiB`.
enum Quantity: Equatable {
    case value(Int)
    case negative
    case tooLarge
    case malformed

    /// Units are case-insensitive. KB, MB, GB are powers of 1000 (SI); KiB, MiB, GiB are
    /// powers of 1024 (IEC), so "32MB" is 32,000,000 bytes and "32MiB" is 33,554,432.
    static let units: [String: Int] = [
        "b": 1, "byte": 1, "bytes": 1,
        "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
    ]

    static let unitHelp = "; units are B, KB, MB, GB (powers of 1000) and KiB, MiB, GiB (powers of 1024)"

    static func parse(_ raw: String, allowingUnits: Bool) -> Quantity {
        var rest = Substring(raw).trimmingSpaces()
        var isNegative = false
        if rest.first == "-" {
            isNegative = true
            rest = rest.dropFirst()
        } else if rest.first == "+" {
            rest = rest.dropFirst()
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
        // Underscores only group digits: "1_000", never "_1" or "1__0" typos we cannot read.
        guard let first = number.first, first != "_", number.last != "_", !number.contains("__") else {
            return .malformed
        }
        let unit = rest.dropFirst(number.count).trimmingSpaces().lowercased()
        var multiplier = 1
        if !unit.isEmpty {
            guard allowingUnits, let known = units[unit] else { return .malformed }
            multiplier = known
        }
        guard let magnitude = Int(String(number.filter { $0 != "_" })) else { return .tooLarge }
        if isNegative && magnitude != 0 { return .negative }
        let (product, overflow) = magnitude.multipliedReportingOverflow(by: multiplier)
        return overflow ? .tooLarge : .value(product)
    }
}

enum ByteCount {
    /// `33554432` → "32 MiB"; sizes that are not a whole number of KiB stay in bytes.
    static func describe(_ bytes: Int) -> String {
        for (size, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}

/// "Did you mean" for mistyped keys.
enum Suggestion {
    /// The candidate closest to `word`, if close enough to be a likely typo. Case, and `-`
    /// for `_`, are ignored while comparing (`Max-Parts` suggests `max_parts`).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = folded(word)
        let threshold = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(target), Array(folded(candidate)))
            if distance <= threshold, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func folded(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance where swapping two neighbours counts as one edit (`wacth`).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

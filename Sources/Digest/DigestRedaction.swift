/// What the digest does to an evidence example before showing it.
///
/// The store keeps each finding's evidence as the checks masked it (`FindingRecord`): enough
/// for the sender's own advice mail, where the sender already knows the message. The digest
/// goes to other people and aggregates many senders, so "The digest never shows personal
/// data" (docs/product.md) is enforced here a second time, whatever a check let through:
///
/// - **Personal data** (category `personal-data`): only the shape is left. Every letter and
///   digit becomes `*`, separators stay: `+41 76 *** ** 97` becomes `+** ** *** ** **`, which
///   says "a phone number" and nothing about whose.
/// - **Everything else** is a cue phrase or a short excerpt of the sender's text. In it:
///   - a mail address becomes `[address]`, a handle (`@name`) `@***`;
///   - a link keeps its scheme and host only (a path can name a person's profile);
///   - a file name keeps its extension only (`jean_dupont.jpg` becomes `*.jpg`);
///   - a number of three digits or more, or digit groups of five or more digits in all
///     ("+41 76 123 45 67", "022 767"), is masked (phone, ID and account fragments), as is a
///     run of six or more letters and digits that mixes both (keys, ids, pseudonyms);
///   - a capitalised word that could be a name becomes `[name]` (runs of them become one):
///     every capitalised word except one that opens the example or a sentence and is not
///     followed by another capitalised word ("Official statement" stays, "Marie Dupont"
///     goes), words in capitals (acronyms, markings such as EMBARGOED) and "I";
///   - the result is one line of at most 80 characters.
///
/// Limits, stated so nobody relies on more: a name written in lower case, or a single
/// capitalised name opening a sentence, is not recognised. The checks' evidence is mostly the
/// matched cue ("CERN announces", "password: ****"), which is why this is a second line of
/// defence and not the first.
public enum DigestRedaction {
    /// The longest example shown, in characters.
    static let maximumLength = 80

    /// `evidence` made safe for the digest; nil when nothing is left to show.
    public static func example(_ evidence: String, category: String) -> String? {
        let line = oneLine(evidence)
        guard !line.isEmpty else { return nil }
        let redacted = category == "personal-data" ? shapeOnly(line) : redactText(line)
        let shortened = shorten(redacted)
        return shortened.isEmpty ? nil : shortened
    }

    /// Control characters and runs of white space become one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { character in
            character.isWhitespace
                || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
        }).joined(separator: " ")
    }

    /// Every letter and digit masked; everything else kept.
    static func shapeOnly(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? "*" : $0 })
    }

    static func shorten(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength - 1)).trimmingTrailingSpaces() + "…"
    }

    /// Words first (addresses, links, files, names, keys), then numbers across the line, so
    /// that a phone number written in groups is seen whole.
    static func redactText(_ text: String) -> String {
        let tokens = text.split(separator: " ").map(String.init)
        var out: [String] = []
        var opensSentence = true
        for (index, token) in tokens.enumerated() {
            let (lead, core, trail) = split(token)
            let next = index + 1 < tokens.count ? split(tokens[index + 1]).core : ""
            var replaced: String
            var isName = false
            if core.contains("@") {
                replaced = core.hasPrefix("@") && !core.dropFirst().contains("@") ? "@***" : "[address]"
            } else if let link = hostOnly(core) {
                replaced = link
            } else if let file = fileExtensionOnly(core) {
                replaced = file
            } else if isPossibleName(core) && !(opensSentence && !isPossibleName(next)) {
                replaced = "[name]"
                isName = true
            } else {
                replaced = maskMixedRuns(core)
            }
            // A run of names ("[name] [name]") says no more than one.
            if isName, let last = out.last, last == "[name]", lead.isEmpty {
                out[out.count - 1] = "[name]" + trail
            } else {
                out.append(lead + replaced + trail)
            }
            opensSentence = trail.contains { ".!?:;".contains($0) }
        }
        return maskNumbers(out.joined(separator: " "))
    }

    /// Leading and trailing punctuation apart from the word: `("(", "Marie", "),")`.
    static func split(_ token: String) -> (lead: String, core: String, trail: String) {
        let wrapping: Set<Character> = [
            "(", ")", "[", "]", "{", "}", "\"", "'", "«", "»", "“", "”", "‘", "’", ",", ".", ";", ":", "!", "?", "…",
        ]
        var core = Substring(token)
        var lead = ""
        var trail = ""
        while let first = core.first, wrapping.contains(first) {
            lead.append(first)
            core = core.dropFirst()
        }
        while let last = core.last, wrapping.contains(last) {
            trail = String(last) + trail
            core = core.dropLast()
        }
        return (lead, String(core), trail)
    }

    /// A capitalised word with lower-case letters after its first: a name, a place, a brand.
    /// "I" and its contractions ("I'm") are not; nor are words in capitals.
    static func isPossibleName(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, first.isLetter else { return false }
        if word == "I" || word.hasPrefix("I'") || word.hasPrefix("I’") { return false }
        // "C'est", "L'équipe": a French elision before a lower-case word is a sentence word.
        if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }),
            word.distance(from: word.startIndex, to: apostrophe) == 1
        {
            let rest = word[word.index(after: apostrophe)...]
            return rest.first?.isUppercase ?? false
        }
        return word.dropFirst().contains { $0.isLowercase }
    }

    /// `https://example.org/in/jean-dupont` → `https://example.org/…`; nil when not a link.
    static func hostOnly(_ word: String) -> String? {
        let lowered = word.lowercased()
        let scheme: String
        if let range = lowered.range(of: "://") {
            scheme = String(word[..<range.upperBound])
        } else if lowered.hasPrefix("www.") {
            scheme = ""
        } else {
            return nil
        }
        let rest = word.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.count < rest.count ? scheme + host + "/…" : scheme + host
    }

    /// `jean_dupont.jpg` → `*.jpg`; nil unless the word ends in a dot and an extension of 2 to
    /// 4 letters or digits after a name that is not a number ("3.14" is not a file).
    static func fileExtensionOnly(_ word: String) -> String? {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return nil }
        let name = word[..<dot]
        let ext = word[word.index(after: dot)...]
        guard (2...4).contains(ext.count), ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              ext.contains(where: \.isLetter), name.contains(where: \.isLetter)
        else { return nil }
        return "*." + ext
    }

    /// Masks each run of six or more letters and digits that holds both ("abc123def": a key,
    /// an id), leaving the punctuation between runs ("glpat-****4T" keeps its shape).
    static func maskMixedRuns(_ word: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            let mixed = run.count >= 6 && run.contains(where: \.isNumber) && run.contains(where: \.isLetter)
            out += mixed ? String(repeating: "*", count: run.count) : run
            run = ""
        }
        for character in word {
            if character.isLetter || character.isNumber {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// Masks the digits of every number that could identify something: groups of digits
    /// joined by spaces, dots, dashes, slashes or brackets count as one number, masked when it
    /// has a group of three digits or more or five digits in all ("3.14" and "room 40" stay).
    static func maskNumbers(_ text: String) -> String {
        var out = ""
        var pending = ""
        var digits = 0
        var longestGroup = 0
        var group = 0
        let joiners: Set<Character> = [" ", ".", "-", "/", "(", ")"]
        func flush() {
            // Joiners after the last digit belong to the text, not the number.
            var tail = ""
            while let last = pending.last, !last.isNumber {
                tail = String(last) + tail
                pending.removeLast()
            }
            let masked = digits >= 5 || longestGroup >= 3
            out += masked ? String(pending.map { $0.isNumber ? "*" : $0 }) : pending
            out += tail
            pending = ""
            digits = 0
            longestGroup = 0
            group = 0
        }
        for character in text {
            if character.isNumber && character.isASCII {
                pending.append(character)
                digits += 1
                group += 1
                longestGroup = max(longestGroup, group)
            } else if !pending.isEmpty && joiners.contains(character) {
                pending.append(character)
                group = 0
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

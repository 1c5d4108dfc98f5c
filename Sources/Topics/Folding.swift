/// Word normalisation shared by the cue compiler and the question tokenizer, so that a cue written
/// `harcèlement` meets `Harcelement`, `HARCÈLEMENT` and `harcèlements` in a question.
enum Fold {
    /// Appends the folded form of a scalar that belongs to a word (lower case, Latin accents
    /// removed, ligatures spelled out) and answers true; answers false for a word separator.
    /// Combining accents (a decomposed `é`) belong to the word and are dropped.
    static func appendWordScalar(_ s: Unicode.Scalar, to out: inout String) -> Bool {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x61...0x7A, 0x30...0x39:
                out.unicodeScalars.append(s)
                return true
            case 0x41...0x5A:
                out.unicodeScalars.append(Unicode.Scalar(UInt8(v + 0x20)))
                return true
            default:
                return false
            }
        }
        if (0x300...0x36F).contains(v) { return true }
        if let folded = latin(v) {
            out += folded
            return true
        }
        let properties = s.properties
        if properties.isAlphabetic {
            out += properties.lowercaseMapping
            return true
        }
        if properties.generalCategory == .decimalNumber {
            out.unicodeScalars.append(s)
            return true
        }
        return false
    }

    /// Whether a scalar belongs to a word, without folding it: the test for the rest of an
    /// over-long run, which is skipped.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v)
        }
        if (0x300...0x36F).contains(v) || latin(v) != nil { return true }
        let properties = s.properties
        return properties.isAlphabetic || properties.generalCategory == .decimalNumber
    }

    /// Folds a whole string the same way, keeping separators as they are except that runs of
    /// white space become one space: the form header and sign-off lines are compared in.
    static func line(_ text: some StringProtocol) -> String {
        var out = ""
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            if !appendWordScalar(s, to: &out) {
                // Typographic apostrophes compare as the ASCII one.
                out.unicodeScalars.append(s == "\u{2019}" ? "'" : s)
            }
        }
        return out
    }

    /// Latin-1 Supplement and Latin Extended-A letters folded to ASCII; nil for anything else.
    private static func latin(_ v: UInt32) -> String? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return "a"
        case 0xC6, 0xE6: return "ae"
        case 0xC7, 0xE7: return "c"
        case 0xC8...0xCB, 0xE8...0xEB: return "e"
        case 0xCC...0xCF, 0xEC...0xEF: return "i"
        case 0xD0, 0xF0: return "d"
        case 0xD1, 0xF1: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return "o"
        case 0xD9...0xDC, 0xF9...0xFC: return "u"
        case 0xDD, 0xFD, 0xFF: return "y"
        case 0xDE, 0xFE: return "th"
        case 0xDF: return "ss"
        case 0x100...0x17F: return latinExtendedA(v)
        case 0xFB00: return "ff"
        case 0xFB01: return "fi"
        case 0xFB02: return "fl"
        default: return nil
        }
    }

    /// Latin Extended-A is laid out in runs of one base letter (capital and small alternating), so
    /// a table of run ends folds it without a 128-case switch.
    private static func latinExtendedA(_ v: UInt32) -> String {
        for (last, base) in extendedARuns where v <= last { return base }
        return "s"
    }

    private static let extendedARuns: [(UInt32, String)] = [
        (0x105, "a"), (0x10D, "c"), (0x111, "d"), (0x11B, "e"), (0x123, "g"), (0x127, "h"),
        (0x131, "i"), (0x133, "ij"), (0x135, "j"), (0x138, "k"), (0x142, "l"), (0x14B, "n"),
        (0x151, "o"), (0x153, "oe"), (0x159, "r"), (0x161, "s"), (0x167, "t"), (0x173, "u"),
        (0x175, "w"), (0x178, "y"), (0x17E, "z"),
    ]
}

/// A light stemmer for English and French together (the language of a question is not known
/// before it is classified, and the two rarely collide on these endings). It only removes
/// inflections, so that a cue names a word once: plurals (`photos`, `journalistes`), `-ing`/`-ed`
/// (`hacked`, `posting`, `tagged`), `-ies`/`-ied`, the French adverb/noun `-ment`
/// (`harcèlement`) and final mute `e` (`journaliste` = `journalist`, `publiée` = `publié`).
/// Word families beyond that are written as prefixes (`harass*`) in the cues.
enum Stem {
    static func of(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 < 0x80 }) else { return word }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e")
        if w.count >= 5, ends(w, "ies") || ends(w, "ied") {
            w.removeLast(2)
            w[w.count - 1] = UInt8(ascii: "y")
        } else if ends(w, "sses") {
            w.removeLast(2)
        } else if w[w.count - 1] == s, w.count >= 4, !"siu".utf8.contains(w[w.count - 2]) {
            w.removeLast()
        }
        // Minimum lengths keep short words whole (`thing`, `need`, `using`).
        if ends(w, "ing"), w.count - 3 >= 4 {
            w.removeLast(3)
            undouble(&w)
        } else if ends(w, "ed"), w.count - 2 >= 3 {
            w.removeLast(2)
            undouble(&w)
        }
        if ends(w, "ment"), w.count - 4 >= 5 { w.removeLast(4) }
        for _ in 0..<2 where w.count > 3 && w[w.count - 1] == e { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return w.count >= tail.count && w[(w.count - tail.count)...].elementsEqual(tail)
    }

    /// `tagg` → `tag`, `stopp` → `stop`; not `ss`/`ll` (`pass`, `troll`).
    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, w[w.count - 1] == w[w.count - 2], "bdgmnprt".utf8.contains(w[w.count - 1]) else { return }
        w.removeLast()
    }
}

/// Everything the scanner asks about a word written in Latin letters, in one open-addressing
/// table keyed by the word's bytes: its Zipf value (the higher of both languages), whether it is
/// slang, a term, the first word of a multi-word term, a known acronym or a department.
///
/// The scanner looks up each new word in five or six lists; as `Dictionary<String, _>` look-ups
/// each would hash the String with SipHash. Here one hash of the bytes answers all of them.
/// The dictionaries compare by canonical equivalence, so the table keeps only words for which
/// byte equality is the same thing:
/// - ASCII words. An ASCII text is canonically equivalent to no other text but itself and the
///   few that differ only by a singleton that decomposes to ASCII (the Kelvin sign, the Greek
///   question mark, the Greek varia); keys with those are entered under their ASCII form.
/// - Words whose scalars are all below U+0300 (Latin-1 and Latin Extended): such a text is in
///   NFC, and two NFC texts are equivalent only when their bytes are equal. This holds as long
///   as no other key of the lists is equivalent to such a text (a key with a combining mark, or
///   with a singleton like the Ångström sign); when one is (`latinComplete` false), non-ASCII
///   words are left to the dictionaries, as all of them were before.
/// The lists' other keys stay in their dictionaries only, so a look-up here answers what the
/// dictionaries would.
struct JargonWordTable: Sendable {
    struct Entry: Sendable {
        /// Zipf × 10, the higher of both languages; 0 when in neither list.
        var zipf: UInt8 = 0
        var flags: Flags = []
        /// The term's plainer wording, an index into `wordings`; -1 when not a term.
        var term: Int32 = -1
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let slang = Flags(rawValue: 1 << 0)
        static let phraseStart = Flags(rawValue: 1 << 1)
        static let knownAcronym = Flags(rawValue: 1 << 2)
        static let department = Flags(rawValue: 1 << 3)
    }

    /// Per slot: the key's first sixteen bytes (zero-padded: with the length, they tell apart
    /// keys of up to sixteen bytes), its length, and the entry. One slot is one cache line's worth of a probe: the table is large
    /// (both languages' word lists), so a look-up that reads a single slot mostly misses the
    /// cache once. Keys longer than sixteen bytes keep the rest in `keyBytes`.
    struct Slot: Sendable {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// Key length (0: free slot), then where the key's bytes are in `keyBytes`.
        var length: Int32 = 0
        var keyStart: Int32 = 0
        var entry = Entry()
    }

    private var slots: [Slot] = []
    private var keyBytes: [UInt8] = []
    private(set) var wordings: [String] = []
    /// Whether every key equivalent to a text below U+0300 is in the table, so that such words
    /// may be looked up here (see above).
    private(set) var latinComplete = true

    init(zipf: [[String: UInt8]], slang: Set<String>, terms: [String: String], phraseStarts: Set<String>,
         knownAcronyms: Set<String>, departments: Set<String>) {
        var index: [String: Int] = [:]
        var keys: [String] = []
        var entries: [Entry] = []
        var safeScalars = Set<UInt32>()
        func entry(_ key: String, _ update: (inout Entry) -> Void) {
            guard let ascii = Self.asciiForm(key) ?? Self.latinForm(key) else {
                if latinComplete, !Self.distinctFromLatin(key, known: &safeScalars) { latinComplete = false }
                return
            }
            guard !ascii.isEmpty else { return }
            let i: Int
            if let known = index[ascii] {
                i = known
            } else {
                i = entries.count
                index[ascii] = i
                entries.append(Entry())
                keys.append(ascii)
            }
            update(&entries[i])
        }
        for table in zipf {
            for (word, value) in table { entry(word) { $0.zipf = max($0.zipf, value) } }
        }
        for word in slang { entry(word) { $0.flags.insert(.slang) } }
        for word in phraseStarts { entry(word) { $0.flags.insert(.phraseStart) } }
        for word in knownAcronyms { entry(word) { $0.flags.insert(.knownAcronym) } }
        for word in departments { entry(word) { $0.flags.insert(.department) } }
        for (term, wording) in terms {
            entry(term) { entry in
                entry.term = Int32(wordings.count)
                wordings.append(wording)
            }
        }
        var size = 64
        while size * 2 < entries.count * 3 { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
        for (i, key) in keys.enumerated() {
            var bytes = Array(key.utf8)
            let h = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[slot].length != 0 { slot = (slot + 1) & (size - 1) }
            let (head, tail) = bytes.withUnsafeBufferPointer { Self.heads($0) }
            slots[slot] = Slot(head: head, tail: tail, length: Int32(bytes.count), keyStart: Int32(keyBytes.count), entry: entries[i])
            if bytes.count > 16 {
                bytes.removeFirst(16)
                keyBytes.append(contentsOf: bytes)
            }
        }
    }

    /// The first sixteen bytes of a key as two integers, zero-padded.
    @inline(__always)
    static func heads(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = key.baseAddress else { return (0, 0) }
        func load(_ from: Int) -> UInt64 {
            let count = min(8, key.count - from)
            guard count > 0 else { return 0 }
            if count == 8 { return UnsafeRawPointer(base + from).loadUnaligned(as: UInt64.self) }
            var value: UInt64 = 0
            for k in 0..<count { value |= UInt64(base[from + k]) << (8 * UInt64(k)) }
            return value
        }
        return (load(0), load(8))
    }

    /// `heads` of the key `buf[range]`, read with wide loads where `buf` allows.
    @inline(__always)
    static func heads(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        let count = range.count
        let head = ByteSearch.packShort(buf, from: range.lowerBound, count: min(8, count))
        let tail = count > 8 ? ByteSearch.packShort(buf, from: range.lowerBound + 8, count: min(8, count - 8)) : 0
        return (head, tail)
    }

    /// A key written with scalars below U+0300 only (so in NFC), or nil.
    static func latinForm(_ key: String) -> String? {
        // Valid UTF-8 below 0xCC encodes scalars below U+0300 only.
        key.utf8.allSatisfy({ $0 < 0xCC }) ? key : nil
    }

    /// Whether `key` (with a scalar from U+0300 on) is surely equivalent to no text below
    /// U+0300: it has no combining mark (which could compose into a Latin letter), and none of
    /// its scalars from U+0300 on is a singleton equivalent to one below (the Ångström sign is
    /// Å). `known`: scalars already found harmless.
    static func distinctFromLatin(_ key: String, known: inout Set<UInt32>) -> Bool {
        for s in key.unicodeScalars where s.value >= 0x300 && !known.contains(s.value) {
            guard s.properties.canonicalCombiningClass == .notReordered, !latinScalars.contains(String(s)) else { return false }
            known.insert(s.value)
        }
        return true
    }

    /// Every scalar below U+0300 as a String: a Set of Strings compares by canonical
    /// equivalence, so it holds any singleton equivalent to one of them.
    static let latinScalars = Set((UInt32(0)..<0x300).compactMap { Unicode.Scalar($0).map { String($0) } })

    /// The key as the ASCII text it is canonically equivalent to, or nil when it is equivalent
    /// to none.
    static func asciiForm(_ key: String) -> String? {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
        var scalars = String.UnicodeScalarView()
        for s in key.unicodeScalars {
            switch s.value {
            case 0x212A: scalars.append("K")
            case 0x037E: scalars.append(";")
            case 0x1FEF: scalars.append("`")
            default:
                guard s.isASCII else { return nil }
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// One multiply per eight bytes: the words looked up are short.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var k = 0
        while k < bytes.count {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            let end = min(bytes.count, k + 8)
            while k < end {
                chunk |= UInt64(bytes[k]) << shift
                shift += 8
                k += 1
            }
            h = (h ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { hash($0) } }

    /// The entry of an ASCII word, or nil when no list has it.
    func entry(_ key: UnsafeBufferPointer<UInt8>) -> Entry? {
        guard !slots.isEmpty, !key.isEmpty else { return nil }
        let h = Self.hash(key)
        let (head, tail) = Self.heads(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.length == 0 { return nil }
                if slot.head == head, slot.tail == tail, Int(slot.length) == key.count, key.count <= 16 || rest(slot, key) {
                    return slot.entry
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether a long key's bytes past the sixteenth are the slot's.
    private func rest(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(slot.keyStart)
        for k in 16..<key.count where keyBytes[start + k - 16] != key[k] { return false }
        return true
    }

    /// The entry of `key` when the table answers for it (`.some(nil)` when no list has it): an
    /// ASCII word, or one below U+0300 when `latinComplete`. Nil when the caller must ask the
    /// dictionaries.
    func lookup(_ key: String) -> Entry?? {
        var key = key
        let limit: UInt8 = latinComplete ? 0xCC : 0x80
        return key.withUTF8 { bytes -> Entry?? in
            for b in bytes where b >= limit { return nil }
            return .some(entry(bytes))
        }
    }
}

/// Where a cue was found in one stream of words (the subject, or the body).
struct CueHit: Sendable {
    /// The weight of the words it was found in (the best occurrence).
    let zoneWeight: Double
    /// The words that matched, folded, for the log: `fake account`, `account … my name`.
    let text: String
}

/// Finds the cues of a book in a stream of words.
///
/// Each word is looked up once in the stem index and once per distinct prefix length, then
/// each part is checked only where its first slot can start, and `~` parts are paired with two
/// pointers over sorted positions: linear in the number of words for a given cue book (sorting
/// a part's start positions aside).
struct Matcher {
    let book: CueBook
    let words: [Word]
    private var atomsAt: [[Int]] = []
    private var positions: [Int: [Int]] = [:]
    private var partCache: [Int: [Int]] = [:]
    private var ends: [Key: Int] = [:]

    init(book: CueBook, words: [Word]) {
        self.book = book
        self.words = words
        atomsAt.reserveCapacity(words.count)
        for (position, word) in words.enumerated() {
            var found = book.exactIndex[word.stem] ?? []
            let length = word.folded.utf8.count
            for prefixLength in book.prefixLengths {
                if prefixLength > length { break }
                let prefix = String(decoding: word.folded.utf8.prefix(prefixLength), as: UTF8.self)
                if let ids = book.prefixIndex[prefix] { found += ids }
            }
            for id in found { positions[id, default: []].append(position) }
            atomsAt.append(found)
        }
    }

    /// The best hit of every cue that occurs, by cue index.
    mutating func hits() -> [Int: CueHit] {
        var result: [Int: CueHit] = [:]
        guard !words.isEmpty else { return result }
        let bestPossible = words.map(\.weight).max() ?? 0
        for (index, cue) in book.cues.enumerated() {
            if let hit = find(cue, bestPossible: bestPossible) { result[index] = hit }
        }
        return result
    }

    private mutating func find(_ cue: Cue, bestPossible: Double) -> CueHit? {
        let anchors = occurrences(of: cue.parts[0])
        guard !anchors.isEmpty else { return nil }
        var others: [[Int]] = []
        for part in cue.parts.dropFirst() {
            let found = occurrences(of: part)
            if found.isEmpty { return nil }
            others.append(found)
        }
        var pointers = [Int](repeating: 0, count: others.count)
        var best: (weight: Double, anchor: Int, partners: [Int])?
        for anchor in anchors {
            var partners: [Int] = []
            var complete = true
            for (j, list) in others.enumerated() {
                let window = cue.windows[j]
                while pointers[j] < list.count, list[pointers[j]] < anchor - window { pointers[j] += 1 }
                var k = pointers[j]
                // A part may share words with the anchor (`photo ~ photo|video`): it must stand elsewhere.
                while k < list.count, list[k] <= anchor + window, list[k] == anchor { k += 1 }
                guard k < list.count, list[k] <= anchor + window else {
                    complete = false
                    break
                }
                partners.append(list[k])
            }
            guard complete else { continue }
            let weight = words[anchor].weight
            if best.map({ weight > $0.weight }) ?? true { best = (weight, anchor, partners) }
            if weight >= bestPossible { break }
        }
        guard let best else { return nil }
        var pieces = [text(of: cue.parts[0], at: best.anchor)]
        for (j, position) in best.partners.enumerated() { pieces.append(text(of: cue.parts[j + 1], at: position)) }
        return CueHit(zoneWeight: best.weight, text: pieces.joined(separator: " … "))
    }

    /// Sorted start positions of a part (consecutive slots), each with the end of its shortest match.
    private mutating func occurrences(of part: Int) -> [Int] {
        if let cached = partCache[part] { return cached }
        let slots = book.parts[part]
        var starts = Set<Int>()
        for alternative in slots[0] {
            for start in positions[alternative[0]] ?? [] where starts.insert(start).inserted {
                if let end = end(of: slots, at: start) {
                    ends[Key(part: part, start: start)] = end
                } else {
                    starts.remove(start)
                }
            }
        }
        let sorted = starts.sorted()
        partCache[part] = sorted
        return sorted
    }

    /// Where a part matched at `start` ends, or nil. Alternatives of different lengths leave
    /// several candidate ends; there are at most as many as distinct lengths, so this stays
    /// proportional to the part's size.
    private func end(of slots: Part, at start: Int) -> Int? {
        var frontier: Set<Int> = [start]
        for slot in slots {
            var next = Set<Int>()
            for position in frontier {
                for alternative in slot where matches(alternative, at: position) {
                    next.insert(position + alternative.count)
                }
            }
            if next.isEmpty { return nil }
            frontier = next
        }
        return frontier.min()
    }

    private func matches(_ alternative: Alternative, at position: Int) -> Bool {
        guard position + alternative.count <= words.count else { return false }
        for (offset, atom) in alternative.enumerated() where !atomsAt[position + offset].contains(atom) {
            return false
        }
        return true
    }

    private func text(of part: Int, at start: Int) -> String {
        let end = min(ends[Key(part: part, start: start)] ?? start + 1, words.count)
        return words[start..<end].map(\.folded).joined(separator: " ")
    }

    private struct Key: Hashable {
        let part: Int
        let start: Int
    }
}

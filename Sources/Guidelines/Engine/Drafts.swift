/// Finding the draft post inside a question, and the post an announcement quotes.
///
/// A query's findings are about its draft only: the question around it is never checked. A
/// draft is
/// - an indented block (two spaces or a tab), or a `>` block the asker quotes on purpose (not
///   the earlier message of a reply), of at least four words;
/// - else the paragraph after a line that presents it and ends with a colon ("Here is my post:",
///   "Brouillon :"; the presenting words may sit on the one or two lines before it, as wrapped
///   mail puts them; a paragraph that opens with a quotation mark needs no presenting word), or,
///   when that paragraph opens a quotation mark it does not close, every line up to the closing
///   mark;
/// - else a paragraph that opens with a quotation mark after a paragraph with words that
///   present a draft ("First thread below. Is this OK?"), up to the closing mark;
/// - else the lines between fences (`=====`, `---- draft ----` … `---- end ----`), when the
///   opening fence names a draft or follows words that present one;
/// - else the quoted text after such a phrase on the same line (`Draft: "…"`);
/// - else, when nothing above found a draft, the paragraphs of a post that ends a line with its
///   hashtags, back to the words that ask about it.
/// Signatures, forwarded messages and reply quotes are never drafts. In an announcement, a block
/// counts as a quoted post only when the lines before it say so ("what I'm posting on LinkedIn").
enum Drafts {
    struct Found: Sendable, Equatable {
        let region: Range<Int>
        /// The lines just before the draft that present it.
        let intro: Range<Int>?
    }

    static let minimumWords = 4

    static func extract(_ layout: TextLayout, bytes: [UInt8], vocabulary: Vocabulary, requirePostCue: Bool) -> [Found] {
        let lines = layout.lines
        let tokens = layout.tokens
        func tokenRange(_ first: Int, _ last: Int) -> Range<Int> {
            let start = layout.firstTokenOfLine[first]
            let end = last + 1 < lines.count ? layout.firstTokenOfLine[last + 1] : tokens.count
            return start..<max(start, end)
        }
        func excluded(_ line: LineInfo) -> Bool {
            !line.flags.intersection([.signature, .forwarded, .forwardHeader, .reply]).isEmpty
        }
        func indented(_ line: LineInfo) -> Bool {
            !line.flags.contains(.blank) && !excluded(line) && (line.indent >= 2 || line.flags.contains(.quoted))
        }
        /// The last non-blank line before line `i` (-1 when none).
        func lastText(before i: Int) -> Int {
            var k = i - 1
            while k >= 0, lines[k].flags.contains(.blank) { k -= 1 }
            return k
        }
        /// The first and the last line of the paragraph around line `i`: up to a blank line, a
        /// signature, a forward or a reply quote.
        func paragraphStart(_ i: Int) -> Int {
            var first = i
            while first > 0, !lines[first - 1].flags.contains(.blank), !excluded(lines[first - 1]) { first -= 1 }
            return first
        }
        func paragraphEnd(_ i: Int) -> Int {
            var last = i
            while last + 1 < lines.count, !lines[last + 1].flags.contains(.blank), !excluded(lines[last + 1]) { last += 1 }
            return last
        }
        /// The non-blank lines just before line `i` (at most three, within one paragraph).
        func intro(before i: Int) -> Range<Int>? {
            let k = lastText(before: i)
            guard k >= 0, !excluded(lines[k]), !indented(lines[k]) else { return nil }
            var first = k
            while first > 0, first > k - 2, !lines[first - 1].flags.contains(.blank), !indented(lines[first - 1]) { first -= 1 }
            return lines[first].start..<lines[k].end
        }
        func introTokens(_ range: Range<Int>?) -> Range<Int>? {
            guard let range else { return nil }
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= range.lowerBound { lo = mid + 1 } else { hi = mid } }
            var end = lo
            while end < tokens.count, tokens[end].start < range.upperBound { end += 1 }
            return lo..<end
        }
        func presented(_ introRange: Range<Int>?, by cues: PhraseSet) -> Bool {
            guard let span = introTokens(introRange) else { return false }
            return cues.occurs(in: tokens, span, text: bytes) != nil
        }

        func hasCue(_ first: Int, _ last: Int) -> Bool {
            vocabulary.draftCues.occurs(in: tokens, tokenRange(first, last), text: bytes) != nil
        }

        var found: [Found] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if indented(line) {
                var last = i
                var j = i + 1
                while j < lines.count {
                    if lines[j].flags.contains(.blank) {
                        var k = j
                        while k < lines.count, lines[k].flags.contains(.blank) { k += 1 }
                        if k < lines.count, indented(lines[k]) { j = k; continue }
                        break
                    }
                    guard indented(lines[j]) else { break }
                    last = j
                    j += 1
                }
                let introRange = intro(before: i)
                if tokenRange(i, last).count >= minimumWords,
                   !requirePostCue || presented(introRange, by: vocabulary.postCues) {
                    found.append(Found(region: lines[i].start..<lines[last].end, intro: introRange))
                }
                i = last + 1
                continue
            }
            guard !requirePostCue, !line.flags.contains(.blank), !excluded(line) else {
                i += 1
                continue
            }
            /// Line `i`'s paragraph up to it, at most three lines: mail is wrapped, so the words
            /// that present a draft often sit on the line before the one that ends with a colon.
            func introStart(_ i: Int) -> Int {
                var first = i
                while first > 0, first > i - 2, !lines[first - 1].flags.contains(.blank), !excluded(lines[first - 1]),
                      !isFence(lines[first - 1]) {
                    first -= 1
                }
                return first
            }
            /// The paragraph from line `first` as a draft (and its last line): when it opens a
            /// quotation mark, up to the closing mark, over blank lines; nil when too short.
            func paragraph(from first: Int) -> (Found, Int)? {
                var last = paragraphEnd(first)
                if let closing = closingQuote(from: first, after: last) { last = closing }
                guard tokenRange(first, last).count >= minimumWords else { return nil }
                return (Found(region: lines[first].start..<lines[last].end, intro: intro(before: first)), last)
            }
            /// A draft between fences: the lines after `open` up to the next fence (or up to what
            /// is not the asker's text: a signature, a quoted reply).
            func fenced(after open: Int) -> Found? {
                var j = open + 1
                while j < lines.count, !isFence(lines[j]), !excluded(lines[j]) { j += 1 }
                var last = j - 1
                while last > open, lines[last].flags.contains(.blank) { last -= 1 }
                var first = open + 1
                while first <= last, lines[first].flags.contains(.blank) { first += 1 }
                guard first <= last, tokenRange(first, last).count >= minimumWords else { return nil }
                return Found(region: lines[first].start..<lines[last].end, intro: intro(before: open))
            }

            // "---- draft ----" opens a draft by itself; a bare fence does after words that
            // present one ("Here is what I would post:").
            /// The last line of the paragraph before line `i` (blank lines between allowed).
            func previousText(_ i: Int) -> Int? {
                let k = lastText(before: i)
                return k >= 0 && !excluded(lines[k]) && !isFence(lines[k]) ? k : nil
            }
            if isFence(line), hasCue(i, i) || previousText(i).map({ hasCue(introStart($0), $0) }) == true,
               let draft = fenced(after: i) {
                found.append(draft)
                i = lineIndex(endingAt: draft.region.upperBound, from: i)
                continue
            }
            /// The asker quotes what they would write: a colon, then a paragraph that opens with a
            /// quotation mark, presents a draft without any presenting word.
            func quotationFollows(_ i: Int) -> Bool {
                var j = i + 1
                while j < lines.count, lines[j].flags.contains(.blank) { j += 1 }
                guard j < lines.count, !excluded(lines[j]) else { return false }
                return startsWithOpeningQuote(lines[j])
            }
            // A quotation that opens a paragraph after words presenting a draft ("First thread
            // below. Is this OK?"), with no colon: the quotation is the draft.
            if i > 0, lines[i - 1].flags.contains(.blank), startsWithOpeningQuote(line),
               let previous = previousText(i), hasCue(introStart(previous), previous),
               let (draft, last) = paragraph(from: i) {
                found.append(draft)
                i = last + 1
                continue
            }
            let presents = hasCue(i, i)
                || (endsWithColon(line, bytes: bytes) && (hasCue(introStart(i), i) || quotationFollows(i)))
            if presents, let inline = quotedAfterColon(line, bytes: bytes) {
                found.append(Found(region: inline, intro: line.start..<line.end))
            } else if presents, endsWithColon(line, bytes: bytes) {
                var j = i + 1
                while j < lines.count, lines[j].flags.contains(.blank) { j += 1 }
                if j < lines.count, isFence(lines[j]), let draft = fenced(after: j) {
                    found.append(draft)
                    i = lineIndex(endingAt: draft.region.upperBound, from: j)
                    continue
                }
                if j < lines.count, !indented(lines[j]), !excluded(lines[j]), let (draft, last) = paragraph(from: j) {
                    found.append(draft)
                    i = last + 1
                    continue
                }
            }
            i += 1
        }
        if found.isEmpty, !requirePostCue, let post = hashtagPost() { found.append(post) }
        return found

        /// A post shown with no colon or fence but plainly a post: a paragraph that carries its
        /// hashtags (see `isHashtagLine`), with the paragraphs before it up to
        /// the one that asks about it ("I'd like to post this on LinkedIn. Would this work?"), a
        /// question, or the greeting. Only when nothing else presented a draft.
        func hashtagPost() -> Found? {
            guard let tagged = lines.indices.first(where: { !excluded(lines[$0]) && isHashtagLine(lines[$0]) }) else {
                return nil
            }
            // The tagged line's paragraph, then earlier paragraphs while they read as the post.
            let last = paragraphEnd(tagged)
            var first = paragraphStart(tagged)
            var paragraphs = 1
            while paragraphs < 6 {
                let k = lastText(before: first)
                guard k >= 0, !excluded(lines[k]) else { break }
                let start = paragraphStart(k)
                // The asker's words: a question, words that present the post, or the greeting.
                if start == 0 || endsWithQuestion(lines[k]) || hasCue(start, k) { break }
                first = start
                paragraphs += 1
            }
            guard tokenRange(first, last).count >= minimumWords else { return nil }
            return Found(region: lines[first].start..<lines[last].end, intro: intro(before: first))
        }
        /// A line of hashtags (and mentions) only, or one that ends with at least two hashtags, as
        /// posts end ("… is finally running! #cryogenics #CERN"). Hashtags inside a sentence
        /// ("ads with the hashtags #CERN #LHC and a fake giveaway") are talked about, not posted.
        func isHashtagLine(_ line: LineInfo) -> Bool {
            // Per word: 2 a hashtag, 1 a mention, 0 anything else.
            var kinds: [UInt8] = []
            var k = line.start
            while k < line.end {
                while k < line.end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                guard k < line.end else { break }
                let start = k
                while k < line.end, bytes[k] != 0x20, bytes[k] != 0x09 { k += 1 }
                let long = k - start >= 3
                if long, bytes[start] == 0x23, Bytes.isUpper(bytes[start + 1]) || Bytes.isLower(bytes[start + 1]) {
                    kinds.append(2)
                } else {
                    kinds.append(long && bytes[start] == 0x40 ? 1 : 0)
                }
            }
            let trailing = kinds.reversed().prefix { $0 > 0 }
            let tags = trailing.filter { $0 == 2 }.count
            return tags >= 2 || (tags >= 1 && trailing.count == kinds.count)
        }
        func endsWithQuestion(_ line: LineInfo) -> Bool {
            var end = line.end
            while end > line.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return end > line.start && bytes[end - 1] == 0x3F
        }

        /// The line just after the one that ends at `end`.
        func lineIndex(endingAt end: Int, from start: Int) -> Int {
            var k = start
            while k < lines.count, lines[k].end < end { k += 1 }
            return k + 1
        }
        /// A separator line, or words between runs of the same mark ("---- draft ----",
        /// "=== end ===").
        func isFence(_ line: LineInfo) -> Bool {
            if line.flags.contains(.separator) { return true }
            guard !line.flags.contains(.blank) else { return false }
            var start = line.start
            while start < line.end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            var end = line.end
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard end - start >= 6 else { return false }
            let mark = bytes[start]
            guard [UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#")].contains(mark),
                  bytes[end - 1] == mark else { return false }
            var lead = start, trail = end
            while lead < end, bytes[lead] == mark { lead += 1 }
            while trail > lead, bytes[trail - 1] == mark { trail -= 1 }
            return lead - start >= 3 && end - trail >= 3 && trail - lead <= 40
        }
        /// When line `first` opens with a quotation mark that its paragraph (up to `last`) does not
        /// close, the line that closes it (at most 60 lines on, never past a signature or a quoted
        /// reply); nil otherwise.
        func closingQuote(from first: Int, after last: Int) -> Int? {
            var k = lines[first].start
            while k < lines[first].end, bytes[k] == 0x20 { k += 1 }
            guard k < lines[first].end, opensQuote(at: k) else { return nil }
            if (first...last).contains(where: { endsWithClosingQuote(lines[$0]) }) { return nil }
            var j = last + 1
            while j < lines.count, j <= last + 60, !excluded(lines[j]) {
                if endsWithClosingQuote(lines[j]) { return j }
                j += 1
            }
            return nil
        }
        func startsWithOpeningQuote(_ line: LineInfo) -> Bool {
            var k = line.start
            while k < line.end, bytes[k] == 0x20 { k += 1 }
            return k < line.end && opensQuote(at: k)
        }
        func opensQuote(at k: Int) -> Bool {
            bytes[k] == 0x22 || (k + 2 < bytes.count && bytes[k] == 0xE2 && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x9C)
                || (k + 1 < bytes.count && bytes[k] == 0xC2 && bytes[k + 1] == 0xAB)
        }
        func endsWithClosingQuote(_ line: LineInfo) -> Bool {
            var end = line.end
            while end > line.start, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > line.start else { return false }
            if bytes[end - 1] == 0x22 { return true }
            if end - 3 >= line.start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0x9D { return true }
            return end - 2 >= line.start && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xBB
        }
    }

    static func endsWithColon(_ line: LineInfo, bytes: [UInt8]) -> Bool {
        var k = line.end - 1
        while k >= line.start, bytes[k] == 0x20 || bytes[k] == 0x09 { k -= 1 }
        return k >= line.start && bytes[k] == 0x3A
    }

    /// The text inside quotation marks after the line's first colon, when the line has one.
    static func quotedAfterColon(_ line: LineInfo, bytes: [UInt8]) -> Range<Int>? {
        var k = line.start
        while k < line.end, bytes[k] != 0x3A { k += 1 }
        guard k < line.end else { return nil }
        k += 1
        while k < line.end, bytes[k] == 0x20 { k += 1 }
        // " or “ (E2 80 9C) or « (C2 AB)
        var open = 0
        if k < line.end, bytes[k] == 0x22 { open = 1 }
        else if k + 2 < line.end, bytes[k] == 0xE2, bytes[k + 1] == 0x80, bytes[k + 2] == 0x9C { open = 3 }
        else if k + 1 < line.end, bytes[k] == 0xC2, bytes[k + 1] == 0xAB { open = 2 }
        guard open > 0 else { return nil }
        let start = k + open
        var end = line.end
        var m = start
        while m < line.end {
            if bytes[m] == 0x22 || (bytes[m] == 0xE2 && m + 2 < line.end && bytes[m + 1] == 0x80 && bytes[m + 2] == 0x9D)
                || (bytes[m] == 0xC2 && m + 1 < line.end && bytes[m + 1] == 0xBB) {
                end = m
                break
            }
            m += 1
        }
        return end > start ? start..<end : nil
    }
}

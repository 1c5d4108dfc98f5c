/// One word of a question as the cues see it.
struct Word: Sendable {
    /// Lower case, accents folded (`Piraté` → `pirate`): what prefix cues compare with.
    let folded: String
    /// `folded` stemmed: what word cues compare with.
    let stem: String
    /// How much a cue found here counts: the subject's weight, or for the body 1 in the lead
    /// (where the ask stands) and less further down, in a draft or in forwarded text.
    let weight: Double
}

/// Turns a subject and a body into the words the cues are matched against.
///
/// The body loses what the asker did not write: `>` quoted lines, everything from a reply header
/// ("On … wrote:", "Le … a écrit :", "-----Original Message-----", an Outlook `From:`/`De :`
/// block) and from the signature ("-- ", or a short closing block after "Best regards",
/// "Cordialement", ...). Text forwarded inline is kept at the tail weight: the question is usually
/// what to do about it.
///
/// Linear in the input: one pass over the bytes, each line looked at once by the main loop and
/// by at most a bounded number of look-aheads, and the work stops after `maxWords` words or
/// `maxLines` lines.
struct QuestionText {
    let settings: CueSettings
    let stopwords: Set<String>
    let signoffs: [[String]]
    let footers: [[String]]

    /// The subject's words. A reply's or forward's subject counts `reply-subject-weight` when
    /// `bodyHasCues`: the body then says what is asked now, and the subject only names the
    /// thread. A follow-up whose body adds detail without cues keeps the subject's full weight.
    func subjectWords(_ subject: String, bodyHasCues: Bool = false) -> [Word] {
        var words: [Word] = []
        let reply = bodyHasCues && Self.isReplySubject(subject)
        let weight = reply ? settings.replySubjectWeight : settings.subjectWeight
        tokenize(Substring(subject), weight: { weight }, into: &words)
        return words
    }

    /// Whether a subject starts with a reply or forward prefix (`Re:`, `RE :`, `Fwd:`, `Fw:`,
    /// `TR:`, `AW:`, `WG:`, `Réf:`), possibly after `[list]` tags.
    static func isReplySubject(_ subject: String) -> Bool {
        var rest = Fold.line(Substring(subject))[...]
        while rest.first == " " || rest.first == "[" {
            if rest.first == "[", let close = rest.firstIndex(of: "]") {
                rest = rest[rest.index(after: close)...]
            } else if rest.first == " " {
                rest = rest.dropFirst()
            } else {
                return false
            }
        }
        let prefix = rest.prefix { $0.isLetter }
        guard replyPrefixes.contains(String(prefix)) else { return false }
        return rest.dropFirst(prefix.count).drop { $0 == " " }.first == ":"
    }

    private static let replyPrefixes: Set<String> = ["re", "fw", "fwd", "tr", "aw", "wg", "ref", "rep"]

    func bodyWords(_ body: String) -> [Word] {
        let bytes = ContiguousArray(body.utf8)
        var cursor = LineCursor(bytes: bytes)
        var words: [Word] = []
        var sawContent = false
        var forwarded = false
        var inForwardHeader = false
        var bodyWordCount = 0
        let lead = settings.leadWords, tail = settings.tailWeight
        var lineCount = 0
        while let line = cursor.next() {
            lineCount += 1
            if words.count >= settings.maxWords || lineCount > settings.maxLines { break }
            // Blank and `>` lines are told from their bytes: a body of a million quoted lines then
            // costs no string at all.
            switch cursor.firstVisibleByte(line) {
            case nil:
                inForwardHeader = false
                continue
            case UInt8(ascii: ">"):
                continue
            default:
                break
            }
            let text = cursor.text(line)
            let key = line.isShort ? Fold.line(text) : nil
            if let key {
                if inForwardHeader, Self.isHeaderField(key) { continue }
                inForwardHeader = false
                if key == "--" { break }
                if Self.isReplyHeader(key) || Self.isOriginalMessage(key) { break }
                if key.hasPrefix("on ") || key.hasPrefix("le ") || key.hasPrefix("am "),
                    let following = cursor.peekKey(after: line), Self.endsReplyHeader(following)
                {
                    break
                }
                if Self.isForwardMarker(key) {
                    forwarded = true
                    inForwardHeader = true
                    continue
                }
                if Self.isFromField(key), cursor.headerFieldFollows(line) { break }
                if Self.isDeviceLine(key) { continue }
                let keyWords = Self.words(key)
                if footers.contains(where: { keyWords.starts(with: $0) }) { break }
                if sawContent, isSignoff(key, words: keyWords), cursor.fewLinesFollow(line, limit: 12) { break }
            }
            let before = words.count
            tokenize(text, weight: {
                defer { bodyWordCount += 1 }
                return !forwarded && bodyWordCount < lead ? 1 : tail
            }, into: &words)
            if words.count > before { sawContent = true }
        }
        return words
    }

    /// Splits a text into words, folding and stemming each and leaving out stopwords and
    /// over-long runs (URLs' tails, base64, hashes: never a cue).
    private func tokenize(_ text: Substring, weight: () -> Double, into words: inout [Word]) {
        var current = ""
        var tooLong = false
        func flush() {
            defer {
                current = ""
                tooLong = false
            }
            guard !current.isEmpty, !tooLong, !stopwords.contains(current) else { return }
            words.append(Word(folded: current, stem: Stem.of(current), weight: weight()))
        }
        for s in text.unicodeScalars {
            if words.count >= settings.maxWords { return }
            if tooLong {
                if !Fold.isWordScalar(s) { flush() }
                continue
            }
            if Fold.appendWordScalar(s, to: &current) {
                if current.utf8.count > Self.maxWordBytes { tooLong = true }
            } else {
                flush()
            }
        }
        flush()
    }

    private static let maxWordBytes = 40

    /// "Best regards", "Cordialement", "Thanks, Anna": a sign-off phrase at the start of a short
    /// line, followed by at most a name.
    private func isSignoff(_ key: String, words: [String]) -> Bool {
        guard key.utf8.count <= 60 else { return false }
        return signoffs.contains { phrase in
            words.count - phrase.count <= 3 && words.starts(with: phrase)
        }
    }

    /// The words of a folded line, stopwords included (sign-offs and footers are compared whole).
    static func words(_ key: String) -> [String] {
        var words: [String] = []
        var current = ""
        for s in key.unicodeScalars {
            if Fold.appendWordScalar(s, to: &current) { continue }
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    // MARK: Reply, forward and signature markers (folded lines)

    static func isReplyHeader(_ key: String) -> Bool {
        (key.hasPrefix("on ") && key.hasSuffix("wrote:"))
            || (key.hasPrefix("le ") && endsFrenchWrote(key))
            || (key.hasPrefix("am ") && key.hasSuffix("schrieb:"))
    }

    /// The second line of a reply header that a mail client wrapped: "… <anna@example.org> wrote:".
    static func endsReplyHeader(_ key: String) -> Bool {
        key.hasSuffix("wrote:") || endsFrenchWrote(key) || key.hasSuffix("schrieb:")
    }

    private static func endsFrenchWrote(_ key: String) -> Bool {
        key.hasSuffix("a ecrit :") || key.hasSuffix("a ecrit:")
    }

    /// "-----Original Message-----", "----- Message d'origine -----", "-------- Message original --------".
    static func isOriginalMessage(_ key: String) -> Bool {
        let core = key.trimmingDecoration()
        return core == "original message" || core == "message d'origine" || core == "message original"
    }

    /// "---------- Forwarded message ---------", "Begin forwarded message:", "-------- Message transféré --------",
    /// "Début du message réexpédié :".
    static func isForwardMarker(_ key: String) -> Bool {
        let core = key.trimmingDecoration()
        return core == "forwarded message" || core == "begin forwarded message" || core == "message transfere"
            || core == "debut du message reexpedie" || core == "message reexpedie"
    }

    static func isFromField(_ key: String) -> Bool {
        key.hasPrefix("from:") || key.hasPrefix("from :") || key.hasPrefix("de:") || key.hasPrefix("de :")
    }

    /// A header line of a quoted or forwarded message, English or French (`À :` folds to `a :`).
    static func isHeaderField(_ key: String) -> Bool {
        headerFieldNames.contains { key.hasPrefix($0 + ":") || key.hasPrefix($0 + " :") }
    }

    private static let headerFieldNames = [
        "from", "sent", "to", "cc", "date", "subject", "reply-to",
        "de", "envoye", "a", "objet", "repondre a",
    ]

    /// "Sent from my iPhone", "Envoyé de mon iPad", "Get Outlook for Android".
    static func isDeviceLine(_ key: String) -> Bool {
        key.hasPrefix("sent from my ") || key.hasPrefix("envoye de mon ") || key.hasPrefix("get outlook for ")
            || key.hasPrefix("telecharger outlook pour ")
    }
}

extension String {
    /// The line without the dashes, underscores, equals signs, spaces and colon around it.
    fileprivate func trimmingDecoration() -> String {
        let decoration: Set<Character> = ["-", "_", "=", " ", ":", "*"]
        let start = firstIndex { !decoration.contains($0) } ?? endIndex
        let end = lastIndex { !decoration.contains($0) }.map { index(after: $0) } ?? endIndex
        return start < end ? String(self[start..<end]) : ""
    }
}

/// Walks the lines of a body's bytes (LF or CRLF).
struct LineCursor {
    struct Line {
        let start: Int
        /// End of the content, before any CR and the LF.
        let end: Int
        /// Where the next line starts.
        let next: Int
        /// Short enough to be a header, marker or sign-off line; longer lines are content.
        var isShort: Bool { end - start <= 300 }
    }

    let bytes: ContiguousArray<UInt8>
    private var position = 0

    init(bytes: ContiguousArray<UInt8>) { self.bytes = bytes }

    mutating func next() -> Line? {
        guard let line = line(at: position) else { return nil }
        position = line.next
        return line
    }

    func line(at start: Int) -> Line? {
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let next = end < bytes.count ? end + 1 : end
        var contentEnd = end
        if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return Line(start: start, end: contentEnd, next: next)
    }

    /// The first byte of the line that is not a space or tab; nil for a blank line.
    func firstVisibleByte(_ line: Line) -> UInt8? {
        var index = line.start
        while index < line.end {
            let byte = bytes[index]
            if byte != 0x20 && byte != 0x09 { return byte }
            index += 1
        }
        return nil
    }

    func text(_ line: Line) -> Substring {
        Substring(String(decoding: bytes[line.start..<line.end], as: UTF8.self))
    }

    /// The folded text of the line after `line`, when it is short.
    func peekKey(after line: Line) -> String? {
        guard let following = self.line(at: line.next), following.isShort else { return nil }
        return Fold.line(text(following))
    }

    /// Whether one of the next four lines is another header field (`Sent:`, `To:`, `Objet :`):
    /// what tells an Outlook quoted header from a sentence starting with "De :".
    func headerFieldFollows(_ line: Line) -> Bool {
        var current = line
        for _ in 0..<4 {
            guard let following = self.line(at: current.next) else { return false }
            current = following
            guard following.isShort else { return false }
            let key = Fold.line(text(following))
            if QuestionText.isHeaderField(key), !QuestionText.isFromField(key) { return true }
        }
        return false
    }

    /// Whether at most `limit` non-blank lines follow `line`: a sign-off that ends the message
    /// rather than one in the middle of it.
    func fewLinesFollow(_ line: Line, limit: Int) -> Bool {
        var current = line
        var count = 0
        while let following = self.line(at: current.next) {
            current = following
            if firstVisibleByte(following) != nil {
                count += 1
                if count > limit { return false }
            }
        }
        return true
    }
}

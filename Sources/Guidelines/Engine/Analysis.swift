import Config
import MIME

/// The words heed needs to read a message's layout: sign-offs, forward and reply markers, the
/// phrases that present a draft. They come from the `layout:` sections of the rule files, so
/// that they are data like the rules.
final class Vocabulary: Sendable {
    /// "Best regards", "Cordialement": a signature follows.
    let signoffs: PhraseSet
    /// "Forwarded message", "Message transféré": an inline forward follows.
    let forwardMarkers: PhraseSet
    /// "Original Message", "Message d'origine": the earlier message of a reply follows.
    let originalMarkers: PhraseSet
    /// "wrote", "a écrit": the end of a reply attribution line.
    let replyAttributions: PhraseSet
    /// Field names of a forwarded header block (From, De, Subject, Objet).
    let headerFields: PhraseSet
    /// "Sent from my iPhone": a signature line of its own.
    let sentFrom: PhraseSet
    /// Phrases that present a draft in a question ("here is my post", "brouillon").
    let draftCues: PhraseSet
    /// Phrases that say a quoted text is a social-media post ("my LinkedIn post").
    let postCues: PhraseSet
    /// Words that name a link as a source ("Source:", "Paper:", "more in").
    let sourceCues: PhraseSet
    /// Hosts whose links are sources by themselves (arXiv, DOI, CDS).
    let sourceHosts: PhraseSet

    let lexicon: Lexicon

    init(_ layout: [String: [String]], lists: [String: [String]], lexicon: Lexicon) throws(PhraseError) {
        self.lexicon = lexicon
        func set(_ key: String) throws(PhraseError) -> PhraseSet { try PhraseSet(layout[key] ?? [], lists: lists, lexicon: lexicon) }
        signoffs = try set("signoffs")
        forwardMarkers = try set("forward_markers")
        originalMarkers = try set("original_markers")
        replyAttributions = try set("reply_attributions")
        headerFields = try set("header_fields")
        sentFrom = try set("sent_from")
        draftCues = try set("draft_cues")
        postCues = try set("post_cues")
        sourceCues = try set("source_cues")
        sourceHosts = try set("source_hosts")
    }
}

/// One text heed checks: a Subject, a body part, an attachment's name, or a draft inside a
/// question. Offsets are in the whole part text (`bytes`), so findings keep the part's offsets
/// even when only a region is checked.
final class TextUnit: Sendable {
    let part: String
    let kind: UnitKind
    /// The part's decoded text as UTF-8.
    let bytes: [UInt8]
    /// What is checked.
    let region: Range<Int>
    let layout: TextLayout
    /// Inside a forwarded message (message/rfc822).
    let forwarded: Bool
    /// For drafts and posts: the lines that present them ("Here is my reply:").
    let intro: Range<Int>?

    init(part: String, kind: UnitKind, bytes: [UInt8], region: Range<Int>, layout: TextLayout, forwarded: Bool, intro: Range<Int>?) {
        self.part = part
        self.kind = kind
        self.bytes = bytes
        self.region = region
        self.layout = layout
        self.forwarded = forwarded
        self.intro = intro
    }

    var tokens: [Token] { layout.tokens }

    func string(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Index of the first token that ends after `offset` (tokens.count when none).
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func line(of token: Token) -> LineInfo { layout.lines[token.line] }
}

/// What the checks see of a message: the texts to check (with their layout), the texts that may
/// only serve as context (a question around its draft), and what the message carries.
public final class MessageAnalysis: Sendable {
    let mode: Mode
    /// The list's audience is wide, or the text is a public draft.
    let wideAudience: Bool
    /// The texts checked.
    let units: [TextUnit]
    /// Every body text, checked or not (a query's question too): for context only.
    let contextUnits: [TextUnit]
    /// The sender (From), lower case.
    let sender: String
    /// The images in scope: every image of an announcement, the draft images of a query.
    let images: [Attachment]
    let hasPDF: Bool
    let attachmentCount: Int

    static let skippedTextTypes: Set<String> = [
        "text/calendar", "text/x-vcalendar", "text/vcard", "text/x-vcard", "text/directory", "text/css",
        "text/javascript", "text/x-vcf", "message/delivery-status", "message/global-delivery-status", "text/rfc822-headers",
        "message/disposition-notification",
    ]

    init(message: Message, mode: Mode, wideAudience: Bool, vocabulary: Vocabulary) {
        self.mode = mode
        self.wideAudience = wideAudience || mode == .query
        sender = message.header.from.first?.address.lowercased() ?? ""
        let senderNames = Self.names(message.header.from.first?.name, address: message.header.from.first?.address)

        var units: [TextUnit] = []
        var contextUnits: [TextUnit] = []
        let preferred = Self.preferredLeaves(message)
        for part in message.textParts where preferred.contains(part.index) {
            guard let text = part.text?.text, !Self.skippedTextTypes.contains(part.mediaType) else { continue }
            let forwarded = Self.isInsideMessage(part, message)
            var names = senderNames
            if forwarded, let embedded = Self.enclosingHeaders(part, message) {
                names = Self.names(embedded.from.first?.name, address: embedded.from.first?.address)
            }
            let bytes = Array(text.utf8)
            var layout = TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: vocabulary.lexicon)
            Layout.annotate(&layout, bytes: bytes, senderNames: names, vocabulary: vocabulary)
            let body = TextUnit(part: part.section, kind: .body, bytes: bytes, region: 0..<bytes.count, layout: layout,
                                forwarded: forwarded, intro: nil)
            contextUnits.append(body)
            switch mode {
            case .query:
                guard !forwarded else { continue }
                units.append(TextUnit(part: part.section, kind: .question, bytes: bytes, region: 0..<bytes.count,
                                      layout: layout, forwarded: false, intro: nil))
                for draft in Drafts.extract(layout, bytes: bytes, vocabulary: vocabulary, requirePostCue: false) {
                    units.append(Self.regionUnit(part.section, .draft, bytes, draft, vocabulary))
                }
            case .announcement:
                units.append(body)
                guard !forwarded else { continue }
                for post in Drafts.extract(layout, bytes: bytes, vocabulary: vocabulary, requirePostCue: true) {
                    units.append(Self.regionUnit(part.section, .post, bytes, post, vocabulary))
                }
            case .passthrough:
                continue
            }
        }
        let attachments = message.attachments
        if mode == .announcement {
            if let subject = message.subject, !subject.isEmpty {
                units.insert(Self.wholeUnit(Finding.headerPart, .subject, subject, vocabulary: vocabulary), at: 0)
            }
            for attachment in attachments {
                guard let name = attachment.filename, !name.isEmpty else { continue }
                units.append(Self.wholeUnit(attachment.section, .attachmentName, name, vocabulary: vocabulary))
            }
        }
        self.units = units
        self.contextUnits = contextUnits
        var images = attachments.filter(Self.isImage)
        if mode == .query {
            // A query's images are its draft when they are its own, not those of a forwarded message.
            let forwardedSections = Set(message.parts.filter { Self.isInsideMessage($0, message) }.map(\.section))
            images = images.filter { !forwardedSections.contains($0.section) }
        }
        self.images = images
        hasPDF = attachments.contains { $0.mediaType == "application/pdf" || ($0.filename?.lowercased().hasSuffix(".pdf") ?? false) }
        attachmentCount = attachments.count
    }

    static func isImage(_ attachment: Attachment) -> Bool {
        if attachment.mediaType.hasPrefix("image/") { return true }
        guard let name = attachment.filename?.lowercased() else { return false }
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic"].contains { name.hasSuffix($0) }
    }

    private static func wholeUnit(_ part: String, _ kind: UnitKind, _ text: String, vocabulary: Vocabulary) -> TextUnit {
        let bytes = Array(text.utf8)
        let layout = TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: vocabulary.lexicon)
        return TextUnit(part: part, kind: kind, bytes: bytes, region: 0..<bytes.count, layout: layout, forwarded: false, intro: nil)
    }

    private static func regionUnit(_ part: String, _ kind: UnitKind, _ bytes: [UInt8], _ draft: Drafts.Found,
                                   _ vocabulary: Vocabulary) -> TextUnit {
        // The region's lines keep their own flags; a draft is never a signature or a quote of the asker.
        let layout = TextLayout(bytes: bytes, range: draft.region, lexicon: vocabulary.lexicon)
        return TextUnit(part: part, kind: kind, bytes: bytes, region: draft.region, layout: layout, forwarded: false,
                        intro: draft.intro)
    }

    /// For each multipart/alternative, only the branch holding text/plain (else the last one) is
    /// read, so one content is not checked twice.
    static func preferredLeaves(_ message: Message) -> Set<Int> {
        var excluded = Set<Int>()
        for part in message.parts where part.kind == .multipart && part.contentType.subtype == "alternative" {
            let children = part.children
            guard children.count > 1 else { continue }
            let chosen = children.first { subtreeHasPlainText($0, message) } ?? children[children.count - 1]
            for child in children where child != chosen { collect(child, message, into: &excluded) }
        }
        return Set(message.parts.map(\.index)).subtracting(excluded)
    }

    private static func subtreeHasPlainText(_ index: Int, _ message: Message) -> Bool {
        var stack = [index]
        while let i = stack.popLast() {
            let part = message.parts[i]
            if part.kind == .leaf && part.mediaType == "text/plain" { return true }
            stack.append(contentsOf: part.children)
        }
        return false
    }

    private static func collect(_ index: Int, _ message: Message, into set: inout Set<Int>) {
        var stack = [index]
        while let i = stack.popLast() {
            set.insert(i)
            stack.append(contentsOf: message.parts[i].children)
        }
    }

    static func isInsideMessage(_ part: Part, _ message: Message) -> Bool {
        var parent = part.parent
        while let p = parent {
            if message.parts[p].kind == .message { return true }
            parent = message.parts[p].parent
        }
        return false
    }

    static func enclosingHeaders(_ part: Part, _ message: Message) -> MessageHeaders? {
        var parent = part.parent
        while let p = parent {
            if let embedded = message.parts[p].embedded { return embedded }
            parent = message.parts[p].parent
        }
        return nil
    }

    /// The folded words of a display name and of an address's local part, three letters or more.
    static func names(_ display: String?, address: String?) -> Set<String> {
        var words = Set<String>()
        for word in PhraseSet.foldedWords(display ?? "") where word.count >= 3 { words.insert(word) }
        if let address, let at = address.firstIndex(of: "@") {
            for word in PhraseSet.foldedWords(String(address[..<at])) where word.count >= 3 { words.insert(word) }
        }
        return words
    }
}

/// Where each line of a body stands: quoted reply, inline forward, signature.
enum Layout {
    /// Marks quoted, forwarded, forwarded-header and signature lines of `layout`.
    ///
    /// - After an inline forward marker every line is forwarded; after "Original Message" or an
    ///   "On … wrote:" attribution, quoted.
    /// - The signature of each region (the message itself, each forwarded message): after a
    ///   `-- ` line; else after the last sign-off line ("Best regards,") near the end; else from
    ///   the last short line near the end that holds the sender's name.
    static func annotate(_ layout: inout TextLayout, bytes: [UInt8], senderNames: Set<String>, vocabulary: Vocabulary) {
        var lines = layout.lines
        // Taken out rather than shared, so that marking them changes them in place: a text of
        // millions of lines is not copied.
        layout.lines = []
        let tokens = layout.tokens
        // Copies, so that the closures below never read `lines` while it is being changed.
        let firstTokenOfLine = layout.firstTokenOfLine
        let lineCount = lines.count
        func lineTokens(_ i: Int) -> Range<Int> {
            let start = firstTokenOfLine[i]
            let end = i + 1 < lineCount ? firstTokenOfLine[i + 1] : tokens.count
            return start..<max(start, end)
        }
        // A set none of whose anchor words is in the text matches no line: asked once per set,
        // not once per line.
        let index = layout.index
        let possible = (forward: vocabulary.forwardMarkers.mayOccur(in: index),
                        original: vocabulary.originalMarkers.mayOccur(in: index),
                        reply: vocabulary.replyAttributions.mayOccur(in: index))
        func lineMatches(_ set: PhraseSet, _ i: Int) -> Bool {
            set.occurs(in: tokens, lineTokens(i), text: bytes) != nil
        }
        // Regions: [start, end) of lines, each with the names of its sender.
        var regions: [(start: Int, end: Int, names: Set<String>)] = []
        var regionStart = 0
        var regionNames = senderNames
        var state: LineInfo.Flags = []
        var i = 0
        while i < lines.count {
            if lines[i].flags.contains(.blank) { lines[i].flags.formUnion(state); i += 1; continue }
            let range = lineTokens(i)
            let short = lines[i].end - lines[i].start <= 120
            if short, possible.forward, lineMatches(vocabulary.forwardMarkers, i) {
                regions.append((regionStart, i, regionNames))
                state = [.forwarded]
                lines[i].flags.formUnion([.forwarded, .forwardHeader])
                // The forwarded header block: its From names the forwarded sender.
                var j = i + 1
                var names = Set<String>()
                while j < lines.count, j <= i + 10 {
                    if lines[j].flags.contains(.blank) { if j > i + 1 { break } else { j += 1; continue } }
                    let fieldTokens = lineTokens(j)
                    guard let first = fieldTokens.first,
                          let field = vocabulary.headerFields.longestMatch(at: first, in: tokens, limit: fieldTokens.upperBound, text: bytes),
                          tokens[field.last].flags.contains(.colonAfter) else { break }
                    lines[j].flags.formUnion([.forwarded, .forwardHeader])
                    if ["from", "de", "von", "da"].contains(tokens[first].norm(in: bytes)) {
                        let text = String(decoding: bytes[lines[j].start..<lines[j].end], as: UTF8.self)
                        names = MessageAnalysis.names(text, address: nil).subtracting(["from"])
                    }
                    j += 1
                }
                regionStart = j
                regionNames = names
                i = j
                continue
            }
            if short, possible.original, lineMatches(vocabulary.originalMarkers, i) {
                regions.append((regionStart, i, regionNames))
                state = [.quoted, .reply]
                lines[i].flags.formUnion([.quoted, .reply])
                regionStart = lines.count
                i += 1
                continue
            }
            // "On Tue, … wrote:" / "Le … a écrit :" (possibly wrapped onto the next line) before quotes.
            if !state.contains(.quoted), let last = range.last, tokens[last].flags.contains(.colonAfter),
               possible.reply, lineMatches(vocabulary.replyAttributions, i) {
                var k = i + 1
                while k < lines.count, lines[k].flags.contains(.blank) { k += 1 }
                if k < lines.count, lines[k].flags.contains(.quoted) {
                    regions.append((regionStart, i, regionNames))
                    state = [.quoted, .reply]
                    lines[i].flags.formUnion([.quoted, .reply])
                    regionStart = lines.count
                    i += 1
                    continue
                }
            }
            lines[i].flags.formUnion(state)
            i += 1
        }
        regions.append((regionStart, lines.count, regionNames))

        for region in regions where region.start < region.end {
            markSignature(&lines, region.start, region.end, names: region.names, tokens: tokens,
                          lineTokens: lineTokens, lineMatches: lineMatches, bytes: bytes, vocabulary: vocabulary, index: index)
        }
        layout.lines = lines
    }

    private static func markSignature(_ lines: inout [LineInfo], _ start: Int, _ rawEnd: Int, names: Set<String>,
                                      tokens: [Token], lineTokens: (Int) -> Range<Int>, lineMatches: (PhraseSet, Int) -> Bool,
                                      bytes: [UInt8], vocabulary: Vocabulary, index: WordIndex) {
        // The region ends before any quoted lines that close it.
        var end = rawEnd
        while end > start, lines[end - 1].flags.contains(.quoted) || lines[end - 1].flags.contains(.blank) { end -= 1 }
        guard end > start else { return }
        var nonBlank: [Int] = []
        for i in start..<end where !lines[i].flags.contains(.blank) { nonBlank.append(i) }
        guard !nonBlank.isEmpty else { return }
        func mark(from first: Int) {
            for i in first..<end { lines[i].flags.insert(.signature) }
        }
        // 1. The `-- ` delimiter (RFC 3676).
        for i in nonBlank {
            let start = lines[i].start, length = lines[i].end - start
            if (length == 2 || length == 3), bytes[start] == 0x2D, bytes[start + 1] == 0x2D, length == 2 || bytes[start + 2] == 0x20 {
                mark(from: i)
                return
            }
        }
        if vocabulary.sentFrom.mayOccur(in: index) {
            for i in nonBlank where lineMatches(vocabulary.sentFrom, i) { lines[i].flags.insert(.signature) }
        }
        // 2. The last sign-off line among the last lines, not the greeting at the top.
        let tail = nonBlank.suffix(12)
        for i in tail.reversed() {
            guard i != nonBlank[0], lines[i].end - lines[i].start <= 60 else { continue }
            let range = lineTokens(i)
            guard !range.isEmpty, range.count <= 8 else { continue }
            // The sign-off is the whole line (a few words and a comma), or starts it.
            if let match = vocabulary.signoffs.longestMatch(at: range.lowerBound, in: tokens, limit: range.upperBound, text: bytes),
               match.last >= range.upperBound - 3 {
                let after = nonBlank.filter { $0 > i }
                if after.count <= 8 {
                    mark(from: i)
                    return
                }
            }
        }
        // 3. A short line with the sender's name near the end, and what follows it.
        guard !names.isEmpty else { return }
        for i in nonBlank.suffix(6) {
            guard lines[i].end - lines[i].start <= 80, i != nonBlank[0] else { continue }
            let range = lineTokens(i)
            guard range.count <= 10 else { continue }
            if range.contains(where: { names.contains(tokens[$0].norm(in: bytes)) }) {
                mark(from: i)
                return
            }
        }
    }
}

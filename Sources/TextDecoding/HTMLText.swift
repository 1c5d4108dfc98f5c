/// HTML to readable plain text, for reading mail bodies rather than rendering them.
public enum HTMLText {
    /// Readable plain text from HTML that keeps link targets: `<a href="https://x">label</a>` → `label <https://x>`
    /// (just the URL when the label is the URL itself; skip `#` and `javascript:` targets), `<img alt="...">` → its alt text,
    /// drop script/style/head/template contents and comments, block elements (p, div, br, li, tr, h1-h6, table, blockquote, hr)
    /// become line breaks, li gets "- ", table cells separated by " | " or a tab, whitespace collapsed as a browser would
    /// (but <pre> kept), all named entities that matter in mail (at least nbsp, amp, lt, gt, quot, apos, and the Latin-1
    /// accented letters: eacute, egrave, agrave, ccedil, ecirc, ocirc, uuml, laquo, raquo, rsquo, lsquo, ldquo, rdquo,
    /// ndash, mdash, hellip, euro, copy, reg, trade, ...) and numeric ones (decimal and hex, invalid → U+FFFD).
    /// Must stay linear on huge or broken HTML (unclosed tags, unclosed comments, `<` in text, 500 KB of nested tags).
    ///
    /// Further contract:
    /// - Table cells are separated by " | "; p, h1-h6, blockquote, hr and pre give a blank line, other blocks one
    ///   line break; never more than one blank line in a row; no leading or trailing blank space in the result.
    /// - Each line inside a blockquote starts with "> " (once per level), as plain-text mail quotes: a reply's
    ///   earlier message and a text the writer quotes on purpose read as quoted, not as the writer's own.
    /// - `&nbsp;` becomes an ordinary space and collapses like one (outside <pre>).
    /// - The label/URL comparison ignores case, an http://, https:// or mailto: prefix and a trailing "/";
    ///   a link with an empty label gives the bare URL. `vbscript:` targets are skipped like `javascript:`.
    /// - Head content is dropped as a browser would: title, style and script text; other text in <head>
    ///   ends the head, as in browsers (so it cannot be used to hide text a reader would see).
    /// - Unclosed comments and unterminated tags swallow the rest of the input, as in browsers; unclosed
    ///   script/style/title drop the rest. Text hidden with CSS (display:none) is not detected.
    /// - The HTML 4 entity set plus `&apos;`; the Latin-1 ones and `&amp; &lt; &gt; &quot;` also without ";".
    ///   Numeric references 0x80-0x9F map through windows-1252, as browsers do.
    public static func text(fromHTML html: String) -> String {
        var h = html
        let bytes = h.withUTF8 { buf in
            var c = Converter(UnsafeRawBufferPointer(buf))
            c.run()
            return c.finish()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    enum Tag {
        case a, img, br, pre, li, listEnd, cell, row, paragraph, quote, block, head, body, template
        /// Elements whose raw-text content is dropped whole (script, style, title, ...).
        case rawDrop
        /// Elements allowed in <head> that don't end it.
        case headOnly
        case other
    }

    static let tags: [String: Tag] = {
        var t: [String: Tag] = [
            "a": .a, "img": .img, "br": .br, "pre": .pre, "listing": .pre, "xmp": .pre, "li": .li,
            "td": .cell, "th": .cell, "tr": .row, "head": .head, "body": .body, "template": .template,
            "script": .rawDrop, "style": .rawDrop, "title": .rawDrop, "iframe": .rawDrop, "noembed": .rawDrop,
            "noframes": .rawDrop, "meta": .headOnly, "link": .headOnly, "base": .headOnly, "basefont": .headOnly,
            "bgsound": .headOnly, "noscript": .headOnly, "html": .headOnly,
            "ul": .listEnd, "ol": .listEnd, "dl": .listEnd, "menu": .listEnd,
        ]
        for p in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "hr"] { t[p] = .paragraph }
        t["blockquote"] = .quote
        for b in [
            "div", "table", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "form",
            "fieldset", "address", "figure", "figcaption", "center", "caption", "thead", "tbody", "tfoot", "details",
            "summary", "legend", "option", "hgroup", "frameset", "frame",
        ] { t[b] = .block }
        return t
    }()

    /// Byte classes for the text loop.
    static let plain: UInt8 = 0, space: UInt8 = 1, lt: UInt8 = 2, amp: UInt8 = 3, cr: UInt8 = 4, nul: UInt8 = 5

    static let classes: [UInt8] = {
        var t = [UInt8](repeating: plain, count: 256)
        for c in [0x20, 0x09, 0x0A, 0x0C] { t[c] = space }
        t[0x0D] = cr
        t[0] = nul
        t[Int(UInt8(ascii: "<"))] = lt
        t[Int(UInt8(ascii: "&"))] = amp
        return t
    }()

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isHTMLSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }

    struct Converter {
        let s: UnsafeRawBufferPointer
        var out: [UInt8] = []
        var pendingSpace = false
        var pendingBreaks = 0
        var pendingCellSep = false
        var pendingBullet = false
        var preDepth = 0
        /// Open blockquotes: each line of their content starts with one "> " per level. Bounded,
        /// so that 100,000 nested blockquotes cost no more per line than 8 do.
        var quoteDepth = 0
        static let maxQuotePrefix = 8
        var templateDepth = 0
        var inHead = false
        /// Drop a newline right after <pre> (the HTML parser does).
        var skipPreNewline = false
        var linkHref: [UInt8]? = nil
        var linkStart = 0
        /// `out.count` right after a " <url>" suffix: a word glued to it gets a space ("x <u>y" reads badly).
        var linkSuffixEnd = -1

        init(_ s: UnsafeRawBufferPointer) {
            self.s = s
            out.reserveCapacity(s.count / 2 + 16)
        }

        var suppressed: Bool { templateDepth > 0 || inHead }

        // MARK: Output

        /// Settles pending separators before content starting with byte `next` is appended.
        mutating func beforeContent(_ next: UInt8 = 0) {
            if out.count == linkSuffixEnd && pendingBreaks == 0 && !pendingSpace && !pendingCellSep
                && (HTMLText.isAlpha(next) || HTMLText.isDigit(next) || next >= 0x80)
            {
                pendingSpace = true
            }
            if out.isEmpty {
                pendingBreaks = 0
                pendingSpace = false
                pendingCellSep = false
            } else if pendingBreaks > 0 {
                while let last = out.last, last == 0x20 { out.removeLast() }
                var existing = 0
                var k = out.count - 1
                while k >= 0 && existing < 2 && out[k] == 0x0A {
                    existing += 1
                    k -= 1
                }
                var need = min(pendingBreaks, 2) - existing
                while need > 0 {
                    out.append(0x0A)
                    need -= 1
                }
            } else if let last = out.last, last != 0x0A {
                if pendingCellSep {
                    if last == 0x20 { out.removeLast() }
                    out.append(contentsOf: [0x20, 0x7C, 0x20])
                } else if pendingSpace && last != 0x20 {
                    out.append(0x20)
                }
            }
            pendingBreaks = 0
            pendingSpace = false
            pendingCellSep = false
            if quoteDepth > 0, out.isEmpty || out.last == 0x0A {
                for _ in 0..<min(quoteDepth, Self.maxQuotePrefix) { out.append(contentsOf: [0x3E, 0x20]) }
            }
            if pendingBullet {
                pendingBullet = false
                out.append(contentsOf: [0x2D, 0x20])
            }
            skipPreNewline = false
        }

        mutating func requestBreaks(_ k: Int) {
            pendingBreaks = max(pendingBreaks, k)
        }

        /// Text outside <pre>: whitespace collapses into one pending space.
        mutating func emitFlowText(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if HTMLText.isHTMLSpace(c) || c == 0 {
                    pendingSpace = true
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n && !HTMLText.isHTMLSpace(bytes[j]) && bytes[j] != 0 { j += 1 }
                beforeContent(c)
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<j]))
                i = j
            }
        }

        /// A decoded character reference, in text or in <pre>.
        mutating func emitScalar(_ v: UInt32) {
            if suppressed { return }
            if v == 0xA0 || v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0C || v == 0x0D {
                if preDepth > 0 {
                    beforeContent()
                    out.append(v == 0x0A ? 0x0A : 0x20)
                } else {
                    pendingSpace = true
                }
                return
            }
            beforeContent(v >= 0x80 ? 0x80 : UInt8(truncatingIfNeeded: v))
            Charsets.appendScalar(v, to: &out)
        }

        // MARK: Main loop

        mutating func run() {
            let n = s.count
            var i = 0
            HTMLText.classes.withUnsafeBufferPointer { cls in
                while i < n {
                    let c = s[i]
                    switch cls[Int(c)] {
                    case HTMLText.plain:
                        var j = i + 1
                        while j < n && cls[Int(s[j])] == HTMLText.plain { j += 1 }
                        if inHead { inHead = false }  // text in <head> ends it, as in browsers
                        if !suppressed {
                            beforeContent(c)
                            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: s[i..<j]))
                        }
                        i = j
                    case HTMLText.space:
                        if preDepth > 0 && !suppressed {
                            if c == 0x0A && skipPreNewline {
                                skipPreNewline = false
                            } else {
                                beforeContent()
                                out.append(c == 0x0C ? 0x20 : c)
                            }
                        } else {
                            pendingSpace = true
                        }
                        i += 1
                    case HTMLText.amp:
                        if inHead { inHead = false }
                        i = entity(at: i)
                    case HTMLText.lt:
                        i = markup(at: i)
                    default:
                        // CR (kept only as part of line ends, which LF already gives) and NUL are dropped,
                        // but CR still separates words outside <pre>.
                        if c == 0x0D && preDepth == 0 { pendingSpace = true }
                        i += 1
                    }
                }
            }
        }

        mutating func finish() -> [UInt8] {
            closeLink()
            var end = out.count
            while end > 0 && (out[end - 1] == 0x20 || out[end - 1] == 0x0A || out[end - 1] == 0x09) { end -= 1 }
            var start = 0
            while start < end && (out[start] == 0x20 || out[start] == 0x0A || out[start] == 0x09) { start += 1 }
            if start == 0 && end == out.count { return out }
            return Array(out[start..<end])
        }

        // MARK: Entities

        /// Decodes a character reference at `i` ("&"), emitting it; returns the index after it.
        mutating func entity(at i: Int) -> Int {
            if let (v, next) = HTMLText.decodeEntity(s, at: i, inAttribute: false) {
                emitScalar(v)
                return next
            }
            if !suppressed {
                beforeContent()
                out.append(0x26)
            }
            return i + 1
        }

        // MARK: Markup

        /// Handles markup starting with "<" at `i`; returns the index after it.
        mutating func markup(at i: Int) -> Int {
            let n = s.count
            guard i + 1 < n else {
                literalLT()
                return i + 1
            }
            let c1 = s[i + 1]
            if c1 == UInt8(ascii: "!") {
                if i + 3 < n && s[i + 2] == UInt8(ascii: "-") && s[i + 3] == UInt8(ascii: "-") {
                    return HTMLText.commentEnd(s, from: i + 4)
                }
                return HTMLText.index(of: UInt8(ascii: ">"), in: s, from: i + 2).map { $0 + 1 } ?? n
            }
            if c1 == UInt8(ascii: "?") {
                return HTMLText.index(of: UInt8(ascii: ">"), in: s, from: i + 2).map { $0 + 1 } ?? n
            }
            if c1 == UInt8(ascii: "/") {
                guard i + 2 < n else {
                    literalLT()
                    return i + 1
                }
                if HTMLText.isAlpha(s[i + 2]) {
                    let t = HTMLText.parseTag(s, nameAt: i + 2, wantAttributes: false)
                    endTag(t.tag)
                    return t.end
                }
                // "</>" is ignored; "</ ..." and the like are bogus comments up to ">".
                return HTMLText.index(of: UInt8(ascii: ">"), in: s, from: i + 2).map { $0 + 1 } ?? n
            }
            if HTMLText.isAlpha(c1) {
                let t = HTMLText.parseTag(s, nameAt: i + 1, wantAttributes: true)
                return startTag(t)
            }
            literalLT()
            return i + 1
        }

        mutating func literalLT() {
            if inHead { inHead = false }
            if suppressed { return }
            beforeContent()
            out.append(UInt8(ascii: "<"))
        }

        mutating func startTag(_ t: ParsedTag) -> Int {
            if inHead {
                switch t.tag {
                case .headOnly, .rawDrop, .template, .head: break
                default: inHead = false
                }
            }
            switch t.tag {
            case .rawDrop:
                return HTMLText.rawTextEnd(s, from: t.end, name: t.nameRange)
            case .template:
                templateDepth += 1
                return t.end
            case .head:
                if out.isEmpty && !inHead { inHead = true }
                return t.end
            case .body:
                inHead = false
                return t.end
            default:
                break
            }
            if suppressed { return t.end }
            switch t.tag {
            case .a:
                closeLink()
                if let href = t.href, let url = HTMLText.usableURL(s, href) {
                    linkHref = url
                    linkStart = out.count
                }
            case .img:
                if let alt = t.alt {
                    let decoded = HTMLText.decodeAttribute(s, alt)
                    decoded.withUnsafeBytes { emitFlowText($0) }
                }
            case .br:
                if preDepth > 0 {
                    beforeContent()
                    out.append(0x0A)
                } else {
                    pendingBreaks += 1
                    pendingBullet = false
                }
            case .pre:
                requestBreaks(2)
                preDepth += 1
                skipPreNewline = true
            case .li:
                requestBreaks(1)
                pendingBullet = true
            case .listEnd, .block:
                requestBreaks(1)
            case .paragraph:
                requestBreaks(2)
            case .quote:
                requestBreaks(2)
                quoteDepth += 1
            case .row:
                requestBreaks(1)
            case .cell:
                pendingCellSep = true
            default:
                break
            }
            return t.end
        }

        mutating func endTag(_ tag: Tag) {
            switch tag {
            case .template:
                if templateDepth > 0 { templateDepth -= 1 }
                return
            case .head:
                inHead = false
                return
            default:
                break
            }
            if suppressed { return }
            switch tag {
            case .a:
                closeLink()
            case .pre:
                if preDepth > 0 { preDepth -= 1 }
                requestBreaks(2)
            case .paragraph:
                requestBreaks(2)
            case .quote:
                if quoteDepth > 0 { quoteDepth -= 1 }
                requestBreaks(2)
            case .li, .listEnd:
                pendingBullet = false
                requestBreaks(1)
            case .block, .row:
                requestBreaks(1)
            case .br:
                pendingBreaks += 1  // "</br>" is a <br> in browsers
            default:
                break
            }
        }

        /// Ends the open link: appends " <url>" unless the label already is the URL.
        mutating func closeLink() {
            guard let href = linkHref else { return }
            linkHref = nil
            let start = min(linkStart, out.count)
            var a = start, b = out.count
            while a < b && (out[a] == 0x20 || out[a] == 0x0A) { a += 1 }
            while b > a && (out[b - 1] == 0x20 || out[b - 1] == 0x0A) { b -= 1 }
            if a == b {
                beforeContent()
                out.append(contentsOf: href)
                linkSuffixEnd = out.count
                return
            }
            if HTMLText.sameURL(out[a..<b], href[...]) { return }
            out.append(0x20)
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: href)
            out.append(UInt8(ascii: ">"))
            linkSuffixEnd = out.count
        }
    }

    // MARK: - Tag parsing

    struct ParsedTag {
        var tag: Tag
        var nameRange: Range<Int>
        /// Index after the closing ">" (or the input's end when there is none).
        var end: Int
        var href: Range<Int>?
        var alt: Range<Int>?
    }

    /// Parses a tag whose name starts at `nameAt`, attributes included (quoted values may hold ">").
    /// Every step advances, so the cost is the tag's length.
    static func parseTag(_ s: UnsafeRawBufferPointer, nameAt: Int, wantAttributes: Bool) -> ParsedTag {
        let n = s.count
        var j = nameAt
        while j < n {
            let c = s[j]
            if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") { break }
            j += 1
        }
        let nameRange = nameAt..<j
        var result = ParsedTag(tag: tagKind(s, nameRange), nameRange: nameRange, end: n, href: nil, alt: nil)
        let wantHref = wantAttributes && result.tag == .a
        let wantAlt = wantAttributes && result.tag == .img
        while j < n {
            var c = s[j]
            if isHTMLSpace(c) || c == UInt8(ascii: "/") {
                j += 1
                continue
            }
            if c == UInt8(ascii: ">") {
                result.end = j + 1
                return result
            }
            // Attribute name (a leading "=" belongs to the name, as in HTML5).
            let an = j
            j += 1
            while j < n {
                c = s[j]
                if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                j += 1
            }
            let attrName = an..<j
            while j < n && isHTMLSpace(s[j]) { j += 1 }
            guard j < n, s[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < n && isHTMLSpace(s[j]) { j += 1 }
            guard j < n else { break }
            let value: Range<Int>
            let q = s[j]
            if q == 0x22 || q == 0x27 {
                let vs = j + 1
                let ve = index(of: q, in: s, from: vs) ?? n
                value = vs..<ve
                j = min(ve + 1, n)
            } else {
                let vs = j
                while j < n && !isHTMLSpace(s[j]) && s[j] != UInt8(ascii: ">") { j += 1 }
                value = vs..<j
            }
            if wantHref && result.href == nil && nameIs(s, attrName, "href") { result.href = value }
            if wantAlt && result.alt == nil && nameIs(s, attrName, "alt") { result.alt = value }
        }
        result.end = n
        return result
    }

    static func nameIs(_ s: UnsafeRawBufferPointer, _ r: Range<Int>, _ lower: StaticString) -> Bool {
        guard r.count == lower.utf8CodeUnitCount else { return false }
        let p = lower.utf8Start
        for (k, i) in r.enumerated() where s[i] | 0x20 != p[k] { return false }
        return true
    }

    static func tagKind(_ s: UnsafeRawBufferPointer, _ r: Range<Int>) -> Tag {
        // Every name in the table is at most 10 bytes; building a String of up to 15 ASCII bytes
        // stays in the small-string representation, so this does not allocate.
        guard r.count <= 10 else { return .other }
        var bytes: (UInt64, UInt64) = (0, 0)
        let name = withUnsafeMutableBytes(of: &bytes) { buf -> String in
            for (k, i) in r.enumerated() {
                let c = s[i]
                buf[k] = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buf[0..<r.count]), as: UTF8.self)
        }
        return tags[name] ?? .other
    }

    static func index(of byte: UInt8, in s: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        let n = s.count
        while i < n {
            if s[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// End of a comment whose body starts at `from` (after "<!--"): after "-->", or the input's end.
    /// "<!-->" and "<!--->" are complete empty comments, as in HTML5.
    static func commentEnd(_ s: UnsafeRawBufferPointer, from: Int) -> Int {
        let n = s.count
        if from < n && s[from] == UInt8(ascii: ">") { return from + 1 }
        if from + 1 < n && s[from] == UInt8(ascii: "-") && s[from + 1] == UInt8(ascii: ">") { return from + 2 }
        var i = from
        while i + 2 < n {
            if s[i] == UInt8(ascii: "-") && s[i + 1] == UInt8(ascii: "-") {
                if s[i + 2] == UInt8(ascii: ">") { return i + 3 }
                // "--!>" also closes a comment.
                if s[i + 2] == UInt8(ascii: "!") && i + 3 < n && s[i + 3] == UInt8(ascii: ">") { return i + 4 }
            }
            i += 1
        }
        return n
    }

    /// Skips raw text up to and past "</name" + (blank, "/" or ">") in any case; the input's end if absent.
    static func rawTextEnd(_ s: UnsafeRawBufferPointer, from: Int, name: Range<Int>) -> Int {
        let n = s.count
        let len = name.count
        var i = from
        while i < n {
            guard let lt = index(of: UInt8(ascii: "<"), in: s, from: i) else { return n }
            i = lt + 1
            guard lt + 2 + len <= n, s[lt + 1] == UInt8(ascii: "/") else { continue }
            var match = true
            for k in 0..<len where s[lt + 2 + k] | 0x20 != s[name.lowerBound + k] | 0x20 {
                match = false
                break
            }
            guard match else { continue }
            let after = lt + 2 + len
            if after == n { return n }
            let c = s[after]
            if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") {
                return index(of: UInt8(ascii: ">"), in: s, from: after).map { $0 + 1 } ?? n
            }
        }
        return n
    }

    // MARK: - Entities and attributes

    /// Decodes "&..." at `i`: (scalar, index after the reference), or nil when it is not a reference.
    static func decodeEntity(_ s: UnsafeRawBufferPointer, at i: Int, inAttribute: Bool) -> (UInt32, Int)? {
        let n = s.count
        var j = i + 1
        guard j < n else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n && (s[j] | 0x20) == UInt8(ascii: "x") {
                hex = true
                j += 1
            }
            let digitsStart = j
            var v: UInt32 = 0
            while j < n {
                let c = s[j]
                let d: UInt32
                if isDigit(c) {
                    d = UInt32(c - 0x30)
                } else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                    d = UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                // Saturate past the Unicode range instead of overflowing.
                if v <= 0x10FFFF { v = v * (hex ? 16 : 10) + d }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < n && s[j] == UInt8(ascii: ";") { j += 1 }
            if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return (0xFFFD, j) }
            if v >= 0x80 && v <= 0x9F { return (UInt32(Charsets.cp1252High[Int(v - 0x80)]), j) }
            return (v, j)
        }
        let nameStart = j
        while j < n && (isAlpha(s[j]) || isDigit(s[j])) && j - nameStart <= 32 { j += 1 }
        let len = j - nameStart
        guard len > 0, len <= 8 else { return nil }
        guard let v = HTMLEntities.table[HTMLEntities.pack(s, nameStart, j)] else { return nil }
        if j < n && s[j] == UInt8(ascii: ";") { return (v, j + 1) }
        guard HTMLEntities.isLegacy(v) else { return nil }
        if inAttribute && j < n && (s[j] == UInt8(ascii: "=") || isAlpha(s[j]) || isDigit(s[j])) { return nil }
        return (v, j)
    }

    /// An attribute value with character references decoded, as UTF-8 bytes.
    static func decodeAttribute(_ s: UnsafeRawBufferPointer, _ r: Range<Int>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        let sub = UnsafeRawBufferPointer(rebasing: s[..<r.upperBound])
        while i < r.upperBound {
            let c = s[i]
            if c == UInt8(ascii: "&"), let (v, next) = decodeEntity(sub, at: i, inAttribute: true) {
                Charsets.appendScalar(v == 0xA0 ? 0x20 : v, to: &out)
                i = next
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The href to show, or nil for "#..." fragments, script URLs and empty values. Leading and trailing
    /// blanks and controls are trimmed and tabs/line breaks inside removed (browsers ignore them, and
    /// "java\tscript:" must not slip through).
    static func usableURL(_ s: UnsafeRawBufferPointer, _ r: Range<Int>) -> [UInt8]? {
        var url = decodeAttribute(s, r)
        url.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var a = 0, b = url.count
        while a < b && url[a] <= 0x20 { a += 1 }
        while b > a && url[b - 1] <= 0x20 { b -= 1 }
        guard a < b else { return nil }
        if a > 0 || b < url.count { url = Array(url[a..<b]) }
        if url[0] == UInt8(ascii: "#") { return nil }
        if hasPrefixIgnoringCase(url[...], "javascript:") || hasPrefixIgnoringCase(url[...], "vbscript:") { return nil }
        return url
    }

    static func hasPrefixIgnoringCase(_ b: ArraySlice<UInt8>, _ lower: StaticString) -> Bool {
        let n = lower.utf8CodeUnitCount
        guard b.count >= n else { return false }
        let p = lower.utf8Start
        var k = 0
        for c in b.prefix(n) {
            let l = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            if l != p[k] { return false }
            k += 1
        }
        return true
    }

    /// Label and URL name the same place: equal ignoring ASCII case, a leading http://, https:// or
    /// mailto:, and a trailing "/".
    static func sameURL(_ label: ArraySlice<UInt8>, _ url: ArraySlice<UInt8>) -> Bool {
        func core(_ x: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var y = x
            for p: StaticString in ["https://", "http://", "mailto:"] where hasPrefixIgnoringCase(y, p) {
                y = y.dropFirst(p.utf8CodeUnitCount)
                break
            }
            while let last = y.last, last == UInt8(ascii: "/") { y = y.dropLast() }
            return y
        }
        let a = core(label), b = core(url)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            let lx = (x >= 0x41 && x <= 0x5A) ? x | 0x20 : x
            let ly = (y >= 0x41 && y <= 0x5A) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }
}

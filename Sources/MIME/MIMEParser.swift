import CEtPan
#if canImport(Glibc)
import Glibc
#endif
import TextDecoding

/// Limits on what one message may cost. Past a limit the message is still reported, with
/// `Message.scan.complete == false` and the limit named in `scan.limits`.
public struct MIMELimits: Sendable, Equatable {
    /// Bytes parsed; the rest of a larger message is not scanned.
    public var maxMessageSize: Int
    /// MIME nesting levels below the top-level body that are visited.
    public var maxDepth: Int
    /// Parts visited (and Content-Type fields handed to libetpan).
    public var maxParts: Int
    /// Bytes of one header block that are read.
    public var maxHeaderBytes: Int

    public init(maxMessageSize: Int = 32 << 20, maxDepth: Int = 32, maxParts: Int = 1000, maxHeaderBytes: Int = 1 << 20) {
        self.maxMessageSize = max(1, maxMessageSize)
        self.maxDepth = max(0, maxDepth)
        self.maxParts = max(1, maxParts)
        self.maxHeaderBytes = max(1, maxHeaderBytes)
    }
}

public struct MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Raw bytes to `Message`, through libetpan.
///
/// Ownership: every libetpan structure made here is freed before `parse` returns (each parse
/// result with `mailmime_free`, each address list with its own free function). The parse trees
/// point into `ByteStore`s that outlive them.
public enum MIMEParser {
    public static func parse(_ bytes: [UInt8], limits: MIMELimits = MIMELimits()) throws(MIMEError) -> Message {
        var walker = Walker(limits: limits)
        return try walker.run(bytes)
    }
}

private typealias Node = UnsafeMutablePointer<mailmime>

/// Where a node sits, decided by its parent.
private struct Place {
    var parent: Int?
    var section: String
    var depth: Int
    var store: ByteStore
    /// `store`'s bytes, pinned while libetpan's tree for them is walked; nil until then.
    var base: UnsafePointer<CChar>? = nil
    /// Offset of `store`'s first byte in the top-level message; nil for a decoded sub-message.
    var messageOffset: Int?
    /// Set when the node is the body of a message: its header block is the message's, at this offset.
    var messageHeaderStart: Int?
    /// That header block, already read for the message itself (read once, not twice).
    var messageHeaders: Headers? = nil
}

/// What is left to visit: a node of a parsed tree, or a decoded message still to be parsed.
private enum Work {
    case node(Node, Place)
    case message(Place)
}

private struct Walker {
    let limits: MIMELimits
    var parts: [Part] = []
    var hits: [LimitHit] = []
    var depthReported = false
    var partsReported = false
    var headersReported = false

    init(limits: MIMELimits) { self.limits = limits }

    mutating func run(_ input: [UInt8]) throws(MIMEError) -> Message {
        guard !input.isEmpty else { throw MIMEError(message: "empty message: no bytes to parse") }
        let pre = PreScan.run(input, limits: limits)
        hits.append(contentsOf: pre.limits)
        let store = ByteStore(pre.bytes)
        let header = messageHeaders(store: store, at: 0)
        // Text without header fields is read as a body (mail tools do the same); binary data
        // without them (a PDF, an Outlook .msg, random bytes) is not a message: say so rather
        // than report meaningless results.
        if header.headers.count == 0, store.withBytes(0..<min(store.count, 1024), { $0.contains(0) }) {
            throw MIMEError(message: "not an RFC 5322 message: binary data without header fields")
        }
        let parsed = parseAndWalk(Place(parent: nil, section: "", depth: 0, store: store, messageOffset: pre.skipped,
                                        messageHeaderStart: 0, messageHeaders: header.headers))
        guard parsed else { throw MIMEError(message: "libetpan could not parse the message: no MIME structure found") }
        if parts.isEmpty {
            // A message whose body libetpan could not locate: report the headers with an empty text body.
            let end = store.count
            parts.append(Part(
                index: 0, parent: nil, children: [], section: "1", depth: 0, kind: .leaf, headers: header.headers,
                contentType: .defaultText, transferEncoding: .sevenBit, disposition: nil, filename: nil, contentID: nil,
                embedded: nil, text: TextContent(text: "", html: nil, declaredCharset: nil, charset: "us-ascii", lossy: false),
                embeddedFiles: [], defects: ["no body found"], store: store, bodyRange: end..<end, messageOffset: end + pre.skipped))
        }
        return Message(size: input.count, header: header, parts: parts, scan: ScanReport(limits: hits))
    }

    /// Parses the message in `place.store` with libetpan and visits its body at `place`. The
    /// bytes stay pinned, and the tree alive, only for this call: the tree is freed before it
    /// returns. False when libetpan could not parse the bytes.
    mutating func parseAndWalk(_ place: Place) -> Bool {
        place.store.withPinnedBytes { base, count in
            var index = 0
            var result: Node? = nil
            let code = mailmime_parse(base, count, &index, &result)
            defer { if let result { mailmime_free(result) } }
            guard code == Int32(MAILIMF_NO_ERROR), let top = result else { return false }
            if let body = top.pointee.mm_data.mm_message.mm_msg_mime {
                var pinned = place
                pinned.base = base
                walk(body, pinned)
            }
            return true
        }
    }

    /// Visits `start` and everything below it, depth first in document order, with an explicit
    /// stack: deep trees must not overflow the thread's stack. A decoded message found on the way
    /// is parsed and walked at once, in its own pinned scope (nesting bounded by max_depth).
    mutating func walk(_ start: Node, _ place: Place) {
        var stack: [Work] = [.node(start, place)]
        while let work = stack.popLast() {
            let place: Place
            switch work {
            case .node(_, let p), .message(let p): place = p
            }
            if parts.count >= limits.maxParts {
                if !partsReported {
                    partsReported = true
                    hits.append(LimitHit(kind: .parts, detail: "stopped after \(limits.maxParts) parts (max_parts)"))
                }
                return
            }
            if place.depth > limits.maxDepth {
                if !depthReported {
                    depthReported = true
                    hits.append(LimitHit(kind: .depth, detail: "parts nested deeper than \(limits.maxDepth) levels were not scanned (max_depth)"))
                }
                continue
            }
            switch work {
            case .node(let node, let place):
                stack.append(contentsOf: visit(node, place).reversed())
            case .message(let place):
                if !parseAndWalk(place), let parent = place.parent {
                    parts[parent].defects.append("encapsulated message could not be parsed")
                }
            }
        }
    }

    /// Builds the part for `node`, appends it, links it to its parent, and returns its children.
    mutating func visit(_ node: Node, _ place: Place) -> [Work] {
        let store = place.store
        let mm = node.pointee
        let index = parts.count
        var defects: [String] = []

        let headerStart = place.messageHeaderStart ?? offset(mm.mm_mime_start, in: place) ?? 0
        // RFC 2046 5.1.1: a body part that starts with an empty line has no header fields.
        // libetpan 1.9.4 skips that line and reads the lines after it as the part's fields; heed
        // gives them back to the body, where the text (or, in a digest, the message's header) is.
        let headerlessBodyStart = place.messageHeaderStart == nil && place.parent != nil
            ? Self.startAfterEmptyLine(store, at: headerStart) : nil
        let inDigest = place.messageHeaderStart == nil && place.parent.map { parts[$0].contentType.mediaType == "multipart/digest" } == true
        let headers = headerlessBodyStart == nil ? place.messageHeaders ?? headerFields(store: store, at: headerStart) : Headers([])
        let fields = headerlessBodyStart == nil ? MIMEFields(mm.mm_mime_fields) : MIMEFields(nil)
        var contentType = headerlessBodyStart == nil
            ? ContentTypeReader.read(mm.mm_content_type) ?? (inDigest ? .defaultDigestPart : .defaultText)
            : (inDigest ? .defaultDigestPart : .defaultText)
        if contentType.type == "multipart", mm.mm_type != Int32(MAILMIME_MULTIPLE) {
            defects.append("multipart without a usable boundary: read as text")
        }
        if mm.mm_type == Int32(MAILMIME_MULTIPLE), contentType.type != "multipart" {
            contentType = ContentType(type: "multipart", subtype: "mixed", parameters: contentType.parameters)
        }

        var bodyRange = range(of: mm.mm_body, in: place) ?? store.count..<store.count
        if let start = headerlessBodyStart, mm.mm_type != Int32(MAILMIME_MULTIPLE) {
            bodyRange = start..<max(start, bodyRange.upperBound)
        }
        let kind: PartKind
        var children: [Work] = []
        var embedded: MessageHeaders? = nil
        var text: TextContent? = nil
        var files: [EmbeddedFile] = []
        // IMAP numbering: the body of a message is "1" (or "N.1" inside message part N) unless it is
        // a multipart, which has no number of its own and lends its children the message's prefix.
        let isMultipart = mm.mm_type == Int32(MAILMIME_MULTIPLE)
        let section: String
        if place.messageHeaderStart != nil, !isMultipart {
            section = place.section.isEmpty ? "1" : "\(place.section).1"
        } else {
            section = place.section
        }

        switch Int(mm.mm_type) {
        case Int(MAILMIME_MULTIPLE):
            kind = .multipart
            var iter = heed_clist_first(mm.mm_data.mm_multipart.mm_mp_list)
            var number = 0
            while let cell = iter {
                iter = heed_clist_next(cell)
                guard let child = heed_clist_content(cell)?.assumingMemoryBound(to: mailmime.self) else { continue }
                number += 1
                children.append(.node(child, Place(
                    parent: index, section: section.isEmpty ? "\(number)" : "\(section).\(number)",
                    depth: place.depth + 1, store: store, base: place.base, messageOffset: place.messageOffset,
                    messageHeaderStart: nil)))
            }
        case Int(MAILMIME_MESSAGE) where fields.encoding == .sevenBit || fields.encoding == .eightBit || fields.encoding == .binary:
            kind = .message
            let message = messageHeaders(store: store, at: bodyRange.lowerBound)
            embedded = message
            if let body = mm.mm_data.mm_message.mm_msg_mime {
                children.append(.node(body, Place(
                    parent: index, section: section, depth: place.depth + 1, store: store, base: place.base,
                    messageOffset: place.messageOffset, messageHeaderStart: bodyRange.lowerBound,
                    messageHeaders: message.headers)))
            }
        case Int(MAILMIME_MESSAGE), Int(MAILMIME_SINGLE) where Self.isEncapsulated(contentType):
            // A message libetpan did not parse (it does not undo a transfer encoding first, and
            // leaves a base64 message/rfc822 as a single part): decode, then parse on its own.
            kind = .message
            let decoded = store.withBytes(bodyRange) { TransferDecoding.decode($0, encoding: fields.encoding) }
            if let defect = decoded.defect { defects.append(defect) }
            let pre = PreScan.run(decoded.bytes, limits: limits)
            hits.append(contentsOf: pre.limits)
            let inner = ByteStore(pre.bytes)
            let message = messageHeaders(store: inner, at: 0)
            embedded = message
            children.append(.message(Place(
                parent: index, section: section, depth: place.depth + 1, store: inner,
                messageOffset: nil, messageHeaderStart: 0, messageHeaders: message.headers)))
        default:
            kind = .leaf
            if Self.isTextual(contentType) || contentType.type == "multipart" || contentType.type == "message" {
                var decoded = store.withBytes(bodyRange) { TransferDecoding.decode($0, encoding: fields.encoding) }
                if let defect = decoded.defect { defects.append(defect) }
                let declared = contentType.parameter("charset")?.lowercased()
                // Line ends are made LF on the bytes, in place, where the charset keeps CR and LF
                // as single bytes (all but UTF-16/32 and UTF-7): one String is built, not two.
                let asciiCompatible = declared.map { !($0.contains("16") || $0.contains("32") || $0.contains("utf-7")) } ?? true
                if asciiCompatible { Self.normalizeLineEnds(&decoded.bytes) }
                let chars = Charsets.decode(decoded.bytes, declared: declared)
                let body = asciiCompatible ? chars.text : Self.normalizingLineEnds(chars.text)
                if chars.lossy {
                    defects.append("text not valid in \(declared ?? "the undeclared charset"); decoded as \(chars.charset)")
                }
                if contentType.subtype == "html" {
                    text = TextContent(text: Self.normalizingLineEnds(HTMLText.text(fromHTML: body)), html: body,
                                       declaredCharset: declared, charset: chars.charset, lossy: chars.lossy)
                } else {
                    text = TextContent(text: body, html: nil, declaredCharset: declared,
                                       charset: chars.charset, lossy: chars.lossy)
                    if contentType.subtype == "plain", fields.encoding != .uuencode, Self.mayHoldUUEncode(decoded.bytes) {
                        files = decoded.bytes.withUnsafeBytes { UUEncode.decodeBlocks($0) }
                            .map { EmbeddedFile(name: $0.name, bytes: $0.bytes) }
                    }
                }
            }
        }

        let parameters = contentType.parameters
        let filename = fields.dispositionParameters.first { $0.name == "filename" }?.value
            ?? parameters.first { $0.name == "name" }?.value

        let part = Part(
            index: index, parent: place.parent, children: [], section: section,
            depth: place.depth, kind: kind, headers: headers, contentType: contentType,
            transferEncoding: fields.encoding, disposition: fields.disposition, filename: filename.flatMap { $0.isEmpty ? nil : $0 },
            contentID: fields.contentID, embedded: embedded, text: text, embeddedFiles: files, defects: defects,
            store: store, bodyRange: bodyRange, messageOffset: place.messageOffset.map { $0 + bodyRange.lowerBound })
        parts.append(part)
        if let parent = place.parent { parts[parent].children.append(index) }
        return children
    }

    // MARK: headers

    mutating func headerFields(store: ByteStore, at start: Int) -> Headers {
        let result = store.withBytes(0..<store.count) { raw in
            HeaderBlock.parse(raw.assumingMemoryBound(to: UInt8.self), start: start, end: store.count, maxBytes: limits.maxHeaderBytes)
        }
        if result.truncated, !headersReported {
            headersReported = true
            hits.append(LimitHit(kind: .headerBytes, detail: "a header block over \(limits.maxHeaderBytes) bytes was cut (max_header_bytes)"))
        }
        return Headers(result.fields)
    }

    mutating func messageHeaders(store: ByteStore, at start: Int) -> MessageHeaders {
        let headers = headerFields(store: store, at: start)
        func addresses(_ name: String) -> [Address] {
            headers.all(name).flatMap { AddressParser.parse($0.raw) }
        }
        return MessageHeaders(
            headers: headers, subject: headers["Subject"], from: addresses("From"), sender: addresses("Sender"),
            replyTo: addresses("Reply-To"), to: addresses("To"), cc: addresses("Cc"), date: headers["Date"],
            messageID: headers["Message-ID"])
    }

    // MARK: helpers

    /// The offset of `pointer` in the place's pinned bytes, or nil when it points elsewhere.
    func offset(_ pointer: UnsafePointer<CChar>?, in place: Place) -> Int? {
        guard let pointer, let base = place.base else { return nil }
        let distance = base.distance(to: pointer)
        return (0...place.store.count).contains(distance) ? distance : nil
    }

    func range(of data: UnsafeMutablePointer<mailmime_data>?, in place: Place) -> Range<Int>? {
        guard let data, data.pointee.dt_type == Int32(MAILMIME_DATA_TEXT),
              let start = offset(data.pointee.dt_data.dt_text.dt_data, in: place) else { return nil }
        let end = min(place.store.count, start + data.pointee.dt_data.dt_text.dt_length)
        return start..<max(start, end)
    }

    /// `at` when the line before it is empty (libetpan skips the empty line that opens a body part
    /// without header fields, and `mm_mime_start` points after it), else nil. After a delimiter
    /// line the previous line is the delimiter itself, never empty.
    static func startAfterEmptyLine(_ store: ByteStore, at: Int) -> Int? {
        guard at >= 2 else { return nil }
        return store.withBytes((at - min(at, 4))..<at) { b in
            let n = b.count
            guard n >= 2, b[n - 1] == 0x0A else { return nil }
            if b[n - 2] == 0x0A { return at }
            if n >= 3, b[n - 2] == 0x0D, b[n - 3] == 0x0A { return at }
            return nil
        }
    }

    /// message/rfc822 and message/global hold a whole message.
    static func isEncapsulated(_ type: ContentType) -> Bool {
        type.type == "message" && (type.subtype == "rfc822" || type.subtype == "global")
    }

    /// Text a reader would want to read: text/*, and the machine-readable reports mail systems send.
    static func isTextual(_ type: ContentType) -> Bool {
        if type.type == "text" { return true }
        switch type.mediaType {
        case "message/delivery-status", "message/disposition-notification", "message/feedback-report",
             "message/rfc822-headers", "message/global-headers", "message/global-delivery-status":
            return true
        default:
            return false
        }
    }

    /// CR LF and lone CR become LF, so that checks and offsets see one kind of line end (in Swift,
    /// "\r\n" is a single Character and would not match "\n").
    static func normalizingLineEnds(_ text: String) -> String {
        guard text.utf8.withContiguousStorageIfAvailable({ buf in
            buf.baseAddress.map { memchr($0, 0x0D, buf.count) != nil } ?? false
        }) ?? true else { return text }
        var bytes = Array(text.utf8)
        normalizeLineEnds(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `normalizingLineEnds` on bytes, in place. Runs between CRs move as blocks (memchr and
    /// memmove), not byte by byte: mail text has a CR on every line.
    static func normalizeLineEnds(_ bytes: inout [UInt8]) {
        let count: Int = bytes.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress, let first = memchr(base, 0x0D, buf.count) else { return buf.count }
            let n = buf.count
            var r = base.distance(to: first.assumingMemoryBound(to: UInt8.self))  // read position, at a CR
            var w = r                                                                // write position
            while r < n {
                // At a CR: write LF, and skip the LF of a CR LF pair.
                base[w] = 0x0A
                w += 1
                r += (r + 1 < n && base[r + 1] == 0x0A) ? 2 : 1
                // Move the run up to the next CR (or the end) in one block.
                let next = r < n ? memchr(base + r, 0x0D, n - r).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n : n
                if next > r {
                    if w != r { memmove(base + w, base + r, next - r) }
                    w += next - r
                    r = next
                }
            }
            return w
        }
        if count < bytes.count { bytes.removeLast(bytes.count - count) }
    }

    /// A cheap look for a uuencode `begin NNN ` line before paying for the decoder.
    static func mayHoldUUEncode(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            var at = 0
            let n = buf.count
            while at + 6 <= n {
                if memcmp(base + at, "begin ", 6) == 0 { return true }
                guard let lf = memchr(base + at, 0x0A, n - at) else { return false }
                at = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return false
        }
    }

}

/// The MIME fields libetpan parsed for a part: transfer encoding, disposition, Content-ID.
private struct MIMEFields {
    var encoding: TransferEncoding = .sevenBit
    var disposition: Disposition? = nil
    var dispositionParameters: [(name: String, value: String)] = []
    var contentID: String? = nil

    init(_ fields: UnsafeMutablePointer<mailmime_fields>?) {
        guard let fields else { return }
        var iter = heed_clist_first(fields.pointee.fld_list)
        while let cell = iter {
            iter = heed_clist_next(cell)
            guard let field = heed_clist_content(cell)?.assumingMemoryBound(to: mailmime_field.self) else { continue }
            switch Int(field.pointee.fld_type) {
            case Int(MAILMIME_FIELD_TRANSFER_ENCODING):
                if let mechanism = field.pointee.fld_data.fld_encoding {
                    encoding = Self.encoding(mechanism.pointee)
                }
            case Int(MAILMIME_FIELD_DISPOSITION):
                if let disp = field.pointee.fld_data.fld_disposition { readDisposition(disp.pointee) }
            case Int(MAILMIME_FIELD_ID):
                if let id = field.pointee.fld_data.fld_id {
                    let value = String(decoding: cBytes(id), as: UTF8.self)
                    contentID = value.trimmingAngleBrackets()
                }
            default:
                break
            }
        }
    }

    static func encoding(_ mechanism: mailmime_mechanism) -> TransferEncoding {
        switch Int(mechanism.enc_type) {
        case Int(MAILMIME_MECHANISM_7BIT): return .sevenBit
        case Int(MAILMIME_MECHANISM_8BIT): return .eightBit
        case Int(MAILMIME_MECHANISM_BINARY): return .binary
        case Int(MAILMIME_MECHANISM_QUOTED_PRINTABLE): return .quotedPrintable
        case Int(MAILMIME_MECHANISM_BASE64): return .base64
        default:
            let token = mechanism.enc_token.map { lowercasedString($0) } ?? ""
            switch token {
            case "x-uuencode", "uuencode", "x-uue", "uue": return .uuencode
            case "base-64": return .base64
            case "quoted_printable", "qp": return .quotedPrintable
            default: return .other(token)
            }
        }
    }

    mutating func readDisposition(_ disp: mailmime_disposition) {
        if let type = disp.dsp_type {
            switch Int(type.pointee.dsp_type) {
            case Int(MAILMIME_DISPOSITION_TYPE_INLINE): disposition = .inline
            case Int(MAILMIME_DISPOSITION_TYPE_ATTACHMENT): disposition = .attachment
            default:
                let token = type.pointee.dsp_extension.map { lowercasedString($0) } ?? ""
                disposition = .other(token)
            }
        }
        var raw: [(name: String, value: [UInt8])] = []
        var iter = heed_clist_first(disp.dsp_parms)
        while let cell = iter {
            iter = heed_clist_next(cell)
            guard let parm = heed_clist_content(cell)?.assumingMemoryBound(to: mailmime_disposition_parm.self) else { continue }
            switch Int(parm.pointee.pa_type) {
            case Int(MAILMIME_DISPOSITION_PARM_FILENAME):
                if let value = parm.pointee.pa_data.pa_filename { raw.append(("filename", cBytes(value))) }
            case Int(MAILMIME_DISPOSITION_PARM_PARAMETER):
                if let p = parm.pointee.pa_data.pa_parameter, let name = p.pointee.pa_name {
                    raw.append((lowercasedString(name), p.pointee.pa_value.map(cBytes) ?? []))
                }
            default:
                break
            }
        }
        dispositionParameters = RFC2231.combine(raw)
    }
}

/// Content-Type as libetpan parsed it, with RFC 2231 parameters combined by heed (1.9.4 does not).
private enum ContentTypeReader {
    static func read(_ content: UnsafeMutablePointer<mailmime_content>?) -> ContentType? {
        guard let content, let type = content.pointee.ct_type else { return nil }
        let main: String
        switch Int(type.pointee.tp_type) {
        case Int(MAILMIME_TYPE_DISCRETE_TYPE):
            guard let discrete = type.pointee.tp_data.tp_discrete_type else { return nil }
            switch Int(discrete.pointee.dt_type) {
            case Int(MAILMIME_DISCRETE_TYPE_TEXT): main = "text"
            case Int(MAILMIME_DISCRETE_TYPE_IMAGE): main = "image"
            case Int(MAILMIME_DISCRETE_TYPE_AUDIO): main = "audio"
            case Int(MAILMIME_DISCRETE_TYPE_VIDEO): main = "video"
            case Int(MAILMIME_DISCRETE_TYPE_APPLICATION): main = "application"
            default: main = discrete.pointee.dt_extension.map { lowercasedString($0) } ?? "application"
            }
        case Int(MAILMIME_TYPE_COMPOSITE_TYPE):
            guard let composite = type.pointee.tp_data.tp_composite_type else { return nil }
            switch Int(composite.pointee.ct_type) {
            case Int(MAILMIME_COMPOSITE_TYPE_MESSAGE): main = "message"
            case Int(MAILMIME_COMPOSITE_TYPE_MULTIPART): main = "multipart"
            default: main = composite.pointee.ct_token.map { lowercasedString($0) } ?? "multipart"
            }
        default:
            return nil
        }
        let subtype = content.pointee.ct_subtype.map { lowercasedString($0) } ?? ""
        var raw: [(name: String, value: [UInt8])] = []
        var iter = heed_clist_first(content.pointee.ct_parameters)
        while let cell = iter {
            iter = heed_clist_next(cell)
            guard let p = heed_clist_content(cell)?.assumingMemoryBound(to: mailmime_parameter.self),
                  let name = p.pointee.pa_name else { continue }
            raw.append((lowercasedString(name), p.pointee.pa_value.map(cBytes) ?? []))
        }
        return ContentType(type: main, subtype: subtype.isEmpty ? (main == "text" ? "plain" : "octet-stream") : subtype,
                           parameters: RFC2231.combine(raw))
    }
}

/// The bytes of a NUL-terminated C string libetpan allocated.
func cBytes(_ p: UnsafePointer<CChar>) -> [UInt8] {
    let n = strlen(p)
    return p.withMemoryRebound(to: UInt8.self, capacity: n) { Array(UnsafeBufferPointer(start: $0, count: n)) }
}

func cBytes(_ p: UnsafeMutablePointer<CChar>) -> [UInt8] { cBytes(UnsafePointer(p)) }

/// A C string from libetpan (type names, parameter names, tokens) as a lowercased Swift String,
/// built in one step: these are short ASCII words read for every part.
func lowercasedString(_ p: UnsafePointer<CChar>) -> String {
    let n = strlen(p)
    return p.withMemoryRebound(to: UInt8.self, capacity: n) { bytes in
        String(unsafeUninitializedCapacity: n) { out in
            for i in 0..<n {
                let c = bytes[i]
                out[i] = c >= 65 && c <= 90 ? c | 0x20 : c
            }
            return n
        }
    }
}

func lowercasedString(_ p: UnsafeMutablePointer<CChar>) -> String { lowercasedString(UnsafePointer(p)) }

extension String {
    func trimmingAngleBrackets() -> String {
        var s = Substring(self)
        while let f = s.first, f == "<" || f == " " { s = s.dropFirst() }
        while let l = s.last, l == ">" || l == " " { s = s.dropLast() }
        return String(s)
    }
}

/// CR LF and lone CR to LF, in place (the normaliser text parts go through; for tests).
func normalizeLineEndsInPlace(_ bytes: inout [UInt8]) { Walker.normalizeLineEnds(&bytes) }

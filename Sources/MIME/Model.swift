import TextDecoding

// The MIME model the checks read: plain Swift values, no C pointers, no MIME knowledge needed.
//
// Contract: a `Message` never refers to libetpan memory. Everything is copied out of the parse
// tree before the tree is freed; raw bodies are ranges into an immutable `ByteStore`.

/// Immutable bytes shared by a message and its parts. Parts refer to ranges of them without
/// copying; the message's own bytes are not copied either (the array is shared, copy on write).
public final class ByteStore: Sendable {
    let bytes: [UInt8]
    public var count: Int { bytes.count }

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Calls `body` with the bytes in `range` (clamped to the store).
    public func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { all in
            let lo = min(max(range.lowerBound, 0), all.count)
            let hi = min(max(range.upperBound, lo), all.count)
            return try body(UnsafeRawBufferPointer(rebasing: all[lo..<hi]))
        }
    }

    public subscript(range: Range<Int>) -> [UInt8] { withBytes(range) { Array($0) } }

    /// Calls `body` with a pointer to all the bytes that stays valid for the whole call: libetpan
    /// parses them and its tree points into them, so the tree is used and freed inside `body`.
    func withPinnedBytes<R>(_ body: (UnsafePointer<CChar>, Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { buf in
            // An empty array may have no storage: libetpan gets a valid one-byte buffer instead.
            guard let base = buf.baseAddress else {
                var empty: CChar = 0
                return body(&empty, 0)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: max(1, buf.count)) { body($0, buf.count) }
        }
    }
}

/// One header field, unfolded. The value is kept as sent and decoded when asked for: a message
/// carries dozens of fields (Received, DKIM-Signature, ...) that no check ever reads.
public struct HeaderField: Sendable, Equatable {
    public let name: String
    /// The unfolded value as sent, without leading and trailing blanks.
    public let rawBytes: [UInt8]

    public init(name: String, rawBytes: [UInt8]) {
        self.name = name
        self.rawBytes = rawBytes
    }

    /// The value with RFC 2047 encoded words decoded (raw 8-bit text read as UTF-8, or
    /// windows-1252 when it is not valid UTF-8).
    public var value: String {
        rawBytes.withUnsafeBytes { raw in
            HeaderBlock.hasEncodedWordStart(raw) ? EncodedWords.decode(raw) : Charsets.decode(raw, declared: nil).text
        }
    }

    /// The value as sent (8-bit bytes read as UTF-8, or windows-1252 when not valid UTF-8).
    public var raw: String { rawBytes.withUnsafeBytes { Charsets.decode($0, declared: nil).text } }
}

/// Header fields in their original order, looked up case-insensitively.
public struct Headers: Sendable, Equatable, Sequence {
    public let fields: [HeaderField]
    public init(_ fields: [HeaderField]) { self.fields = fields }

    public func makeIterator() -> IndexingIterator<[HeaderField]> { fields.makeIterator() }
    public var count: Int { fields.count }

    /// The first field with that name (decoded value), or nil.
    public subscript(name: String) -> String? { first(name)?.value }

    public func first(_ name: String) -> HeaderField? {
        fields.first { $0.name.caseInsensitiveEquals(name) }
    }

    public func all(_ name: String) -> [HeaderField] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }
    }
}

/// A mailbox from an address header. `address` is the addr-spec as written (not lowercased);
/// `name` is the display name with encoded words decoded, nil when absent.
public struct Address: Sendable, Equatable, CustomStringConvertible {
    public let name: String?
    public let address: String
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
    public var description: String {
        if let name, !name.isEmpty { return "\(name) <\(address)>" }
        return address
    }
}

/// The envelope-like header information of a message (top-level or embedded `message/rfc822`).
public struct MessageHeaders: Sendable, Equatable {
    public let headers: Headers
    public let subject: String?
    public let from: [Address]
    public let sender: [Address]
    public let replyTo: [Address]
    public let to: [Address]
    public let cc: [Address]
    public let date: String?
    public let messageID: String?
}

/// `type/subtype; parameters`, lowercased type and subtype, parameters with RFC 2231 and the
/// common RFC 2047 misuse decoded. Parameter names are lowercased.
public struct ContentType: Sendable, Equatable, CustomStringConvertible {
    public let type: String
    public let subtype: String
    public let parameters: [(name: String, value: String)]

    public init(type: String, subtype: String, parameters: [(name: String, value: String)] = []) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    public var mediaType: String { "\(type)/\(subtype)" }
    public var description: String { mediaType }

    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    public static func == (lhs: ContentType, rhs: ContentType) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }

    /// RFC 2045: text/plain; charset=us-ascii when absent or unparseable.
    public static let defaultText = ContentType(type: "text", subtype: "plain")
    /// RFC 2046 5.1.5: the default inside multipart/digest.
    public static let defaultDigestPart = ContentType(type: "message", subtype: "rfc822")
}

public enum TransferEncoding: Sendable, Equatable, CustomStringConvertible {
    case sevenBit, eightBit, binary, quotedPrintable, base64, uuencode
    /// A token heed does not decode (e.g. `7-bit`, `plain`): the body is read as it is.
    case other(String)

    public var description: String {
        switch self {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .binary: "binary"
        case .quotedPrintable: "quoted-printable"
        case .base64: "base64"
        case .uuencode: "x-uuencode"
        case .other(let token): token
        }
    }
}

public enum Disposition: Sendable, Equatable {
    case inline, attachment
    case other(String)
}

/// What a part is in the tree.
public enum PartKind: Sendable, Equatable {
    /// A leaf: text, image, application, ...
    case leaf
    /// multipart/*: its children are the parts.
    case multipart
    /// message/rfc822 (and message/global): its one child is the embedded message's body.
    case message
}

/// The decoded text of a text part.
public struct TextContent: Sendable, Equatable {
    /// Readable UTF-8 text with LF line ends. For text/html: the HTML converted to text, link targets kept.
    public let text: String
    /// The decoded HTML source for text/html parts, nil otherwise.
    public let html: String?
    /// The charset declared in Content-Type, lowercased; nil when none was given.
    public let declaredCharset: String?
    /// The charset actually used to decode (a fallback when the declared one was missing or wrong).
    public let charset: String
    /// True when bytes had to be replaced or a fallback charset was used.
    public let lossy: Bool
}

/// A file found inside a text body in uuencoded form (`begin 644 name` ... `end`).
public struct EmbeddedFile: Sendable, Equatable {
    public let name: String
    public let bytes: [UInt8]
}

/// One node of the part tree. Parts live in `Message.parts` in document order; `parent` and
/// `children` are indexes into that array, so every walk can be iterative.
public struct Part: Sendable {
    public let index: Int
    public let parent: Int?
    public internal(set) var children: [Int]
    /// IMAP section number (RFC 3501 6.4.5): "1", "2.1", ... A multipart that is the body of a
    /// message has no number of its own: "" at the top, the message part's number when nested.
    public let section: String
    /// 0 for the top-level body; +1 for each multipart or message level below it.
    public let depth: Int
    public let kind: PartKind
    /// This part's own header block (for a message body: the message's headers).
    public let headers: Headers
    public let contentType: ContentType
    public let transferEncoding: TransferEncoding
    public let disposition: Disposition?
    /// From Content-Disposition `filename`, else Content-Type `name`; decoded.
    public let filename: String?
    /// Content-ID without angle brackets.
    public let contentID: String?
    /// For `.message` parts: the embedded message's headers.
    public let embedded: MessageHeaders?
    /// For text leaves (text/*, and message/delivery-status-like parts): the decoded text.
    public let text: TextContent?
    /// Files found uuencoded inside this part's text.
    public let embeddedFiles: [EmbeddedFile]
    /// What was wrong with this part and how heed coped (e.g. "invalid base64").
    public internal(set) var defects: [String]

    let store: ByteStore
    /// The body as sent (still transfer-encoded), as a range of `store`.
    public let bodyRange: Range<Int>
    /// Offset of `bodyRange` in the top-level message, or nil when the part was parsed out of a
    /// decoded (base64 or quoted-printable) message/rfc822 body.
    public let messageOffset: Int?

    /// The body as sent.
    public var rawBody: [UInt8] { store[bodyRange] }

    /// The body with its transfer encoding undone. Computed on demand: large attachments cost
    /// nothing until a check asks for their bytes.
    public func decodedBody() -> [UInt8] { decode().bytes }

    /// The decoded body and, when the transfer encoding was damaged, what was wrong with it.
    public func decode() -> (bytes: [UInt8], defect: String?) {
        store.withBytes(bodyRange) { TransferDecoding.decode($0, encoding: transferEncoding) }
    }

    public var mediaType: String { contentType.mediaType }
    public var isText: Bool { text != nil }
    public var isAttachment: Bool {
        if case .attachment = disposition { return true }
        return false
    }
}

/// A limit from the configuration that stopped part of the message from being scanned, or an
/// input shape heed refuses to hand to libetpan.
public struct LimitHit: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case size, depth, parts, headerBytes = "header-bytes", unsafeBoundary = "unsafe-boundary"
    }
    public let kind: Kind
    public let detail: String
    public var description: String { "\(kind.rawValue): \(detail)" }
}

/// Whether the whole message was scanned.
public struct ScanReport: Sendable, Equatable {
    public internal(set) var limits: [LimitHit] = []
    /// True when nothing was skipped: every byte was parsed and every part visited.
    public var complete: Bool { limits.isEmpty }
}

/// An attachment or inline non-text object, whatever its depth (also inside forwarded messages).
public struct Attachment: Sendable {
    public let section: String
    public let mediaType: String
    public let filename: String?
    public let contentID: String?
    public let isInline: Bool
    let source: Source
    enum Source: Sendable {
        case part(Part)
        case file([UInt8])
    }

    /// The decoded bytes.
    public func bytes() -> [UInt8] {
        switch source {
        case .part(let part): part.decodedBody()
        case .file(let bytes): bytes
        }
    }
}

/// A parsed message.
public struct Message: Sendable {
    public let size: Int
    public let header: MessageHeaders
    /// Every part in document order; `parts[0]` is the top-level body.
    public let parts: [Part]
    public let scan: ScanReport

    public var root: Part { parts[0] }
    public var subject: String? { header.subject }
    public var headers: Headers { header.headers }

    /// Leaves with decoded text, in document order (includes those inside forwarded messages).
    public var textParts: [Part] { parts.filter { $0.kind == .leaf && $0.text != nil } }

    /// Every non-text leaf, plus text leaves marked as attachments, plus uuencoded files.
    public var attachments: [Attachment] {
        var result: [Attachment] = []
        for part in parts where part.kind == .leaf {
            if part.text == nil || part.isAttachment {
                result.append(Attachment(
                    section: part.section, mediaType: part.mediaType, filename: part.filename,
                    contentID: part.contentID, isInline: !part.isAttachment, source: .part(part)))
            }
            for (i, file) in part.embeddedFiles.enumerated() {
                result.append(Attachment(
                    section: "\(part.section).uu\(i + 1)", mediaType: "application/octet-stream",
                    filename: file.name, contentID: nil, isInline: false, source: .file(file.bytes)))
            }
        }
        return result
    }

    /// The part with that IMAP section, if any.
    public func part(section: String) -> Part? { parts.first { $0.section == section && $0.kind != .multipart } ?? parts.first { $0.section == section } }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                for i in 0..<a.count where a[i] != b[i] {
                    let x = a[i], y = b[i]
                    if (x >= 65 && x <= 90 ? x | 0x20 : x) != (y >= 65 && y <= 90 ? y | 0x20 : y) { return false }
                }
                return true
            }
        }
        if let fast, let result = fast { return result }
        return lowercased() == other.lowercased()
    }
}

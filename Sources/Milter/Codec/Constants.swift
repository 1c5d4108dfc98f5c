/// The constants of the Sendmail milter protocol, version 6, as libmilter 8.17 defines them
/// (`/usr/include/libmilter/mfdef.h` and `mfapi.h`). Every value on the wire has a name here.
public enum MilterProtocol {
    /// The protocol version heed speaks (SMFI_PROT_VERSION). Postfix 3.x offers 6.
    public static let version: UInt32 = 6
    /// The oldest version heed accepts from an MTA: version 2 introduced the option
    /// negotiation fields heed relies on; anything older cannot be asked for the SMFIP flags.
    public static let oldestVersion: UInt32 = 2
    /// Bytes of the length prefix of every frame (MILTER_LEN_BYTES): a big-endian UInt32 that
    /// counts the command byte and the payload.
    public static let lengthBytes = 4
    /// The largest body chunk an MTA sends without an SMFIP_MDS_* flag (MILTER_CHUNK_SIZE).
    public static let chunkSize = 65_535
}

/// A command byte from the MTA (SMFIC_*).
public enum MilterCommandCode: UInt8, Sendable, CaseIterable {
    /// SMFIC_ABORT 'A': forget the current message (sent after every message by Postfix).
    case abort = 0x41
    /// SMFIC_BODY 'B': a chunk of the body.
    case body = 0x42
    /// SMFIC_CONNECT 'C': the SMTP client's host name, address family, port and address.
    case connect = 0x43
    /// SMFIC_MACRO 'D': macro definitions for the event named by the first payload byte.
    case macro = 0x44
    /// SMFIC_BODYEOB 'E': end of the message (may carry a last body chunk).
    case endOfMessage = 0x45
    /// SMFIC_HELO 'H': the HELO/EHLO argument.
    case helo = 0x48
    /// SMFIC_QUIT_NC 'K': the session is over but the MTA reuses the connection for another.
    case quitNewConnection = 0x4B
    /// SMFIC_HEADER 'L': one header field, name and value.
    case header = 0x4C
    /// SMFIC_MAIL 'M': MAIL FROM, the sender then ESMTP arguments.
    case mail = 0x4D
    /// SMFIC_EOH 'N': end of the header section.
    case endOfHeaders = 0x4E
    /// SMFIC_OPTNEG 'O': option negotiation (version, actions, protocol flags).
    case optionNegotiation = 0x4F
    /// SMFIC_QUIT 'Q': close the connection.
    case quit = 0x51
    /// SMFIC_RCPT 'R': RCPT TO, the recipient then ESMTP arguments.
    case recipient = 0x52
    /// SMFIC_DATA 'T': the DATA command.
    case data = 0x54
    /// SMFIC_UNKNOWN 'U': an SMTP command the MTA does not know.
    case unknown = 0x55
}

/// A reply byte to the MTA (SMFIR_*).
public enum MilterReplyCode: UInt8, Sendable, CaseIterable {
    /// SMFIR_ADDRCPT '+': add an envelope recipient (end of message only).
    case addRecipient = 0x2B
    /// SMFIR_DELRCPT '-': remove an envelope recipient (end of message only).
    case deleteRecipient = 0x2D
    /// SMFIR_ADDRCPT_PAR '2': add a recipient with ESMTP arguments (Postfix honours NOTIFY= and ORCPT=).
    case addRecipientWithParameters = 0x32
    /// SMFIR_SHUTDOWN '4': 421, close the SMTP session.
    case shutdown = 0x34
    /// SMFIR_ACCEPT 'a': accept the message (or connection) without further filtering.
    case accept = 0x61
    /// SMFIR_REPLBODY 'b': replace the body (a chunk). heed never changes bodies.
    case replaceBody = 0x62
    /// SMFIR_CONTINUE 'c': go on with the next event.
    case `continue` = 0x63
    /// SMFIR_DISCARD 'd': silently drop the message.
    case discard = 0x64
    /// SMFIR_CHGFROM 'e': change the envelope sender.
    case changeSender = 0x65
    /// SMFIR_CONN_FAIL 'f': cause a connection failure.
    case connectionFailure = 0x66
    /// SMFIR_ADDHEADER 'h': append a header field (end of message only).
    case addHeader = 0x68
    /// SMFIR_INSHEADER 'i': insert a header field at an index.
    case insertHeader = 0x69
    /// SMFIR_SETSYMLIST 'l': the macro list for one stage (only inside the OPTNEG reply).
    case setSymbolList = 0x6C
    /// SMFIR_CHGHEADER 'm': change (empty value: delete) the index-th field of a name.
    case changeHeader = 0x6D
    /// SMFIR_PROGRESS 'p': still working; resets the MTA's timeout.
    case progress = 0x70
    /// SMFIR_QUARANTINE 'q': put the message on hold with a reason (Postfix: the hold queue).
    case quarantine = 0x71
    /// SMFIR_REJECT 'r': reject with the MTA's default 5xx text.
    case reject = 0x72
    /// SMFIR_SKIP 's': send no more body chunks.
    case skip = 0x73
    /// SMFIR_TEMPFAIL 't': 4xx, try again later.
    case tempfail = 0x74
    /// SMFIR_REPLYCODE 'y': reject or tempfail with the given SMTP reply text.
    case replyCode = 0x79
    /// SMFIC_OPTNEG 'O' sent back: the milter's side of option negotiation.
    case optionNegotiation = 0x4F
}

/// What a milter may do to a message (SMFIF_*), announced in option negotiation.
public struct MilterActions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// SMFIF_ADDHDRS 0x01: add header fields.
    public static let addHeaders = MilterActions(rawValue: 0x01)
    /// SMFIF_CHGBODY 0x02: replace the body.
    public static let changeBody = MilterActions(rawValue: 0x02)
    /// SMFIF_ADDRCPT 0x04: add recipients.
    public static let addRecipients = MilterActions(rawValue: 0x04)
    /// SMFIF_DELRCPT 0x08: remove recipients.
    public static let deleteRecipients = MilterActions(rawValue: 0x08)
    /// SMFIF_CHGHDRS 0x10: change or delete header fields.
    public static let changeHeaders = MilterActions(rawValue: 0x10)
    /// SMFIF_QUARANTINE 0x20: quarantine (hold) the message.
    public static let quarantine = MilterActions(rawValue: 0x20)
    /// SMFIF_CHGFROM 0x40: change the envelope sender.
    public static let changeSender = MilterActions(rawValue: 0x40)
    /// SMFIF_ADDRCPT_PAR 0x80: add recipients with ESMTP arguments.
    public static let addRecipientsWithParameters = MilterActions(rawValue: 0x80)
    /// SMFIF_SETSYMLIST 0x100: choose which macros the MTA sends at each stage.
    public static let setSymbolList = MilterActions(rawValue: 0x100)
}

/// Which events the MTA sends and which need a reply (SMFIP_*), agreed in option negotiation.
public struct MilterProtocolFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// SMFIP_NOCONNECT 0x01: do not send CONNECT.
    public static let noConnect = MilterProtocolFlags(rawValue: 0x01)
    /// SMFIP_NOHELO 0x02: do not send HELO.
    public static let noHelo = MilterProtocolFlags(rawValue: 0x02)
    /// SMFIP_NOMAIL 0x04: do not send MAIL.
    public static let noMail = MilterProtocolFlags(rawValue: 0x04)
    /// SMFIP_NORCPT 0x08: do not send RCPT.
    public static let noRecipient = MilterProtocolFlags(rawValue: 0x08)
    /// SMFIP_NOBODY 0x10: do not send the body.
    public static let noBody = MilterProtocolFlags(rawValue: 0x10)
    /// SMFIP_NOHDRS 0x20: do not send header fields.
    public static let noHeaders = MilterProtocolFlags(rawValue: 0x20)
    /// SMFIP_NOEOH 0x40: do not send EOH.
    public static let noEndOfHeaders = MilterProtocolFlags(rawValue: 0x40)
    /// SMFIP_NR_HDR 0x80: no reply to HEADER.
    public static let noReplyHeader = MilterProtocolFlags(rawValue: 0x80)
    /// SMFIP_NOUNKNOWN 0x100: do not send unknown SMTP commands.
    public static let noUnknown = MilterProtocolFlags(rawValue: 0x100)
    /// SMFIP_NODATA 0x200: do not send DATA.
    public static let noData = MilterProtocolFlags(rawValue: 0x200)
    /// SMFIP_SKIP 0x400: the MTA understands SMFIR_SKIP.
    public static let skip = MilterProtocolFlags(rawValue: 0x400)
    /// SMFIP_RCPT_REJ 0x800: also send recipients the MTA rejected.
    public static let rejectedRecipients = MilterProtocolFlags(rawValue: 0x800)
    /// SMFIP_NR_CONN 0x1000: no reply to CONNECT.
    public static let noReplyConnect = MilterProtocolFlags(rawValue: 0x1000)
    /// SMFIP_NR_HELO 0x2000: no reply to HELO.
    public static let noReplyHelo = MilterProtocolFlags(rawValue: 0x2000)
    /// SMFIP_NR_MAIL 0x4000: no reply to MAIL.
    public static let noReplyMail = MilterProtocolFlags(rawValue: 0x4000)
    /// SMFIP_NR_RCPT 0x8000: no reply to RCPT.
    public static let noReplyRecipient = MilterProtocolFlags(rawValue: 0x8000)
    /// SMFIP_NR_DATA 0x10000: no reply to DATA.
    public static let noReplyData = MilterProtocolFlags(rawValue: 0x10000)
    /// SMFIP_NR_UNKN 0x20000: no reply to UNKNOWN.
    public static let noReplyUnknown = MilterProtocolFlags(rawValue: 0x20000)
    /// SMFIP_NR_EOH 0x40000: no reply to EOH.
    public static let noReplyEndOfHeaders = MilterProtocolFlags(rawValue: 0x40000)
    /// SMFIP_NR_BODY 0x80000: no reply to BODY chunks.
    public static let noReplyBody = MilterProtocolFlags(rawValue: 0x80000)
    /// SMFIP_HDR_LEADSPC 0x100000: send header values with their leading space, as written.
    public static let headerLeadingSpace = MilterProtocolFlags(rawValue: 0x100000)
    /// SMFIP_MDS_256K 0x10000000: body chunks up to 256 KiB.
    public static let maxDataSize256K = MilterProtocolFlags(rawValue: 0x1000_0000)
    /// SMFIP_MDS_1M 0x20000000: body chunks up to 1 MiB.
    public static let maxDataSize1M = MilterProtocolFlags(rawValue: 0x2000_0000)
}

/// The stage a SMFIR_SETSYMLIST entry applies to (SMFIM_*).
public enum MacroStage: UInt32, Sendable, CaseIterable {
    /// SMFIM_CONNECT 0
    case connect = 0
    /// SMFIM_HELO 1
    case helo = 1
    /// SMFIM_ENVFROM 2
    case mail = 2
    /// SMFIM_ENVRCPT 3
    case recipient = 3
    /// SMFIM_DATA 4
    case data = 4
    /// SMFIM_EOM 5
    case endOfMessage = 5
    /// SMFIM_EOH 6
    case endOfHeaders = 6
}

/// The address family byte of CONNECT (SMFIA_*).
public enum MilterAddressFamily: UInt8, Sendable {
    /// SMFIA_UNKNOWN 'U': no port or address follow.
    case unknown = 0x55
    /// SMFIA_UNIX 'L': a local socket path follows (after a port field).
    case unix = 0x4C
    /// SMFIA_INET '4'
    case inet = 0x34
    /// SMFIA_INET6 '6'
    case inet6 = 0x36
}

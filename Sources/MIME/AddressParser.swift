import CEtPan
import TextDecoding

/// Address headers (From, To, Cc, Reply-To, Sender) to `Address` values.
///
/// libetpan's RFC 5322 address-list parser does the grammar (groups, quoted display names,
/// comments); display names then get RFC 2047 decoding. When libetpan rejects a value — common in
/// spam and broken mailers — a lenient scan keeps whatever looks like an address.
enum AddressParser {
    static func parse(_ raw: String) -> [Address] {
        let count = raw.utf8.count
        guard count > 0 else { return [] }
        var result: [Address] = []
        // withCString hands libetpan the string's own NUL-terminated UTF-8 (no copy for native strings).
        let parsed: Bool = raw.withCString { cstr in
            do {
                var index = 0
                var list: UnsafeMutablePointer<mailimf_address_list>? = nil
                guard mailimf_address_list_parse(cstr, count, &index, &list) == Int32(MAILIMF_NO_ERROR), let list else {
                    return false
                }
                defer { mailimf_address_list_free(list) }
                var iter = heed_clist_first(list.pointee.ad_list)
                while let cell = iter {
                    iter = heed_clist_next(cell)
                    guard let address = heed_clist_content(cell)?.assumingMemoryBound(to: mailimf_address.self) else { continue }
                    switch Int(address.pointee.ad_type) {
                    case Int(MAILIMF_ADDRESS_MAILBOX):
                        if let mb = address.pointee.ad_data.ad_mailbox { result.append(mailbox(mb)) }
                    case Int(MAILIMF_ADDRESS_GROUP):
                        if let group = address.pointee.ad_data.ad_group, let members = group.pointee.grp_mb_list {
                            var m = heed_clist_first(members.pointee.mb_list)
                            while let mc = m {
                                m = heed_clist_next(mc)
                                if let mb = heed_clist_content(mc)?.assumingMemoryBound(to: mailimf_mailbox.self) {
                                    result.append(mailbox(mb))
                                }
                            }
                        }
                    default:
                        break
                    }
                }
                // Trailing garbage means libetpan understood only a prefix: use the lenient scan.
                return index >= count || raw.utf8.dropFirst(index).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C }
            }
        }
        if parsed, !result.isEmpty { return result }
        return lenient(raw)
    }

    private static func mailbox(_ mb: UnsafeMutablePointer<mailimf_mailbox>) -> Address {
        let spec = mb.pointee.mb_addr_spec.map { String(decoding: cBytes($0), as: UTF8.self) } ?? ""
        let name = mb.pointee.mb_display_name.map { EncodedWords.decode(unquoted(cBytes($0))) }
        return Address(name: name.flatMap { $0.isEmpty ? nil : $0 }, address: spec)
    }

    /// libetpan 1.9.4 keeps the quotes of a display name that holds an encoded word
    /// (`"=?utf-8?B?...?="`), and sometimes only the opening one (`"=?..?= Favre`): they are
    /// syntax, not part of the name. Removes the outer quotes and the backslash of quoted pairs.
    static func unquoted(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.first == 0x22 else { return bytes }
        let closed = bytes.count >= 2 && bytes.last == 0x22
        guard closed || !bytes.dropFirst().contains(0x22) else { return bytes }
        let inner = bytes[1..<(closed ? bytes.count - 1 : bytes.count)]
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.startIndex
        while i < inner.endIndex {
            if inner[i] == 0x5C, i + 1 < inner.endIndex { i += 1 }
            out.append(inner[i])
            i += 1
        }
        return out
    }

    /// Every `<...@...>` or bare `x@y` token, in order, from a value libetpan rejected. Works on
    /// bytes: such values can be hundreds of kilobytes of garbage.
    static func lenient(_ raw: String) -> [Address] {
        var found: [Address] = []
        let bytes = Array(raw.utf8)
        var pieceStart = 0
        var quoted = false
        var i = 0
        while i <= bytes.count {
            let atEnd = i == bytes.count
            let c: UInt8 = atEnd ? 0x2C : bytes[i]
            if c == 0x22 { quoted.toggle() }
            if c == 0x2C, !quoted || atEnd {
                if let address = lenientOne(bytes[pieceStart..<i]) { found.append(address) }
                pieceStart = i + 1
            }
            i += 1
        }
        return found
    }

    private static func lenientOne(_ piece: ArraySlice<UInt8>) -> Address? {
        if let open = piece.lastIndex(of: 0x3C), let close = piece[open...].firstIndex(of: 0x3E) {
            let spec = trimmed(piece[(open + 1)..<close], " \t\"")
            guard spec.contains(0x40) else { return nil }
            let name = trimmed(piece[piece.startIndex..<open], " \t\"")
            return Address(name: name.isEmpty ? nil : EncodedWords.decode(Array(name)),
                           address: String(decoding: spec, as: UTF8.self))
        }
        var start = piece.startIndex
        while start < piece.endIndex {
            var end = start
            while end < piece.endIndex, piece[end] != 0x20, piece[end] != 0x09 { end += 1 }
            let token = piece[start..<end]
            if token.contains(0x40) {
                return Address(name: nil, address: String(decoding: trimmed(token, "<>()\"';:"), as: UTF8.self))
            }
            start = end + 1
        }
        return nil
    }

    private static func trimmed(_ s: ArraySlice<UInt8>, _ set: StaticString) -> ArraySlice<UInt8> {
        let strip = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, strip.contains(s[lo]) { lo += 1 }
        while hi > lo, strip.contains(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi]
    }
}

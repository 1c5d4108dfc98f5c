import CEtPan
import TextDecoding

/// Address headers (From, To, Cc, Reply-To, Sender) to `Address` values.
///
/// libetpan's RFC 5322 address-list parser does the grammar (groups, quoted display names,
/// comments); display names then get RFC 2047 decoding. When libetpan rejects a value — common in
/// spam and broken mailers — a lenient scan keeps whatever looks like an address.
enum AddressParser {
    static func parse(_ raw: String) -> [Address] {
        guard !raw.isEmpty else { return [] }
        return simpleList(raw) ?? libetpanList(raw)
    }

    /// libetpan's RFC 5322 grammar, then the lenient scan when libetpan rejects the value.
    static func libetpanList(_ raw: String) -> [Address] {
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

    /// The common shapes — `a@b`, `Name <a@b>`, `"Name, Jr." <a@b>`, comma-separated — read
    /// without libetpan (which allocates a structure per token). Anything else (comments, groups,
    /// quoted pairs, route addresses, stray brackets) returns nil and goes to libetpan's grammar.
    static func simpleList(_ raw: String) -> [Address]? {
        var result: [Address] = []
        var ok = true
        var raw = raw
        raw.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n, ok {
                // One address: up to a comma outside quotes and angle brackets.
                var quoted = false, angle = false
                var open = -1, close = -1
                let start = i
                while i < n {
                    let c = b[i]
                    if c == 0x22 { quoted.toggle() }
                    else if !quoted {
                        switch c {
                        case 0x3C: if angle || open >= 0 { ok = false }; angle = true; open = i
                        case 0x3E: if !angle { ok = false }; angle = false; close = i
                        case 0x2C where !angle: break
                        case 0x28, 0x29, 0x3A, 0x3B, 0x5C, 0x5B, 0x5D: ok = false
                        default: break
                        }
                        if c == 0x2C && !angle { break }
                    } else if c == 0x5C { ok = false }
                    i += 1
                }
                guard ok, !quoted, !angle else { ok = false; return }
                let end = i
                i += 1  // past the comma
                if open >= 0 {
                    guard close > open, Self.isBlank(b, from: close + 1, to: end) else { ok = false; return }
                    let spec = Self.trimmedString(b, open + 1, close)
                    guard !spec.isEmpty, !spec.utf8.contains(0x20) else { ok = false; return }
                    var nameBytes = Array(UnsafeBufferPointer(rebasing: b[start..<open]))
                    while let f = nameBytes.first, f == 0x20 || f == 0x09 { nameBytes.removeFirst() }
                    while let l = nameBytes.last, l == 0x20 || l == 0x09 { nameBytes.removeLast() }
                    if nameBytes.contains(0x22) {
                        // Only a name wholly in quotes is simple.
                        guard nameBytes.count >= 2, nameBytes.first == 0x22, nameBytes.last == 0x22,
                              !nameBytes.dropFirst().dropLast().contains(0x22) else { ok = false; return }
                    }
                    let name = nameBytes.isEmpty ? nil : EncodedWords.decode(unquoted(nameBytes))
                    result.append(Address(name: name.flatMap { $0.isEmpty ? nil : $0 }, address: spec))
                } else {
                    let spec = Self.trimmedString(b, start, end)
                    if spec.isEmpty { continue }
                    guard spec.utf8.contains(0x40), !spec.utf8.contains(0x20), !spec.utf8.contains(0x09),
                          !spec.utf8.contains(0x22) else { ok = false; return }
                    result.append(Address(name: nil, address: spec))
                }
            }
        }
        return ok ? result : nil
    }

    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            if b[k] != 0x20 && b[k] != 0x09 { return false }
            k += 1
        }
        return true
    }

    private static func trimmedString(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        var lo = from, hi = max(from, to)
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
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

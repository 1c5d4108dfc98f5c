/// Base64 transfer decoding (RFC 2045 section 6.8), lenient as mail readers are.
public enum Base64 {
    /// Sextet value for each byte; `skipSpace` for line-break/blank bytes that RFC 2045 says to ignore silently,
    /// `skipJunk` for every other byte outside the alphabet, `pad` for '='.
    static let skipSpace: UInt8 = 0xFE
    static let skipJunk: UInt8 = 0xFF
    static let pad: UInt8 = 0xFD

    static let table: [UInt8] = {
        var t = [UInt8](repeating: skipJunk, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        for c in [UInt8(ascii: " "), 9, 10, 13, 12, 11] { t[Int(c)] = skipSpace }
        t[Int(UInt8(ascii: "="))] = pad
        return t
    }()

    /// Lenient RFC 2045 decoding: skips CR, LF, spaces and any byte outside the alphabet; stops at the first '=' padding group.
    /// `malformed` is true when bytes other than whitespace were skipped or the data length was not a multiple of 4 bits groups (leftover bits).
    ///
    /// Precisely, `malformed` is set when: a byte outside the alphabet and whitespace was skipped; the data ended
    /// with an incomplete group that had no '=' padding; a single sextet was left over (6 bits, not a byte);
    /// padding appeared where no partial group was pending; or non-whitespace data followed the padding (it is dropped).
    /// A group with the right padding ("QQ==") is not malformed. Never traps; output is at most 3/4 of the input.
    public static func decode(_ input: UnsafeRawBufferPointer) -> (bytes: [UInt8], malformed: Bool) {
        let n = input.count
        if n == 0 { return ([], false) }
        let capacity = n / 4 * 3 + 3
        var malformed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            table.withUnsafeBufferPointer { tab in
                var o = 0
                var acc: UInt32 = 0
                var have = 0  // sextets in `acc`, 0...3
                var i = 0
                var sawPad = false
                while i < n {
                    // Fastest path: eight alphabet bytes in a row (most of every 76-character line).
                    if have == 0 && i + 8 <= n {
                        let a = tab[Int(input[i])], b = tab[Int(input[i + 1])]
                        let c = tab[Int(input[i + 2])], d = tab[Int(input[i + 3])]
                        let e = tab[Int(input[i + 4])], f = tab[Int(input[i + 5])]
                        let g = tab[Int(input[i + 6])], h = tab[Int(input[i + 7])]
                        if (a | b | c | d | e | f | g | h) < 64 {
                            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            let w = UInt32(e) << 18 | UInt32(f) << 12 | UInt32(g) << 6 | UInt32(h)
                            out[o] = UInt8(truncatingIfNeeded: v >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: v)
                            out[o + 3] = UInt8(truncatingIfNeeded: w >> 16)
                            out[o + 4] = UInt8(truncatingIfNeeded: w >> 8)
                            out[o + 5] = UInt8(truncatingIfNeeded: w)
                            o += 6
                            i += 8
                            continue
                        }
                    }
                    // Fast path: four alphabet bytes in a row, no group pending.
                    if have == 0 && i + 4 <= n {
                        let a = tab[Int(input[i])], b = tab[Int(input[i + 1])]
                        let c = tab[Int(input[i + 2])], d = tab[Int(input[i + 3])]
                        if (a | b | c | d) < 64 {
                            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[o] = UInt8(truncatingIfNeeded: v >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: v)
                            o += 3
                            i += 4
                            continue
                        }
                    }
                    let s = tab[Int(input[i])]
                    i += 1
                    if s < 64 {
                        acc = acc << 6 | UInt32(s)
                        have += 1
                        if have == 4 {
                            out[o] = UInt8(truncatingIfNeeded: acc >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: acc)
                            o += 3
                            acc = 0
                            have = 0
                        }
                    } else if s == pad {
                        sawPad = true
                        break
                    } else if s == skipJunk {
                        malformed = true
                    }
                }
                // Flush a partial group: 2 sextets carry 1 byte, 3 carry 2; 1 sextet carries nothing.
                switch have {
                case 2:
                    out[o] = UInt8(truncatingIfNeeded: acc >> 4)
                    o += 1
                    if !sawPad { malformed = true }
                case 3:
                    out[o] = UInt8(truncatingIfNeeded: acc >> 10)
                    out[o + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                    o += 2
                    if !sawPad { malformed = true }
                case 1:
                    malformed = true
                default:
                    if sawPad { malformed = true }  // '=' with no partial group before it
                }
                if sawPad {
                    // Anything but more '=' and whitespace after the padding is data we refuse to decode.
                    while i < n {
                        let s = tab[Int(input[i])]
                        if s != pad && s != skipSpace {
                            malformed = true
                            break
                        }
                        i += 1
                    }
                }
                initialized = o
            }
        }
        return (bytes, malformed)
    }

    public static func decode(_ input: [UInt8]) -> (bytes: [UInt8], malformed: Bool) {
        input.withUnsafeBytes { decode($0) }
    }
}

/// Quoted-printable transfer decoding (RFC 2045 section 6.7).
public enum QuotedPrintable {
    /// Hex digit value for each byte, 0xFF when the byte is not a hex digit (either case accepted).
    static let hexValue: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for i in 0..<10 { t[0x30 + i] = UInt8(i) }
        for i in 0..<6 {
            t[0x41 + i] = UInt8(10 + i)
            t[0x61 + i] = UInt8(10 + i)
        }
        return t
    }()

    /// Body decoding (RFC 2045 6.7): soft line breaks ("=" CRLF or "=" LF, also with trailing whitespace before the line end), =XX (either case);
    /// an "=" not followed by two hex digits is kept literally. Line ends are kept as they are.
    ///
    /// Also: "=" followed only by blanks up to the end of the input is a soft break (last line of a part);
    /// a lone "=" CR (old Mac line end) is a soft break too. Literal spaces and tabs right before a hard
    /// line end are transport padding and are removed, as rule 3 of RFC 2045 6.7 requires (an encoded
    /// "=20" is kept), and so are blanks at the very end of the input. Output is never longer than the input.
    public static func decode(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let n = input.count
        if n == 0 { return [] }
        return [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
            hexValue.withUnsafeBufferPointer { hex in
                var o = 0
                var i = 0
                // Output index where the current run of literal blanks started, or -1.
                var blankStart = -1
                while i < n {
                    let c = input[i]
                    if c == UInt8(ascii: "=") {
                        if i + 2 < n {
                            let h = hex[Int(input[i + 1])], l = hex[Int(input[i + 2])]
                            if h != 0xFF && l != 0xFF {
                                out[o] = h << 4 | l
                                o += 1
                                i += 3
                                blankStart = -1
                                continue
                            }
                        }
                        // Soft line break: "=", optional blanks, then CRLF, LF, CR or end of input.
                        var j = i + 1
                        while j < n && (input[j] == 0x20 || input[j] == 0x09) { j += 1 }
                        if j == n {
                            i = n
                            continue
                        }
                        if input[j] == 0x0A {
                            i = j + 1
                            continue
                        }
                        if input[j] == 0x0D {
                            i = (j + 1 < n && input[j + 1] == 0x0A) ? j + 2 : j + 1
                            continue
                        }
                        out[o] = c
                        o += 1
                        i += 1
                        blankStart = -1
                        continue
                    }
                    if c == 0x20 || c == 0x09 {
                        if blankStart < 0 { blankStart = o }
                    } else if c == 0x0A || c == 0x0D {
                        if blankStart >= 0 { o = blankStart }
                        blankStart = -1
                    } else {
                        blankStart = -1
                    }
                    out[o] = c
                    o += 1
                    i += 1
                }
                // Blanks at the very end of the input are trailing blanks of the last line.
                if blankStart >= 0 { o = blankStart }
                initialized = o
            }
        }
    }

    public static func decode(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBytes { decode($0) }
    }
}

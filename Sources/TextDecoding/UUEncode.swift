/// uuencode (and its "begin-base64" variant) block extraction from message bodies.
public enum UUEncode {
    /// Finds "begin NNN name" ... "end" blocks (also x-uuencode bodies) and decodes each; tolerant of short/garbled lines.
    ///
    /// Contract: a block starts at a line "begin" SP octal-mode SP name (mode of 3 or 4 octal digits; the name may
    /// be empty and is decoded as undeclared header text, trailing blanks cut). It ends at a line "end" or at the
    /// end of the input (an unterminated block is still returned if it decoded any bytes, so a stray
    /// "begin 644 ..." sentence in prose yields nothing). Each data line decodes
    /// `(first byte - 32) & 63` bytes; a line shorter than its count (blanks stripped in transit) is padded with
    /// zero bits; characters are read as `(c - 32) & 63`, so "`" and " " are both zero. A line with bytes outside
    /// 0x20...0x60 is skipped as garbage. "begin-base64 NNN name" blocks end at "====" and are base64-decoded.
    public static func decodeBlocks(_ input: UnsafeRawBufferPointer) -> [(name: String, bytes: [UInt8])] {
        var blocks: [(name: String, bytes: [UInt8])] = []
        let n = input.count
        var pos = 0
        // State: nil outside a block; otherwise the block being filled.
        var current: (name: String, base64: Bool, data: [UInt8])? = nil
        while pos < n {
            // Line [pos, lineEnd), CR stripped.
            var lineEnd = pos
            while lineEnd < n && input[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < n ? lineEnd + 1 : n
            var end = lineEnd
            if end > pos && input[end - 1] == 0x0D { end -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: input[pos..<end])
            pos = next

            if var block = current {
                if block.base64 {
                    if line.starts(with: "====".utf8) {
                        blocks.append((block.name, Base64.decode(block.data).bytes))
                        current = nil
                        continue
                    }
                    block.data.append(contentsOf: line)
                    current = block
                    continue
                }
                if line.starts(with: "end".utf8) && isBlankTail(line, from: 3) {
                    blocks.append((block.name, block.data))
                    current = nil
                    continue
                }
                decodeLine(line, into: &block.data)
                current = block
                continue
            }
            if let header = parseBegin(line) {
                current = (header.name, header.base64, [])
            }
        }
        if let block = current, !block.data.isEmpty {
            blocks.append((block.name, block.base64 ? Base64.decode(block.data).bytes : block.data))
        }
        return blocks
    }

    public static func decodeBlocks(_ input: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        input.withUnsafeBytes { decodeBlocks($0) }
    }

    static func isBlankTail(_ line: UnsafeRawBufferPointer, from: Int) -> Bool {
        var i = from
        while i < line.count {
            if line[i] != 0x20 && line[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// "begin 644 name" or "begin-base64 644 name".
    static func parseBegin(_ line: UnsafeRawBufferPointer) -> (name: String, base64: Bool)? {
        var i: Int
        let base64: Bool
        if line.starts(with: "begin-base64 ".utf8) {
            base64 = true
            i = 13
        } else if line.starts(with: "begin ".utf8) {
            base64 = false
            i = 6
        } else {
            return nil
        }
        let n = line.count
        while i < n && line[i] == 0x20 { i += 1 }
        let modeStart = i
        while i < n && line[i] >= 0x30 && line[i] <= 0x37 { i += 1 }
        let modeLength = i - modeStart
        guard modeLength >= 3 && modeLength <= 4 else { return nil }
        guard i == n || line[i] == 0x20 || line[i] == 0x09 else { return nil }
        while i < n && (line[i] == 0x20 || line[i] == 0x09) { i += 1 }
        var e = n
        while e > i && (line[e - 1] == 0x20 || line[e - 1] == 0x09) { e -= 1 }
        let name = EncodedWords.decode(UnsafeRawBufferPointer(rebasing: line[i..<e]))
        return (name, base64)
    }

    static func decodeLine(_ line: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let n = line.count
        guard n > 0 else { return }
        for c in line where c < 0x20 || c > 0x60 { return }
        let count = Int((line[0] &- 0x20) & 0x3F)
        if count == 0 { return }
        var produced = 0
        var i = 1
        while produced < count {
            var v: UInt32 = 0
            for k in 0..<4 {
                let idx = i + k
                let c: UInt8 = idx < n ? line[idx] : 0x20
                v = v << 6 | UInt32((c &- 0x20) & 0x3F)
            }
            i += 4
            var shift: UInt32 = 16
            while produced < count {
                out.append(UInt8(truncatingIfNeeded: v >> shift))
                produced += 1
                if shift == 0 { break }
                shift -= 8
            }
        }
    }
}

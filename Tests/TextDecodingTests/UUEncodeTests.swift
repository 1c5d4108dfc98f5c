import Foundation
import Testing
@testable import TextDecoding

@Suite struct UUEncodeTests {
    func blocks(_ s: String) -> [(name: String, bytes: [UInt8])] { UUEncode.decodeBlocks(Array(s.utf8)) }

    @Test func decodesBlockFromAReferenceEncoder() {
        // Produced by Python's binascii.b2a_uu(..., backtick=True).
        let body = "Some text before.\r\n\r\nbegin 644 hello.txt\r\n"
            + #"B2&5L;&\L('5U96YC;V1E(0I396-O;F0@;&EN92```?_^"@``"# + "\r\n`\r\nend\r\nSignature\r\n"
        let r = blocks(body)
        #expect(r.count == 1)
        #expect(r.first?.name == "hello.txt")
        #expect(r.first?.bytes == b("Hello, uuencode!\nSecond line ") + [0, 1, 0xFF, 0xFE, 0x0A])
    }

    @Test func roundTripsAllByteValuesAndTwoBlocks() {
        let data = (0..<256).map { UInt8($0) }
        let text = "begin 600 a.bin\n" + uuencode(data) + "end\nmiddle\nbegin 0644 b b.txt\n" + uuencode(b("second")) + "end\n"
        let r = blocks(text)
        #expect(r.count == 2)
        #expect(r[0].name == "a.bin" && r[0].bytes == data)
        #expect(r[1].name == "b b.txt" && r[1].bytes == b("second"))
    }

    @Test func toleratesStrippedTrailingSpacesAndGarbageLines() {
        // Encoders that use " " for zero lose trailing blanks in transit; the line is padded back.
        var enc = uuencode(b("abc\0\0\0")).replacingOccurrences(of: "`", with: " ")
        enc = enc.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n")
        let r = blocks("begin 644 z\n" + enc + "this line is not uuencode at all\nend\n")
        #expect(r.first?.bytes == b("abc") + [0, 0, 0])
    }

    @Test func unterminatedBlockStillReturned() {
        let r = blocks("begin 644 cut.bin\n" + uuencode(b("partial data")))
        #expect(r.count == 1 && r[0].bytes == b("partial data"))
    }

    @Test func base64Variant() {
        let r = blocks("begin-base64 644 x.txt\nYmVnaW4tYmFzZTY0IHRlc3Q=\n====\n")
        #expect(r.count == 1 && r[0].name == "x.txt" && r[0].bytes == b("begin-base64 test"))
    }

    @Test func noBlocksInProse() {
        #expect(blocks("Hello,\nlet us begin 2023 with a plan.\nbegin now\nend\n").isEmpty)
        #expect(blocks("begin 644 empty\nend\n").count == 1)
        #expect(blocks("").isEmpty)
        #expect(blocks("begin 99 bad-mode\nM86)C\nend\n").isEmpty)
    }

    @Test func hostileInputNeverTraps() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<200 {
            let input = hostileInput(&rng, pieces: ["begin 644 f\n", "end\n", "M", "`", "\n", "\r\n", "begin-base64 644 g\n", "====\n", "!!!"],
                                     length: Int.random(in: 0..<500, using: &rng))
            _ = UUEncode.decodeBlocks(input)
        }
    }
}

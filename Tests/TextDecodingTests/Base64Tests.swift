import Foundation
import Testing
@testable import TextDecoding

@Suite struct Base64Tests {
    @Test func decodesPaddedInput() {
        let r = Base64.decode(b("SGVsbG8sIHdvcmxkIQ=="))
        #expect(r.bytes == b("Hello, world!"))
        #expect(!r.malformed)
    }

    @Test func lineBreaksAndSpacesAreNotMalformed() {
        let r = Base64.decode(b("SGVs\r\nbG8s\nIHdv cmxk\tIQ==\r\n"))
        #expect(r.bytes == b("Hello, world!"))
        #expect(!r.malformed)
    }

    @Test func garbageIsSkippedButFlagged() {
        let r = Base64.decode(b("SGVs*bG8!#"))
        #expect(r.bytes == b("Hello"))
        #expect(r.malformed)
    }

    @Test func missingPaddingDecodesAndFlags() {
        let two = Base64.decode(b("SGVsbG8"))  // 7 sextets: 5 bytes
        #expect(two.bytes == b("Hello"))
        #expect(two.malformed)
        let one = Base64.decode(b("QQ"))
        #expect(one.bytes == b("A"))
        #expect(one.malformed)
    }

    @Test func leftoverSingleSextetIsMalformed() {
        let r = Base64.decode(b("QUJDR"))
        #expect(r.bytes == b("ABC"))
        #expect(r.malformed)
    }

    @Test func embeddedNULBytes() {
        let r = Base64.decode(b("AGFiAA=="))
        #expect(r.bytes == [0, 0x61, 0x62, 0])
        #expect(!r.malformed)
    }

    @Test func stopsAtFirstPaddingGroup() {
        let r = Base64.decode(b("QQ==QkI="))
        #expect(r.bytes == b("A"))
        #expect(r.malformed)  // data after the padding was dropped
        let clean = Base64.decode(b("QUI=\r\n\r\n"))
        #expect(clean.bytes == b("AB"))
        #expect(!clean.malformed)
    }

    @Test func strayPaddingIsMalformed() {
        #expect(Base64.decode(b("QUJD=")).malformed)
        #expect(Base64.decode(b("=")).bytes.isEmpty)
    }

    @Test func emptyAndAllGarbage() {
        let e = Base64.decode([UInt8]())
        #expect(e.bytes.isEmpty && !e.malformed)
        let g = Base64.decode(b("!!!!@@@@"))
        #expect(g.bytes.isEmpty && g.malformed)
        let ws = Base64.decode(b(" \r\n\t "))
        #expect(ws.bytes.isEmpty && !ws.malformed)
    }

    @Test func roundTripsAllByteValuesAndLengths() {
        var rng = SplitMix64(seed: 1)
        for len in 0..<200 {
            let data = (0..<len).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let encoded = Data(data).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            let r = Base64.decode(Array(encoded.utf8))
            #expect(r.bytes == data, "length \(len)")
            #expect(!r.malformed)
        }
    }

    @Test func rawBufferOverloadMatches() {
        let input = b("SGVsbG8=")
        let r = input.withUnsafeBytes { Base64.decode($0) }
        #expect(r.bytes == b("Hello"))
    }

    @Test func hostileInputNeverTraps() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<300 {
            let input = hostileInput(&rng, pieces: ["=", "==", "QQ", "\r\n", "A", "/+", "-"], length: Int.random(in: 0..<300, using: &rng))
            let r = Base64.decode(input)
            #expect(r.bytes.count <= input.count / 4 * 3 + 3)
        }
    }
}

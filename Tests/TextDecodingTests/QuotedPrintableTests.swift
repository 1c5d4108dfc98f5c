import Testing
@testable import TextDecoding

@Suite struct QuotedPrintableTests {
    @Test func hexEscapesEitherCase() {
        #expect(QuotedPrintable.decode(b("Caf=C3=A9 caf=c3=a9")) == b("Café café"))
        #expect(QuotedPrintable.decode(b("a=3Db")) == b("a=b"))
    }

    @Test func softLineBreaks() {
        #expect(QuotedPrintable.decode(b("abc=\r\ndef")) == b("abcdef"))
        #expect(QuotedPrintable.decode(b("abc=\ndef")) == b("abcdef"))
        #expect(QuotedPrintable.decode(b("abc=  \t\r\ndef")) == b("abcdef"))
        #expect(QuotedPrintable.decode(b("abc= \ndef")) == b("abcdef"))
        #expect(QuotedPrintable.decode(b("last line=")) == b("last line"))
        #expect(QuotedPrintable.decode(b("last line=  ")) == b("last line"))
    }

    @Test func brokenEscapesKeptLiterally() {
        #expect(QuotedPrintable.decode(b("=ZZ")) == b("=ZZ"))
        #expect(QuotedPrintable.decode(b("x=4")) == b("x=4"))
        #expect(QuotedPrintable.decode(b("100% = ok")) == b("100% = ok"))
        #expect(QuotedPrintable.decode(b("a=G1b")) == b("a=G1b"))
        #expect(QuotedPrintable.decode(b("==41")) == b("=A"))
    }

    @Test func lineEndsKept() {
        #expect(QuotedPrintable.decode(b("a\r\nb\nc\r\n")) == b("a\r\nb\nc\r\n"))
    }

    @Test func transportPaddingRemovedButEncodedSpaceKept() {
        #expect(QuotedPrintable.decode(b("a  \r\nb\t\nc")) == b("a\r\nb\nc"))
        #expect(QuotedPrintable.decode(b("a=20\r\nb")) == b("a \r\nb"))
        #expect(QuotedPrintable.decode(b("a b")) == b("a b"))
    }

    @Test func binaryAndEmpty() {
        #expect(QuotedPrintable.decode([UInt8]()) == [])
        #expect(QuotedPrintable.decode(b("=00=FF=80")) == [0, 0xFF, 0x80])
        #expect(QuotedPrintable.decode([0xE9, 0x00]) == [0xE9, 0x00])
    }

    @Test func hostileInputNeverTrapsAndNeverGrows() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<300 {
            let input = hostileInput(&rng, pieces: ["=", "=\r\n", "=4", "=41", " ", "\t", "\r", "\n", "x"],
                                     length: Int.random(in: 0..<300, using: &rng))
            #expect(QuotedPrintable.decode(input).count <= input.count)
        }
    }
}

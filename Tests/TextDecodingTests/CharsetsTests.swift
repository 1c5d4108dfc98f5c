import Foundation
import Testing
@testable import TextDecoding

@Suite struct CharsetsTests {
    func dec(_ bytes: [UInt8], _ cs: String?) -> Charsets.Decoded { Charsets.decode(bytes, declared: cs) }
    func base64(_ s: String) -> [UInt8] { Base64.decode(b(s)).bytes }

    @Test func utf8Declared() {
        #expect(dec(b("Réunion d’équipe"), "UTF-8") == .init(text: "Réunion d’équipe", charset: "utf-8", lossy: false))
        #expect(dec(b("x"), "\"utf8\"").charset == "utf-8")
        #expect(dec([0xEF, 0xBB, 0xBF] + b("bom"), "utf-8").text == "bom")
        #expect(dec([], "utf-8") == .init(text: "", charset: "utf-8", lossy: false))
    }

    @Test func declaredUTF8ButLatin1FallsBackToWindows1252() {
        let r = dec([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94], "utf-8")
        #expect(r == .init(text: "café “q”", charset: "windows-1252", lossy: true))
    }

    @Test func declaredUTF8MixedGarbageUsesReplacement() {
        let r = dec(b("é") + [0xFF] + b("ok"), "utf-8")
        #expect(r == .init(text: "é\u{FFFD}ok", charset: "utf-8", lossy: true))
        // Overlong encodings and surrogates are invalid UTF-8.
        #expect(dec(b("é") + [0xC0, 0xAF], "utf-8").lossy)
        #expect(dec(b("é") + [0xED, 0xA0, 0x80], "utf-8").text.contains("\u{FFFD}"))
        // Truncated sequence at the end.
        #expect(dec(b("é") + [0xE2, 0x82], "utf-8").text == "é\u{FFFD}")
    }

    @Test func asciiDeclared() {
        #expect(dec(b("plain"), "US-ASCII") == .init(text: "plain", charset: "us-ascii", lossy: false))
        #expect(dec(b("naïve"), "us-ascii") == .init(text: "naïve", charset: "utf-8", lossy: false))
        #expect(dec([0x6E, 0x61, 0xEF, 0x76, 0x65], "ascii") == .init(text: "naïve", charset: "windows-1252", lossy: true))
    }

    @Test func undeclaredGuesses() {
        #expect(dec(b("Genève"), nil) == .init(text: "Genève", charset: "utf-8", lossy: false))
        #expect(dec([0x47, 0x65, 0x6E, 0xE8, 0x76, 0x65], nil) == .init(text: "Genève", charset: "windows-1252", lossy: false))
        #expect(dec([0x47, 0x65, 0x6E, 0xE8, 0x76, 0x65], "") == .init(text: "Genève", charset: "windows-1252", lossy: false))
        for label in ["x-unknown", "unknown", "unknown-8bit", "default", "X-UNKNOWN"] {
            #expect(dec([0xE9, 0x74, 0xE9], label) == .init(text: "été", charset: "windows-1252", lossy: false), "\(label)")
            #expect(dec(b("été"), label) == .init(text: "été", charset: "utf-8", lossy: false), "\(label)")
        }
    }

    @Test func unknownDeclaredCharsetGuessesAndIsLossy() {
        #expect(dec([0xE9], "x-klingon") == .init(text: "é", charset: "windows-1252", lossy: true))
        #expect(dec(b("ascii only"), "x-klingon") == .init(text: "ascii only", charset: "utf-8", lossy: false))
        // iconv option syntax in a name is not a name.
        #expect(dec(b("é"), "UTF-8//TRANSLIT").lossy)
        #expect(dec(b("é"), "utf-8 bogus").charset == "utf-8")
    }

    @Test func latin1IsDecodedAsWindows1252() {
        for label in ["iso-8859-1", "ISO_8859-1", "latin1", "l1", "cp1252", "windows-1252", "x-cp1252", "iso8859-1"] {
            let r = dec([0x80, 0x20, 0xE0, 0x9F], label)
            #expect(r == .init(text: "€ àŸ", charset: "windows-1252", lossy: false), "\(label)")
        }
        // UTF-8 mislabelled as Latin-1 is recognised; pure ASCII stays windows-1252.
        #expect(dec(b("Genève"), "iso-8859-1") == .init(text: "Genève", charset: "utf-8", lossy: true))
        #expect(dec(b("Geneva"), "iso-8859-1") == .init(text: "Geneva", charset: "windows-1252", lossy: false))
        #expect(dec(b("Genève") + [0xE9], "iso-8859-1").text == "GenÃ¨veé")
        // The five bytes windows-1252 leaves undefined map to C1 controls, not to failures.
        #expect(dec([0x81, 0x8D], "windows-1252").text.unicodeScalars.map(\.value) == [0x81, 0x8D])
        let all = dec((0...255).map { UInt8($0) }, "windows-1252")
        #expect(all.text.unicodeScalars.count == 256 && !all.lossy)
    }

    @Test func iconvCharsets() {
        #expect(dec(base64("8NLJ18XULCDNydI="), "koi8-r") == .init(text: "Привет, мир", charset: "koi8-r", lossy: false))
        #expect(dec(base64("x+Tw4OLx8uLz6fLl"), "windows-1251") == .init(text: "Здравствуйте", charset: "windows-1251", lossy: false))
        #expect(dec(base64("x+Tw4OLx8uLz6fLl"), "cp1251").charset == "windows-1251")
        #expect(dec(base64("xOO6w6OsysC95w=="), "gb2312") == .init(text: "你好，世界", charset: "gb18030", lossy: false))
        #expect(dec(base64("xOO6w6OsysC95w=="), "GBK").text == "你好，世界")
        #expect(dec(base64("vsiz58fPvLy/5A=="), "ks_c_5601-1987") == .init(text: "안녕하세요", charset: "cp949", lossy: false))
        #expect(dec(base64("vsiz58fPvLy/5A=="), "euc-kr").text == "안녕하세요")
        #expect(dec(base64("g2WDWINn"), "shift_jis").text == "テスト")
        #expect(dec(b("Hi Mom -+Jjo--!"), "unicode-1-1-utf-7") == .init(text: "Hi Mom -☺-!", charset: "utf-7", lossy: false))
        #expect(dec([0xE4], "iso-8859-15").text == "ä")
        #expect(dec([0xA4], "ISO-8859-15") == .init(text: "€", charset: "iso-8859-15", lossy: false))
        #expect(dec([0xA4], "iso8859_15").text == "€")
    }

    @Test func iso2022JP() {
        let r = dec(base64("GyRCJDMkcyRLJEEkT0AkMyYbKEI="), "ISO-2022-JP")
        #expect(r == .init(text: "こんにちは世界", charset: "iso-2022-jp", lossy: false))
        // NEC row 13 (circled digit one) is outside strict JIS X 0208; Windows mailers send it anyway.
        let nec: [UInt8] = [0x1B, 0x24, 0x42, 0x2D, 0x21, 0x24, 0x22, 0x1B, 0x28, 0x42, 0x61]
        #expect(dec(nec, "iso-2022-jp") == .init(text: "①あa", charset: "iso-2022-jp", lossy: false))
    }

    @Test func iconvInvalidBytesAreReplacedAndDecodingContinues() {
        let r = dec([0xBE, 0xC8, 0xFF, 0xB3, 0xE7], "euc-kr")
        #expect(r == .init(text: "안\u{FFFD}녕", charset: "cp949", lossy: true))
        let truncated = dec([0xBE, 0xC8, 0xB3], "euc-kr")
        #expect(truncated.text == "안\u{FFFD}" && truncated.lossy)
        let utf7 = dec([0x61, 0xE9, 0x62], "utf-7")
        #expect(utf7.lossy && utf7.text.hasPrefix("a") && utf7.text.contains("\u{FFFD}"))
    }

    @Test func largeInputsThroughEveryPath() {
        let latin = [UInt8](repeating: 0xE9, count: 200_000)
        #expect(dec(latin, "iso-8859-1").text.count == 200_000)
        let koi = [UInt8](repeating: 0xF0, count: 200_000)
        #expect(dec(koi, "koi8-r").text.count == 200_000)
        let bad = [UInt8](repeating: 0xFF, count: 100_000)
        let r = dec(bad, "euc-kr")
        #expect(r.lossy && r.text.unicodeScalars.count == 100_000)
    }

    @Test func hostileNamesAndBytesNeverTrap() {
        var rng = SplitMix64(seed: 5)
        let names: [String?] = [nil, "", "utf-8", "iso-2022-jp", "utf-7", "utf-16", "UTF-32", "euc-jp", "big5", "gb18030",
                                "shift_jis", "x-unknown", "\u{0}", "utf-8\0", "%%%", String(repeating: "a", count: 500), "'\"'", "*"]
        for _ in 0..<400 {
            let input = hostileInput(&rng, pieces: ["\u{1B}$B", "\u{1B}(B", "+", "-", "é", "\u{FEFF}", "\r\n"],
                                     length: Int.random(in: 0..<200, using: &rng))
            let name = names[Int.random(in: 0..<names.count, using: &rng)]
            _ = Charsets.decode(input, declared: name)
        }
    }
}

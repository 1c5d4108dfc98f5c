import Testing
@testable import TextDecoding

@Suite struct EncodedWordsTests {
    func d(_ s: String) -> String { EncodedWords.decode(Array(s.utf8)) }

    /// RFC 2047 section 8: the table of encoded-word pairs and how the whitespace between them is handled.
    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
    ])
    func rfc2047Section8Table(raw: String, expected: String) {
        #expect(d(raw) == expected)
    }

    /// RFC 2047 section 8: the header examples.
    @Test func rfc2047Section8Headers() {
        #expect(d("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>") == "Keith Moore <moore@cs.utk.edu>")
        #expect(d("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>") == "Keld Jørn Simonsen <keld@dkuug.dk>")
        #expect(d("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>") == "André Pirard <PIRARD@vm1.ulg.ac.be>")
        #expect(d("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=")
            == "If you can read this you understand the example.")
        #expect(d("=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>") == "Olle Järnefors <ojarnef@admin.kth.se>")
        #expect(d("Nathaniel Borenstein <nsb@thumper.bellcore.com> (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)")
            == "Nathaniel Borenstein <nsb@thumper.bellcore.com> (םולש ןב ילטפנ)")
    }

    @Test func frenchSubjects() {
        #expect(d("=?ISO-8859-1?Q?R=E9union_d'=E9quipe_=E0_Gen=E8ve?=") == "Réunion d'équipe à Genève")
        #expect(d("=?iso-8859-1?q?Pr=E9sentation?= du =?iso-8859-1?q?d=E9partement?=") == "Présentation du département")
        #expect(d("=?UTF-8?B?RsOqdGUgZGUgbGEgU2NpZW5jZSDDoCBHZW7DqHZl?=") == "Fête de la Science à Genève")
        #expect(d("Re: =?utf-8?q?Caf=C3=A9_cr=C3=A8me?=") == "Re: Café crème")
    }

    @Test func utf8CharacterSplitAcrossTwoBWords() {
        // "café€": the é is split after its first byte, the € starts the second word.
        #expect(d("=?utf-8?B?Y2Fmww==?= =?UTF-8?B?qeKCrA==?=") == "café€")
        // Also when the second word spells the charset differently.
        #expect(d("=?utf-8?B?Y2Fmww==?=\t=?utf8?B?qeKCrA==?=") == "café€")
    }

    @Test func otherCharsets() {
        #expect(d("=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkT0AkMyYbKEI=?=") == "こんにちは世界")
        #expect(d("=?koi8-r?B?8NLJ18XULCDNydI=?=") == "Привет, мир")
        #expect(d("=?windows-1251?B?x+Tw4OLx8uLz6fLl?=") == "Здравствуйте")
        #expect(d("=?gb2312?B?xOO6w6OsysC95w==?=") == "你好，世界")
        #expect(d("=?ks_c_5601-1987?B?vsiz58fPvLy/5A==?=") == "안녕하세요")
    }

    @Test func unknownCharsetWordLeftAlone() {
        #expect(d("=?x-klingon?Q?abc?=") == "=?x-klingon?Q?abc?=")
        #expect(d("Hi =?x-klingon?Q?abc?= =?utf-8?Q?d?=") == "Hi =?x-klingon?Q?abc?= d")
    }

    @Test func malformedWordsLeftAlone() {
        #expect(d("=?utf-8?B?@@@@?=") == "=?utf-8?B?@@@@?=")
        #expect(d("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
        #expect(d("=?utf-8?Q?abc") == "=?utf-8?Q?abc")
        #expect(d("=?utf-8?Q?a b?=") == "=?utf-8?Q?a b?=")
        #expect(d("=??Q?abc?=") == "=??Q?abc?=")
        #expect(d("a =? b ?= c") == "a =? b ?= c")
        #expect(d("=?") == "=?")
    }

    @Test func wordsInQuotedStringsAndGluedToText() {
        #expect(d("\"=?utf-8?Q?Jos=C3=A9?=\" <jose@example.org>") == "\"José\" <jose@example.org>")
        #expect(d("Re:=?utf-8?Q?caf=C3=A9?=!") == "Re:café!")
        #expect(d("=?utf-8?Q?a?==?utf-8?Q?b?=") == "ab")
        #expect(d("=?utf-8?Q?a?= - =?utf-8?Q?b?=") == "a - b")
    }

    @Test func qDetailsAndLanguageSuffix() {
        #expect(d("=?utf-8?q?a=3Fb_c?=") == "a?b c")
        #expect(d("=?utf-8?Q?100=?=") == "100=")
        #expect(d("=?utf-8*fr?Q?caf=C3=A9?=") == "café")
        #expect(d("=?utf-8?Q??=") == "")
        #expect(d("=?utf-8?B?Y2Fm?=") == "caf")  // missing padding is fine
    }

    @Test func raw8BitOutsideWords() {
        #expect(EncodedWords.decode(b("Genève =?utf-8?Q?=C3=A0?= Zürich")) == "Genève à Zürich")
        #expect(EncodedWords.decode([0x47, 0x65, 0x6E, 0xE8, 0x76, 0x65]) == "Genève")
        #expect(EncodedWords.decode([0xE9, 0x20] + b("=?utf-8?Q?=C3=A0?=")) == "é à")
        #expect(EncodedWords.decode(b("plain ascii")) == "plain ascii")
        #expect(EncodedWords.decode([UInt8]()) == "")
    }

    @Test func hostileHeadersStayFastAndNeverTrap() {
        // Quadratic-scan bait: many word starts, no terminator.
        let bait = String(repeating: "=?a?q?x", count: 30_000)
        #expect(d(bait) == bait)
        let many = String(repeating: "=?utf-8?Q?a?= ", count: 20_000)
        #expect(d(many) == String(repeating: "a", count: 20_000) + " ")
        var rng = SplitMix64(seed: 6)
        for _ in 0..<400 {
            let input = hostileInput(&rng, pieces: ["=?", "?=", "utf-8", "iso-2022-jp", "?B?", "?Q?", "?q?", "=C3", "=A9", " ", "_", "x-unknown", "QQ=="],
                                     length: Int.random(in: 0..<200, using: &rng))
            _ = EncodedWords.decode(input)
        }
    }
}

import Testing
@testable import TextDecoding

@Suite struct RFC2231Tests {
    func combine(_ params: [(String, String)]) -> [String] {
        RFC2231.combine(params.map { (name: $0.0, value: Array($0.1.utf8)) }).map { "\($0.name)=\($0.value)" }
    }

    /// RFC 2231 section 3: parameter value continuations.
    @Test func rfc2231Continuations() {
        let r = combine([
            ("access-type", "URL"),
            ("url*0", "ftp://"),
            ("url*1", "cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"),
        ])
        #expect(r == ["access-type=URL", "url=ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"])
    }

    /// RFC 2231 section 4: charset and language.
    @Test func rfc2231CharsetAndLanguage() {
        #expect(combine([("title*", "us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")]) == ["title=This is ***fun***"])
    }

    /// RFC 2231 section 4.1: combining continuations with charsets; only `*`-marked sections are percent-decoded.
    @Test func rfc2231CombinedExample() {
        let r = combine([
            ("title*0*", "us-ascii'en'This%20is%20even%20more%20"),
            ("title*1*", "%2A%2A%2Afun%2A%2A%2A%20"),
            ("title*2", "isn't it!"),
        ])
        #expect(r == ["title=This is even more ***fun*** isn't it!"])
        #expect(combine([("t*0*", "utf-8''a%20"), ("t*1", "100%20")]) == ["t=a 100%20"])
    }

    @Test func realFilenameSplitInsideAMultiByteCharacter() {
        // "日本語 — résumé.pdf" cut in the middle of 本's UTF-8 bytes, as Thunderbird-style encoders do.
        let r = combine([
            ("filename*0*", "utf-8''%E6%97%A5%E6%9C"),
            ("filename*1*", "%AC%E8%AA%9E%20%E2%80%94%20r%C3%A9sum%C3%A9.pdf"),
        ])
        #expect(r == ["filename=日本語 — résumé.pdf"])
    }

    @Test func sectionsSortedByNumber() {
        #expect(combine([("name*2", "c"), ("name*0", "a"), ("name*10", "d"), ("name*1", "b")]) == ["name=abcd"])
    }

    @Test func extendedFormWinsOverPlainAndKeepsFirstSeenOrder() {
        let r = combine([
            ("name", "x"),
            ("filename", "fallback.pdf"),
            ("size", "12"),
            ("filename*", "utf-8''Caf%C3%A9.pdf"),
        ])
        #expect(r == ["name=x", "filename=Café.pdf", "size=12"])
        #expect(combine([("filename*0*", "iso-8859-1''caf%E9"), ("filename", "cafe")]) == ["filename=café"])
    }

    @Test func plainValueWithEncodedWordsOrRaw8Bit() {
        #expect(combine([("filename", "=?utf-8?B?Q2Fmw6kgY3LDqG1lLnBkZg==?=")]) == ["filename=Café crème.pdf"])
        #expect(combine([("filename", "=?ISO-8859-1?Q?r=E9sum=E9?=.doc")]) == ["filename=résumé.doc"])
        let raw = RFC2231.combine([(name: "filename", value: [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x70, 0x64, 0x66])])
        #expect(raw.first?.value == "café.pdf")
        #expect(combine([("filename", "café.pdf")]) == ["filename=café.pdf"])
    }

    @Test func lenientExtendedValues() {
        #expect(combine([("name*", "caf%C3%A9")]) == ["name=café"])          // no charset part
        #expect(combine([("name*", "utf-8''100%")]) == ["name=100%"])        // dangling %
        #expect(combine([("name*", "utf-8''%zz%4")]) == ["name=%zz%4"])
        #expect(combine([("name*", "x-klingon''%E9t%E9")]) == ["name=été"])  // unknown charset: guessed
        #expect(combine([("name*", "''plain")]) == ["name=plain"])
        #expect(combine([("NAME*", "utf-8'en'%C3%A9")]) == ["name=é"])
    }

    @Test func hostileParametersNeverTrap() {
        #expect(combine([("name*99999999999999999999", "x"), ("a", "b")]) == ["a=b"])
        #expect(combine([("*", "x"), ("**", "y"), ("a*0*", "")]).last == "a=")
        var rng = SplitMix64(seed: 7)
        let names = ["f", "f*", "f*0", "f*0*", "f*1*", "f*-1", "f**", "*0", "f*00", "g*1"]
        for _ in 0..<300 {
            let params = (0..<Int.random(in: 0..<6, using: &rng)).map { _ in
                (name: names[Int.random(in: 0..<names.count, using: &rng)],
                 value: hostileInput(&rng, pieces: ["'", "%", "%E9", "utf-8", "=?", "?="], length: Int.random(in: 0..<40, using: &rng)))
            }
            _ = RFC2231.combine(params)
        }
    }
}

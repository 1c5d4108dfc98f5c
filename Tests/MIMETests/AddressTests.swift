@testable import MIME
import Testing

@Suite struct AddressTests {
    @Test(arguments: [
        ("a@example.org", [Address(name: nil, address: "a@example.org")]),
        ("Zoé Martin <z@example.org>", [Address(name: "Zoé Martin", address: "z@example.org")]),
        ("\"Dupont, Jean\" <j@example.org>, b@example.org",
         [Address(name: "Dupont, Jean", address: "j@example.org"), Address(name: nil, address: "b@example.org")]),
        ("\"=?utf-8?B?Wm/DqSBNYXJ0aW4=?=\" <z@example.org>", [Address(name: "Zoé Martin", address: "z@example.org")]),
        ("=?iso-8859-1?Q?Ren=E9?= Favre <r@example.org>", [Address(name: "René Favre", address: "r@example.org")]),
        ("<bare@example.org>", [Address(name: nil, address: "bare@example.org")]),
        ("a@example.org, , b@example.org", [Address(name: nil, address: "a@example.org"), Address(name: nil, address: "b@example.org")]),
    ])
    func simpleShapes(raw: String, expected: [Address]) {
        #expect(AddressParser.parse(raw) == expected)
        #expect(AddressParser.simpleList(raw) != nil, "the fast path should take \(raw)")
    }

    @Test(arguments: [
        "Pete(A wonderful \\) chap) <pete(his account)@silly.test(his host)>",
        "A Group:Chris Jones <c@public.example>,joe@example.org;",
        "Mary Smith <@machine.tld:mary@example.net>",
        "\"Joe Q. Public\" <john.q.public@example.com>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>",
        "undisclosed-recipients:;",
    ])
    func complexShapesGoToLibetpan(raw: String) {
        #expect(AddressParser.simpleList(raw) == nil)
        _ = AddressParser.parse(raw)
    }

    /// The fast path must read every address header of the corpus as libetpan's grammar does.
    @Test func fastPathAgreesWithLibetpanOnTheCorpus() throws {
        var compared = 0
        for url in try Fixtures.corpusMessages() {
            guard let message = try? MIMEParser.parse(try Fixtures.bytes(url)) else { continue }
            for name in ["From", "To", "Cc", "Reply-To", "Sender"] {
                for field in message.headers.all(name) {
                    guard let fast = AddressParser.simpleList(field.raw) else { continue }
                    compared += 1
                    #expect(fast == AddressParser.libetpanList(field.raw), "\(url.lastPathComponent) \(name): \(field.raw)")
                }
            }
        }
        #expect(compared > 300)
    }
}

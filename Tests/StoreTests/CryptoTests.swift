import Testing

@testable import Store

struct HashVector: Sendable, CustomTestStringConvertible {
    let name: String
    let message: [UInt8]
    let digest: String
    var testDescription: String { name }
}

/// FIPS 180-4 examples (NIST "SHA256.pdf" and the classic long vectors), and lengths around the
/// padding boundaries (55/56 bytes: the length field fits or spills into a second block),
/// whose digests were computed with Python's hashlib.
let sha256Vectors: [HashVector] = [
    HashVector(
        name: "empty", message: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    HashVector(
        name: "abc", message: Array("abc".utf8),
        digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    HashVector(
        name: "448 bits", message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
        digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    HashVector(
        name: "896 bits",
        message: Array(
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8),
        digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
] + [
    (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
    (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
    (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
    (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
    (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
    (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
    (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    (127, "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
    (128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
].map { length, digest in
    HashVector(name: "bytes 0..<\(length)", message: (0..<length).map { UInt8($0) }, digest: digest)
}

struct HMACVector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: [UInt8]
    let message: [UInt8]
    let mac: String
    var testDescription: String { name }
}

/// RFC 4231, section 4 (HMAC-SHA-256 results). Test case 5 checks only the first 128 bits.
let hmacVectors: [HMACVector] = [
    HMACVector(
        name: "RFC 4231 case 1", key: Array(repeating: 0x0b, count: 20), message: Array("Hi There".utf8),
        mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    HMACVector(
        name: "RFC 4231 case 2 (short key)", key: Array("Jefe".utf8),
        message: Array("what do ya want for nothing?".utf8),
        mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    HMACVector(
        name: "RFC 4231 case 3", key: Array(repeating: 0xaa, count: 20), message: Array(repeating: 0xdd, count: 50),
        mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    HMACVector(
        name: "RFC 4231 case 4", key: Array(1...25), message: Array(repeating: 0xcd, count: 50),
        mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    HMACVector(
        name: "RFC 4231 case 5 (truncated to 128 bits)", key: Array(repeating: 0x0c, count: 20),
        message: Array("Test With Truncation".utf8), mac: "a3b6167473100ee06e0c796c2955552b"),
    HMACVector(
        name: "RFC 4231 case 6 (key longer than a block)", key: Array(repeating: 0xaa, count: 131),
        message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
        mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    HMACVector(
        name: "RFC 4231 case 7 (key and data longer than a block)", key: Array(repeating: 0xaa, count: 131),
        message: Array(
            ("This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.").utf8),
        mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
]

@Suite struct SHA256Tests {
    @Test(arguments: sha256Vectors)
    func digest(of vector: HashVector) {
        #expect(SHA256.hash(vector.message).lowercaseHex == vector.digest)
    }

    @Test func oneMillionTimesA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            SHA256.hash(message).lowercaseHex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the message in pieces of any size, across block boundaries, gives the same digest.
    @Test(arguments: [1, 3, 55, 63, 64, 65, 100, 1000])
    func chunkedUpdates(chunkSize: Int) {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            let end = min(start + chunkSize, message.count)
            hasher.update(message[start..<end])
            start = end
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// A non-contiguous collection goes through the copying path and still hashes the same.
    @Test func nonContiguousInput() {
        let text = "abc"
        var hasher = SHA256()
        hasher.update(text.utf8.lazy.map { $0 })
        #expect(hasher.finalize().lowercaseHex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite struct HMACTests {
    @Test(arguments: hmacVectors)
    func authenticationCode(of vector: HMACVector) {
        let mac = HMACSHA256.authenticationCode(for: vector.message, key: vector.key).lowercaseHex
        #expect(mac.hasPrefix(vector.mac))
        #expect(mac.count == 64)
    }
}

@Suite struct HexTests {
    @Test func roundTrip() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff]
        #expect(bytes.lowercaseHex == "000fa5ff")
        #expect(decodeHex("000fa5ff") == bytes)
        #expect(decodeHex("000FA5FF") == bytes)
    }

    @Test(arguments: ["abc", "zz", "0g", "a b "])
    func rejectsNonHex(_ text: String) {
        #expect(decodeHex(text) == nil)
    }
}

import Foundation
import Synchronization
import Testing

@testable import Store

@Suite struct PseudonymTests {
    @Test func stableForTheSameKeyAndAddress() throws {
        let first = try pseudonym("jane.doe@cern.ch")
        let again = try pseudonym("jane.doe@cern.ch")
        #expect(first == again)
        // A new pseudonymizer with an equal key (a restart) gives the same value.
        let restarted = try #require(
            SenderPseudonymizer(key: try PseudonymKey(bytes: Array(0..<32))).pseudonym(for: "jane.doe@cern.ch"))
        #expect(restarted == first)
    }

    @Test func differentAcrossKeys() throws {
        let other = try PseudonymKey(bytes: Array(repeating: 7, count: 32))
        #expect(try pseudonym("jane.doe@cern.ch") != pseudonym("jane.doe@cern.ch", key: other))
        #expect(try pseudonym("jane.doe@cern.ch", key: .generate()) != pseudonym("jane.doe@cern.ch"))
    }

    @Test func differentAcrossAddresses() throws {
        #expect(try pseudonym("jane.doe@cern.ch") != pseudonym("john.doe@cern.ch"))
        #expect(try pseudonym("jane.doe@cern.ch") != pseudonym("jane.doe@cern.org"))
    }

    /// The documented normalisation: case, white space and angle brackets do not make a new
    /// sender.
    @Test(arguments: ["Jane.Doe@CERN.ch", "<jane.doe@cern.ch>", "  jane.doe@cern.ch\t", " <JANE.DOE@cern.ch> "])
    func normalisedVariants(_ variant: String) throws {
        #expect(try pseudonym(variant) == pseudonym("jane.doe@cern.ch"))
    }

    @Test func neverTheAddress() throws {
        for address in ["jane.doe@cern.ch", "a@b", "0123456789abcdef@cern.ch"] {
            let value = try pseudonym(address).hex
            #expect(value != address)
            #expect(!value.contains("@"))
            #expect(value.count == 64)
            #expect(value.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    /// The HMAC is over a purpose prefix and the normalised address: pinned, so that a change
    /// of the construction (which would silently restart every counter) fails a test.
    @Test func pinnedConstruction() throws {
        let expected = HMACSHA256.authenticationCode(
            for: Array("heed-sender-v1\u{0}jane.doe@cern.ch".utf8), key: Array(0..<32)
        ).lowercaseHex
        #expect(try pseudonym("Jane.Doe@cern.ch").hex == expected)
    }

    @Test(arguments: ["", "<>", "   ", " <> "])
    func nullSenderHasNone(_ address: String) {
        #expect(SenderPseudonymizer(key: testKey).pseudonym(for: address) == nil)
    }

    @Test func onlyHexPassesForAPseudonym() throws {
        #expect(SenderPseudonym(hex: "jane.doe@cern.ch") == nil)
        #expect(SenderPseudonym(hex: String(repeating: "a", count: 63)) == nil)
        #expect(SenderPseudonym(hex: String(repeating: "g", count: 64)) == nil)
        let upper = try #require(SenderPseudonym(hex: String(repeating: "AB", count: 32)))
        #expect(upper.hex == String(repeating: "ab", count: 32))
    }

    @Test func keyNeedsThirtyTwoBytes() {
        #expect(throws: StoreError.self) { try PseudonymKey(bytes: Array(repeating: 1, count: 16)) }
        #expect(throws: StoreError.self) { try PseudonymKey(bytes: Array(repeating: 1, count: 33)) }
    }

    @Test func generatedKeysDiffer() {
        #expect(PseudonymKey.generate().bytes != PseudonymKey.generate().bytes)
        #expect(PseudonymKey.generate().bytes.count == 32)
    }
}

@Suite struct KeyFileTests {
    @Test func createdOnFirstStartThenReused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/secrets/deeper/pseudonym.key"
            let (created, wasCreated) = try PseudonymKey.loadOrCreate(path: path)
            #expect(wasCreated)
            #expect(FileSystem.permissions(of: path) == 0o600)
            #expect(FileSystem.permissions(of: directory + "/secrets") == 0o700)
            let content = try String(contentsOfFile: path, encoding: .utf8)
            #expect(content == created.bytes.lowercaseHex + "\n")

            let (loaded, createdAgain) = try PseudonymKey.loadOrCreate(path: path)
            #expect(!createdAgain)
            #expect(loaded.bytes == created.bytes)
            #expect(
                SenderPseudonymizer(key: loaded).pseudonym(for: "jane.doe@cern.ch")
                    == SenderPseudonymizer(key: created).pseudonym(for: "jane.doe@cern.ch"))
        }
    }

    @Test func operatorMadeKeyIsRead() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pseudonym.key"
            let hex = String(repeating: "0123456789ABCDEF", count: 4)
            try write(" \(hex)\n\n", to: path, mode: 0o600)
            let (key, created) = try PseudonymKey.loadOrCreate(path: path)
            #expect(!created)
            #expect(key.bytes.lowercaseHex == hex.lowercased())
        }
    }

    @Test func readableByOthersIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pseudonym.key"
            try write(String(repeating: "ab", count: 32), to: path, mode: 0o644)
            let error = try #require(throws: StoreError.self) { try PseudonymKey.loadOrCreate(path: path) }
            #expect(error.kind == .keyFile)
            #expect(error.description.contains(path))
            #expect(error.description.contains("chmod 600"))
        }
    }

    @Test func invalidKeyIsRefusedAndKept() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pseudonym.key"
            try write("not a key\n", to: path, mode: 0o600)
            let error = try #require(throws: StoreError.self) { try PseudonymKey.loadOrCreate(path: path) }
            #expect(error.kind == .keyFile)
            #expect(error.description.contains(path))
            #expect(error.description.contains("64 hexadecimal digits"))
            // Not replaced: a new key would silently change every pseudonym.
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a key\n")
        }
    }

    @Test func uncreatableKeyNamesThePath() throws {
        try withTemporaryDirectory { directory in
            let blocker = directory + "/file"
            try write("x", to: blocker, mode: 0o600)
            let path = blocker + "/pseudonym.key"
            let error = try #require(throws: StoreError.self) { try PseudonymKey.loadOrCreate(path: path) }
            #expect(error.kind == .keyFile)
            #expect(error.description.contains(path))
            #expect(error.description.contains("not a directory"))
        }
    }

    /// Several processes (here threads) starting at once agree on one key; exactly one creates it.
    @Test func concurrentFirstStartsAgree() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pseudonym.key"
            let results = Mutex<[(bytes: [UInt8], created: Bool)]>([])
            try onThreads(8) { _ in
                let (key, created) = try PseudonymKey.loadOrCreate(path: path)
                results.withLock { $0.append((key.bytes, created)) }
            }
            let all = results.withLock { $0 }
            #expect(all.count == 8)
            #expect(all.filter(\.created).count == 1)
            #expect(Set(all.map(\.bytes)).count == 1)
            // No temporary file is left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["pseudonym.key"])
        }
    }
}

func write(_ text: String, to path: String, mode: Int) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
}

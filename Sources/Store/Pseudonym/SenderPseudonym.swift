/// A sender as heed stores it: HMAC-SHA256 of the normalised address under heed's secret key,
/// as 64 lower-case hex digits. The store never receives an address for a sender, only this.
///
/// The same address gives the same pseudonym as long as the key stays the same, which is what
/// rate limits and reply de-duplication need; without the key, a pseudonym cannot be turned
/// back into an address, nor confirmed by hashing a guessed address (unlike a plain hash).
/// Rotating the key (deleting the key file, or replacing it) makes every sender new: counters
/// and reply de-duplication start again, and old rows can no longer be linked to new ones.
public struct SenderPseudonym: Hashable, Sendable, CustomStringConvertible {
    /// 64 lower-case hexadecimal digits.
    public let hex: String

    /// A pseudonym read back from storage. Returns nil unless `hex` is 64 hexadecimal digits, so
    /// an address (or anything else) cannot pass for a pseudonym.
    public init?(hex: String) {
        guard hex.utf8.count == 64, let bytes = decodeHex(hex) else { return nil }
        self.hex = bytes.lowercaseHex
    }

    init(digest: [UInt8]) {
        hex = digest.lowercaseHex
    }

    public var description: String { hex }
}

/// Turns sender addresses into pseudonyms with heed's key. Cheap to copy and to call from any
/// thread.
public struct SenderPseudonymizer: Sendable {
    private let key: PseudonymKey

    public init(key: PseudonymKey) {
        self.key = key
    }

    /// The pseudonym of `address` (an envelope sender or a `From` address), or nil for the null
    /// sender (`<>` or empty), which has no one to count or reply to.
    ///
    /// The address is normalised first: surrounding white space and angle brackets are dropped
    /// and the whole address is lower-cased, so `<Jane.Doe@CERN.ch>` and `jane.doe@cern.ch` are
    /// the same sender. (RFC 5321 lets a local part be case-sensitive; no mail system heed
    /// serves uses that, and treating case variants as different people would let a sender dodge
    /// the rate limit.) A domain prefix in the hashed text ties the pseudonym to this purpose
    /// and this normalisation, so a future change of either can use a new prefix.
    public func pseudonym(for address: String) -> SenderPseudonym? {
        let normalised = Self.normalise(address)
        guard !normalised.isEmpty else { return nil }
        let message = Array("heed-sender-v1\u{0}".utf8) + Array(normalised.utf8)
        return SenderPseudonym(digest: HMACSHA256.authenticationCode(for: message, key: key.bytes))
    }

    static func normalise(_ address: String) -> String {
        var text = Substring(address)
        text = text.drop(while: \.isWhitespace)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 {
            text = text.dropFirst().dropLast()
        }
        return text.lowercased()
    }
}

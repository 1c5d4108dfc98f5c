@testable import TextDecoding

/// Bytes of an ASCII/UTF-8 Swift string literal.
func b(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Deterministic PRNG for fuzz tests (SplitMix64), so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random input made of fragments that matter to the decoders, plus random bytes.
func hostileInput(_ rng: inout SplitMix64, pieces: [String], length: Int) -> [UInt8] {
    var out = [UInt8]()
    while out.count < length {
        if Int.random(in: 0..<4, using: &rng) == 0 {
            for _ in 0..<Int.random(in: 1...8, using: &rng) { out.append(UInt8.random(in: 0...255, using: &rng)) }
        } else {
            out.append(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &rng)].utf8)
        }
    }
    return out
}

/// A plain uuencoder for round-trip tests (backtick for zero, 45 bytes a line).
func uuencode(_ data: [UInt8]) -> String {
    func ch(_ v: UInt8) -> Character { Character(Unicode.Scalar(v == 0 ? 0x60 : v + 0x20)) }
    var s = ""
    var i = 0
    while i < data.count {
        let chunk = Array(data[i..<min(i + 45, data.count)])
        s.append(ch(UInt8(chunk.count)))
        var k = 0
        while k < chunk.count {
            let b0 = chunk[k], b1 = k + 1 < chunk.count ? chunk[k + 1] : 0, b2 = k + 2 < chunk.count ? chunk[k + 2] : 0
            s.append(ch(b0 >> 2))
            s.append(ch((b0 << 4 | b1 >> 4) & 0x3F))
            s.append(ch((b1 << 2 | b2 >> 6) & 0x3F))
            s.append(ch(b2 & 0x3F))
            k += 3
        }
        s.append("\n")
        i += 45
    }
    s.append("`\n")
    return s
}

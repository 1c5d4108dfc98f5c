#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches the checks run over whole texts, on the C library's `memchr` (vectorised, where
/// a Swift loop reads one byte at a time), and short words packed into integers.
enum ByteSearch {
    /// The first `byte` in `buf[from..<to]`, or `to`. The first sixteen bytes are read here:
    /// a text of a million short lines would spend more on calls than on the search.
    @inline(__always)
    static func first(_ byte: UInt8, in buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = buf.baseAddress else { return to }
        let near = min(to, from + 16)
        var i = from
        while i < near {
            if base[i] == byte { return i }
            i += 1
        }
        guard i < to, let found = memchr(base + i, Int32(byte), to - i) else { return to }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `byte` occurs in `buf[from..<to]`.
    @inline(__always)
    static func contains(_ byte: UInt8, in buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        first(byte, in: buf, from: from, to: to) < to
    }

    /// Whether `a` and `b` hold the same bytes.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// A hash of `bytes` that takes eight of them per multiply (FNV-1a takes one): for the
    /// look-up tables the checks fill per text.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = hashSeed) -> UInt64 {
        var h = seed ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var k = 0
        while k + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)) &* hashMultiplier
            h ^= h >> 29
            k += 8
        }
        if k < bytes.count {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            while k < bytes.count {
                chunk |= UInt64(base[k]) << shift
                shift += 8
                k += 1
            }
            h = (h ^ chunk) &* hashMultiplier
            h ^= h >> 29
        }
        return h
    }

    static var hashSeed: UInt64 { 0xCBF2_9CE4_8422_2325 }
    static var hashMultiplier: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// `pack` of a key already known to have at most eight bytes.
    @inline(__always)
    static func packShort(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for k in 0..<bytes.count { packed |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        return packed
    }

    /// `packShort` of `buf[start..<start + count]` (`count` at most eight): one unaligned load,
    /// the bytes past `count` masked off, when `buf` has eight bytes from `start`; else byte by
    /// byte. The hot paths pack every word they read, most of them shorter than eight bytes.
    @inline(__always)
    static func packShort(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        if start >= 0, start + 8 <= buf.count, let base = buf.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            return count >= 8 ? word : word & ((1 << UInt64(8 * count)) - 1)
        }
        var packed: UInt64 = 0
        for k in 0..<count { packed |= UInt64(buf[start + k]) << (8 * UInt64(k)) }
        return packed
    }

    /// Up to eight bytes as one integer, the first byte lowest; 0 for an empty or longer word.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard bytes.count <= 8 else { return 0 }
        var packed: UInt64 = 0
        for (k, b) in bytes.enumerated() { packed |= UInt64(b) << (8 * UInt64(k)) }
        return packed
    }

    static func pack(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { pack($0) }
    }
}

/// A set of bytes as a 256-bit mask: membership is a shift and a test.
struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ bytes: some Sequence<UInt8>) {
        for b in bytes { insert(b) }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}

/// A small set of packed words: open addressing with a multiplicative hash, where a
/// `Set<UInt64>` would run SipHash at each look-up (the language detector asks for each word
/// of a message, the tokenizer for many).
struct PackedWordSet: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64

    init(_ keys: [UInt64]) {
        var bits: UInt64 = 4
        while (1 << bits) < keys.count * 4 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << Int(bits))
        for key in keys where key != 0 {
            var i = Self.slot(key, shift)
            while slots[i] != 0 && slots[i] != key { i = (i + 1) & (slots.count - 1) }
            slots[i] = key
        }
        self.slots = slots
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Keys are never 0, so an empty slot ends the search (and 0 is never in the set).
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var i = Self.slot(key, shift)
        while true {
            let found = slots[i]
            if found == key { return true }
            if found == 0 { return false }
            i = (i + 1) & (slots.count - 1)
        }
    }
}

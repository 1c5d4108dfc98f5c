/// A hash table from short byte strings to values: the scanner's cache of chunk analyses.
///
/// The scanner looks up every chunk of the text, so the lookup must be cheap: this table hashes
/// the bytes in place (FNV-1a) and compares them with a stored copy, where a
/// `Dictionary<String, _>` would build a String and run SipHash for each chunk. FNV-1a is not
/// collision-resistant, so a probe gives up after `maxProbes` slots and the caller analyses the
/// chunk afresh: crafted collisions cost a constant per chunk, never a quadratic blow-up.
struct JargonChunkCache<Value> {
    static var maxProbes: Int { 8 }

    /// Entry index + 1 per slot; 0 is an empty slot. The count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var hashes: [UInt64] = []
    /// Where each key starts in `keyBytes`; one more element than there are entries.
    private var keyStarts: [Int] = [0]
    private var keyBytes: [UInt8] = []
    private var values: [Value] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var count: Int { values.count }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            let slot = Int(slots[i])
            if slot == 0 { return nil }
            if hashes[slot - 1] == hash && equals(slot - 1, key) { return values[slot - 1] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds `key` unless the table is full or its probe run is too long.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        guard values.count < limit else { return }
        if (values.count + 1) * 2 > slots.count { grow() }
        guard let slot = freeSlot(hash) else { return }
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        hashes.append(hash)
        values.append(value)
        slots[slot] = Int32(truncatingIfNeeded: values.count)
    }

    private func freeSlot(_ hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            if slots[i] == 0 { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in hashes.indices {
            // An entry whose run is now too long is dropped from the index: it is only a cache.
            if let slot = freeSlot(hashes[entry]) { slots[slot] = Int32(truncatingIfNeeded: entry + 1) }
        }
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[entry], end = keyStarts[entry + 1]
        guard end - start == key.count else { return false }
        for k in 0..<key.count where keyBytes[start + k] != key[k] { return false }
        return true
    }
}

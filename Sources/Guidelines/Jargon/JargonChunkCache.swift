/// A hash table from short byte strings to values: the scanner's cache of chunk analyses.
///
/// The scanner looks up every chunk of the text, so the lookup must be cheap: this table hashes
/// the bytes in place (eight at a time, `ByteSearch.hash`) and keeps each key's first sixteen
/// bytes in its slot, so that most look-ups compare two integers and read nothing else, where a
/// `Dictionary<String, _>` would build a String and run SipHash for each chunk. The hash is not
/// collision-resistant, so a probe gives up after `maxProbes` slots and the caller analyses the
/// chunk afresh: crafted collisions cost a constant per chunk, never a quadratic blow-up.
struct JargonChunkCache<Value> {
    static var maxProbes: Int { 8 }

    struct Slot {
        /// The key's first sixteen bytes, zero-padded: with the length, they tell apart keys of
        /// up to sixteen bytes.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// Key length; entry index + 1 (0: a free slot).
        var length: Int32 = 0
        var entry: Int32 = 0
    }

    /// The count is a power of two.
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var hashes: [UInt64] = []
    /// Where each key starts in `keyBytes`; one more element than there are entries.
    private var keyStarts: [Int] = [0]
    private var keyBytes: [UInt8] = []
    private var values: [Value] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var count: Int { values.count }

    /// A key as the table reads it: its first sixteen bytes and its hash. The hash of a key of
    /// at most sixteen bytes is made from those two integers, so that the key is read once.
    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>
        let head: UInt64
        let tail: UInt64
        let hash: UInt64

        /// The key `buf[range]`; the rest of `buf` may be read (never used) to load the key's
        /// bytes eight at a time.
        @inline(__always)
        init(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            let bytes = UnsafeBufferPointer(rebasing: buf[range])
            self.bytes = bytes
            (head, tail) = JargonWordTable.heads(buf, range)
            if bytes.count <= 16 {
                var h = (ByteSearch.hashSeed ^ UInt64(bytes.count) ^ head) &* ByteSearch.hashMultiplier
                h = (h ^ (h >> 29) ^ tail) &* ByteSearch.hashMultiplier
                hash = h ^ (h >> 29)
            } else {
                hash = ByteSearch.hash(bytes)
            }
        }
    }

    /// Inlined: a call returned the value through memory, and the scanner waited on it for
    /// every chunk of the text.
    @inline(__always)
    func find(_ key: Key) -> Value? {
        let (head, tail, hash) = (key.head, key.tail, key.hash)
        let key = key.bytes
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            let slot = slots[i]
            if slot.entry == 0 { return nil }
            if slot.head == head, slot.tail == tail, Int(slot.length) == key.count, key.count <= 16 || equals(Int(slot.entry) - 1, key) {
                return values[Int(slot.entry) - 1]
            }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds `key` unless the table is full or its probe run is too long; false when it did not.
    @discardableResult
    mutating func insert(_ key: Key, value: Value) -> Bool {
        guard values.count < limit else { return false }
        if (values.count + 1) * 2 > slots.count { grow() }
        guard let slot = freeSlot(key.hash) else { return false }
        keyBytes.append(contentsOf: key.bytes)
        keyStarts.append(keyBytes.count)
        hashes.append(key.hash)
        values.append(value)
        slots[slot] = Slot(head: key.head, tail: key.tail, length: Int32(key.bytes.count), entry: Int32(truncatingIfNeeded: values.count))
        return true
    }

    private func freeSlot(_ hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            if slots[i].entry == 0 { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        for slot in old where slot.entry != 0 {
            // An entry whose run is now too long is dropped from the index: it is only a cache.
            if let free = freeSlot(hashes[Int(slot.entry) - 1]) { slots[free] = slot }
        }
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[entry], end = keyStarts[entry + 1]
        guard end - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { ByteSearch.equal(UnsafeBufferPointer(rebasing: $0[start..<end]), key) }
    }
}

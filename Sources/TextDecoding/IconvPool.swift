#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Open iconv handles, kept for reuse. Opening a handle loads glibc's gconv module for the charset
/// and closing the last one unloads it again (a dlopen and a dlclose): that costs more than
/// decoding a whole small message, and mail repeats the same few charsets.
///
/// Contract: a handle is used by one caller at a time — `withHandle` takes it out of the pool,
/// resets its shift state, and puts it back afterwards. The pool is bounded because charset names
/// come from the mail: at most `maxNames` names and `maxPerName` idle handles each; past that,
/// handles are simply closed after use.
final class IconvPool: Sendable {
    static let shared = IconvPool()
    static let maxNames = 64
    static let maxPerName = 4

    /// iconv_t is a raw pointer; a handle is only ever used by the caller that holds it.
    private struct Handle: @unchecked Sendable { let cd: iconv_t }

    private let idle = Mutex<[String: [Handle]]>([:])
    /// Names iconv does not know, remembered (bounded like the pool) so that a hostile charset
    /// name costs one failed iconv_open, not one per part.
    private let unknown = Mutex<Set<String>>([])

    /// Runs `body` with a handle converting from `charset` to UTF-8, or returns nil when iconv does
    /// not know the charset.
    func withHandle<R>(from charset: String, _ body: (iconv_t) -> R) -> R? {
        if unknown.withLock({ $0.contains(charset) }) { return nil }
        let pooled = idle.withLock { pool -> Handle? in pool[charset]?.popLast() }
        let handle: Handle
        if let pooled {
            handle = pooled
        } else {
            // iconv_open returns (iconv_t)-1 on failure.
            guard let cd = iconv_open("UTF-8", charset), cd != iconv_t(bitPattern: -1) else {
                unknown.withLock { set in
                    if set.count < Self.maxNames { set.insert(charset) }
                }
                return nil
            }
            handle = Handle(cd: cd)
        }
        // Back to the initial shift state: a previous user may have stopped mid-sequence.
        _ = iconv(handle.cd, nil, nil, nil, nil)
        let result = body(handle.cd)
        let kept = idle.withLock { pool -> Bool in
            if pool[charset] == nil, pool.count >= Self.maxNames { return false }
            if pool[charset, default: []].count >= Self.maxPerName { return false }
            pool[charset, default: []].append(handle)
            return true
        }
        if !kept { iconv_close(handle.cd) }
        return result
    }

    /// True when iconv can convert from `charset` (the handle opened to find out is kept).
    func knows(_ charset: String) -> Bool {
        withHandle(from: charset) { _ in true } ?? false
    }
}

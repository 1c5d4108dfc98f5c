/// Masking of sensitive evidence, so that findings can be logged, stored and mailed.
public enum Evidence {
    /// Replaces every letter and digit of `value` with `*` except the first `keepFirst` and the
    /// last `keepLast` of them; separators (spaces, `+`, `-`, `/`, `.`) stay so the shape is still
    /// recognisable: `mask("+41 79 123 45 12", keepFirst: 4, keepLast: 2)` is `+41 79 *** ** 12`.
    /// When there are too few characters to keep that many, everything alphanumeric is masked but
    /// `keepLast` (a value is never shown whole).
    public static func mask(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let total = value.reduce(0) { $0 + (isMaskable($1) ? 1 : 0) }
        var first = max(0, keepFirst)
        let last = max(0, keepLast)
        if first + last >= total { first = 0 }
        let lastStart = max(first, total - min(last, max(0, total - 1)))
        var seen = 0
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for ch in value {
            guard isMaskable(ch) else {
                out.append(ch)
                continue
            }
            out.append(seen < first || seen >= lastStart ? ch : "*")
            seen += 1
        }
        return out
    }

    /// One line: line breaks, tabs and runs of spaces become one space. Then shortened to `limit`
    /// characters from its start, with an ellipsis.
    public static func excerpt(_ text: String, limit: Int = 80) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(max(1, limit - 1))) + "…"
    }

    private static func isMaskable(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }
}

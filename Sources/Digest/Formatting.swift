import Foundation

/// How the digest writes numbers, changes, shares and times. Pure functions of their inputs
/// (no locale, no clock), so that the same figures always give the same bytes.
public enum DigestFormat {
    /// The minus sign of changes: U+2212, which lines up with "+" where a hyphen would not.
    static let minus = "\u{2212}"

    /// The change of a count against the previous period: "+3", "−2", "±0".
    public static func change(_ current: Int, _ previous: Int) -> String {
        let difference = current - previous
        if difference > 0 { return "+\(difference)" }
        if difference < 0 { return minus + "\(-difference)" }
        return "±0"
    }

    /// The relative change, rounded to a whole percent: "+25 %", "−20 %", "±0 %"; "new" when
    /// the previous period had none and this one has some; nil when both are zero (nothing to
    /// compare). A change that rounds to zero but is not zero keeps its sign ("+0 %" would read
    /// as "no change", so it says "<1 %" with the sign).
    public static func relativeChange(_ current: Int, _ previous: Int) -> String? {
        if previous == 0 { return current == 0 ? nil : "new" }
        let difference = current - previous
        if difference == 0 { return "±0 %" }
        let percent = (Double(abs(difference)) / Double(previous) * 100).rounded()
        let sign = difference > 0 ? "+" : minus
        return percent < 1 ? sign + "<1 %" : sign + "\(Int(percent)) %"
    }

    /// "+3 (+25 %)", "+3 (new)", "±0": the count change, with the relative one when it says more.
    public static func fullChange(_ current: Int, _ previous: Int) -> String {
        let count = change(current, previous)
        guard current != previous, let relative = relativeChange(current, previous) else { return count }
        return "\(count) (\(relative))"
    }

    /// `part` as a share of `whole`, to the whole percent: "25 %"; "<1 %" for a share that is
    /// not zero but rounds to it; "0 %" when `whole` is zero.
    public static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0, part > 0 else { return "0 %" }
        let percent = (Double(part) / Double(whole) * 100).rounded()
        return percent < 1 ? "<1 %" : "\(Int(percent)) %"
    }

    /// The length of a bar, 0...100, for `value` in a chart whose longest bar is `maximum`.
    /// A value above zero always gets at least 1, so that it shows.
    public static func barWidth(_ value: Int, maximum: Int) -> Int {
        guard maximum > 0, value > 0 else { return 0 }
        return max(1, min(100, Int((Double(value) / Double(maximum) * 100).rounded())))
    }

    /// The length of the longest plain-text bar.
    public static let textBarCells = 20

    /// A bar of `cells` characters at most for plain text, in full blocks ("█"); a value above
    /// zero gets at least one.
    public static func textBar(_ value: Int, maximum: Int, cells: Int = textBarCells) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let length = max(1, min(cells, Int((Double(value) / Double(maximum) * Double(cells)).rounded())))
        return String(repeating: "█", count: length)
    }

    /// "2026-11-17 06:00" in UTC. The digest states its time zone once, in the period line.
    public static func minute(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// "2026-11-17" in UTC.
    public static func day(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// A period's length in words, in the largest unit that divides it: "7 days", "36 hours",
    /// "90 minutes".
    public static func length(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        if whole % 86_400 == 0 { return unit(whole / 86_400, "day") }
        if whole % 3600 == 0 { return unit(whole / 3600, "hour") }
        if whole % 60 == 0 { return unit(whole / 60, "minute") }
        return unit(whole, "second")
    }

    /// Pads `text` on the right to `width` characters (for plain-text columns).
    static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Pads `text` on the left to `width` characters (numbers in plain-text columns).
    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

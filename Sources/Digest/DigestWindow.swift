import Foundation

/// The period a digest covers: `--since` back from `--until` (now by default).
public enum DigestWindow {
    /// The longest period: retention keeps at most ten years, and the digest compares with the
    /// period before, so anything longer has nothing to say.
    public static let maximum: TimeInterval = 3650 * 86_400

    /// `7d`, `24h`, `2w`, `90m`: a whole number above zero and one unit (m minutes, h hours,
    /// d days, w weeks), at most ten years. nil for anything else.
    public static func length(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        let seconds: Int
        switch unit {
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86_400
        case "w": seconds = 7 * 86_400
        default: return nil
        }
        let (total, overflow) = count.multipliedReportingOverflow(by: seconds)
        guard !overflow, TimeInterval(total) <= maximum else { return nil }
        return TimeInterval(total)
    }

    /// `2026-11-23` (midnight UTC) or an ISO 8601 time with its zone (`2026-11-23T06:00:00Z`,
    /// `2026-11-23T07:00:00+01:00`). nil for anything else.
    public static func instant(_ text: String) -> Date? {
        let withTime = ISO8601DateFormatter()
        withTime.formatOptions = [.withInternetDateTime]
        if let date = withTime.date(from: text) { return date }
        let dayOnly = ISO8601DateFormatter()
        dayOnly.formatOptions = [.withFullDate]
        dayOnly.timeZone = TimeZone(identifier: "UTC")
        guard text.count == 10 else { return nil }
        return dayOnly.date(from: text)
    }
}

import Foundation

/// Finds the first Danish date expression in a milestone's text and gives its range.
///
/// "1. februar 2025", "15/6-2025", "15.06.2025", "2025-06-15", "4.-5. december 2023",
/// "december 2025" (the month), "marts-april 2025", "uge 34 2025" (ISO week, Monday to
/// Sunday), "2. kvartal 2025" / "Q2 2025", "primo/medio/ultimo marts 2025" (1–10, 11–20,
/// 21–end). Without a year the plan's year is used; without either, nothing.
public enum DanishDates {
    public struct Range: Equatable, Sendable {
        public var from: String
        public var to: String
    }

    static let monthNames: [(String, Int)] = [
        ("januar", 1), ("februar", 2), ("marts", 3), ("april", 4), ("maj", 5), ("juni", 6), ("juli", 7),
        ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("december", 12),
        ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("okt", 10), ("nov", 11), ("dec", 12),
    ]
    static let M = "(" + monthNames.map(\.0).joined(separator: "|") + ")\\.?(?![\\p{L}])"
    static let Y = "(?:\\s+(\\d{4}))?"

    enum Kind { case iso, dayRange, day, slash, dotted, monthRange, week, quarter, qQuarter, part, month }

    static let patterns: [(Kind, NSRegularExpression)] = {
        let list: [(Kind, String)] = [
            (.iso, "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)"),
            (.dayRange, "(?<!\\d)(\\d{1,2})\\.?\\s*[-–]\\s*(\\d{1,2})\\.?\\s*" + M + Y),
            (.day, "(?<!\\d)(\\d{1,2})\\.?\\s*" + M + Y),
            (.slash, "(?<!\\d)(\\d{1,2})/(\\d{1,2})(?:\\s*[-/.]\\s*(\\d{4}|\\d{2})(?!\\d)|\\s+(\\d{4}))?(?![\\d/])"),
            (.dotted, "(?<![\\d.])(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4}|\\d{2})(?![\\d])"),
            (.monthRange, "(?<![\\p{L}])" + M + "\\s*[-–]\\s*" + M + Y),
            (.week, "(?<![\\p{L}])uge\\s*(\\d{1,2})(?:[,\\s/-]+(\\d{4}))?(?!\\d)"),
            (.quarter, "(?<!\\d)([1-4])\\.?\\s*(?:kvartal|kvt\\.?)" + Y),
            (.qQuarter, "(?<![\\p{L}])Q([1-4])(?:\\s*[-/]?\\s*(\\d{4}))?(?!\\d)"),
            (.part, "(?<![\\p{L}])(primo|medio|ultimo)\\s+" + M + Y),
            (.month, "(?<![\\p{L}])" + M + Y),
        ]
        return list.map { ($0.0, try! NSRegularExpression(pattern: $0.1, options: [.caseInsensitive])) }
    }()

    public static func range(in text: String, defaultYear: Int?) -> Range? {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var best: (Kind, NSTextCheckingResult)?
        for (kind, re) in patterns {
            guard let m = re.firstMatch(in: text, range: whole) else { continue }
            if let b = best {
                if m.range.location < b.1.range.location
                    || (m.range.location == b.1.range.location && m.range.length > b.1.range.length) { best = (kind, m) }
            } else {
                best = (kind, m)
            }
        }
        guard let (kind, m) = best else { return nil }
        func g(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        func int(_ i: Int) -> Int? { g(i).flatMap { Int($0) } }
        func month(_ i: Int) -> Int? {
            guard let s = g(i)?.lowercased() else { return nil }
            return monthNames.first { $0.0 == s }?.1
        }
        func year(_ i: Int) -> Int? {
            guard let y = int(i) else { return defaultYear }
            return y < 100 ? 2000 + y : y
        }
        switch kind {
        case .iso:
            return day(int(1), int(2), int(3))
        case .dayRange:
            guard let y = year(4), let mo = month(3), let d1 = int(1), let d2 = int(2), d1 <= d2 else { return nil }
            return span(ymd(y, mo, d1), ymd(y, mo, d2))
        case .day:
            return day(year(3), month(2), int(1))
        case .slash:
            return day(g(3) != nil ? year(3) : year(4), int(2), int(1))
        case .dotted:
            return day(year(3), int(2), int(1))
        case .monthRange:
            guard let y = year(3), let a = month(1), let b = month(2), a <= b else { return nil }
            return span(ymd(y, a, 1), ymd(y, b, daysIn(y, b)))
        case .week:
            guard let y = year(2), let w = int(1), (1...weeksIn(y)).contains(w) else { return nil }
            let monday = isoWeekMonday(y, w)
            return Range(from: iso(monday), to: iso(monday + 6))
        case .quarter, .qQuarter:
            guard let y = year(2), let q = int(1) else { return nil }
            let first = (q - 1) * 3 + 1
            return span(ymd(y, first, 1), ymd(y, first + 2, daysIn(y, first + 2)))
        case .part:
            guard let y = year(3), let mo = month(2), let which = g(1)?.lowercased() else { return nil }
            switch which {
            case "primo": return span(ymd(y, mo, 1), ymd(y, mo, 10))
            case "medio": return span(ymd(y, mo, 11), ymd(y, mo, 20))
            default: return span(ymd(y, mo, 21), ymd(y, mo, daysIn(y, mo)))
            }
        case .month:
            guard let y = year(2), let mo = month(1) else { return nil }
            return span(ymd(y, mo, 1), ymd(y, mo, daysIn(y, mo)))
        }
    }

    // MARK: Calendar arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian.

    static func day(_ y: Int?, _ m: Int?, _ d: Int?) -> Range? {
        guard let y, let m, let d, (1...12).contains(m), (1...daysIn(y, m)).contains(d) else { return nil }
        let n = days(y, m, d)
        return Range(from: iso(n), to: iso(n))
    }

    static func ymd(_ y: Int, _ m: Int, _ d: Int) -> Int? {
        guard (1...12).contains(m), (1...daysIn(y, m)).contains(d) else { return nil }
        return days(y, m, d)
    }

    static func span(_ a: Int?, _ b: Int?) -> Range? {
        guard let a, let b, a <= b else { return nil }
        return Range(from: iso(a), to: iso(b))
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from civil (H. Hinnant's algorithm).
    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func iso(_ n: Int) -> String {
        let (y, m, d) = civil(n)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// 0 = Monday ... 6 = Sunday.
    static func weekday(_ n: Int) -> Int { ((n % 7) + 7 + 3) % 7 }

    static func isoWeekMonday(_ y: Int, _ w: Int) -> Int {
        let jan4 = days(y, 1, 4)
        return jan4 - weekday(jan4) + (w - 1) * 7
    }

    static func weeksIn(_ y: Int) -> Int {
        (isoWeekMonday(y + 1, 1) - isoWeekMonday(y, 1)) / 7
    }
}

import TextScan

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
    ].map { (String($0.0), $0.1) }
    static let monthScalars: [([Unicode.Scalar], Int)] = monthNames.map { (Array($0.0.unicodeScalars), $0.1) }

    /// The text as lower-case scalars, scanned by hand: no regular expressions, no Foundation.
    struct Scanner {
        let c: [Unicode.Scalar]
        init(_ s: String) { c = Array(s.lowercasedFast.unicodeScalars) }

        func isDigit(_ i: Int) -> Bool { i >= 0 && i < c.count && c[i].value >= 48 && c[i].value <= 57 }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < c.count && c[i].properties.isAlphabetic }
        func at(_ i: Int, _ ch: Unicode.Scalar) -> Bool { i >= 0 && i < c.count && c[i] == ch }
        func isSpace(_ i: Int) -> Bool {
            i < c.count && (c[i] == " " || c[i] == "\t" || c[i] == "\u{00A0}" || c[i] == "\u{202F}")
        }
        func dash(_ i: Int) -> Bool { at(i, "-") || at(i, "–") || at(i, "—") }

        /// Skips spaces.
        func ws(_ i: Int) -> Int { var j = i; while isSpace(j) { j += 1 }; return j }

        /// 1 to `max` digits, not followed by another digit.
        func number(_ i: Int, min: Int = 1, max: Int) -> (Int, Int)? {
            var j = i, v = 0
            while isDigit(j) && j - i < max { v = v * 10 + Int(c[j].value - 48); j += 1 }
            guard j - i >= min, !isDigit(j) else { return nil }
            return (v, j)
        }

        func literal(_ i: Int, _ word: String) -> Int? {
            var j = i
            for u in word.unicodeScalars { guard at(j, u) else { return nil }; j += 1 }
            return j
        }

        /// A month name or abbreviation, an optional ".", not followed by a letter.
        func month(_ i: Int) -> (Int, Int)? {
            for (name, m) in DanishDates.monthScalars {
                guard i + name.count <= c.count, c[i..<(i + name.count)].elementsEqual(name) else { continue }
                var j = i + name.count
                if at(j, ".") { j += 1 } else if isLetter(j) { continue }
                return (m, j)
            }
            return nil
        }

        /// " 2025" after something: the year and where it ends, or nil.
        func year(_ i: Int) -> (Int, Int)? {
            let j = ws(i)
            guard j > i, let (y, e) = number(j, min: 4, max: 4) else { return nil }
            return (y, e)
        }
    }

    enum Kind { case iso, dayRange, day, slash, dotted, monthRange, week, quarter, part, month }
    struct Found { var kind: Kind; var end: Int; var n: [Int?] }

    /// Every form that starts at `i`, longest first.
    static func match(_ s: Scanner, at i: Int) -> Found? {
        var best: Found?
        func take(_ f: Found?) { if let f, f.end > (best?.end ?? -1) { best = f } }
        let wordStart = !s.isLetter(i - 1)
        if s.isDigit(i) && !s.isDigit(i - 1) {
            // 2025-03-04
            if let (y, a) = s.number(i, min: 4, max: 4), s.at(a, "-"), let (m, b) = s.number(a + 1, min: 2, max: 2),
               s.at(b, "-"), let (d, e) = s.number(b + 1, min: 2, max: 2) {
                take(Found(kind: .iso, end: e, n: [y, m, d]))
            }
            if let (d1, a) = s.number(i, max: 2) {
                let afterDot = s.at(a, ".") ? a + 1 : a
                // 4.-5. marts 2025
                let r0 = s.ws(afterDot)
                if s.dash(r0), let (d2, b) = s.number(s.ws(r0 + 1), max: 2) {
                    let c0 = s.ws(s.at(b, ".") ? b + 1 : b)
                    if let (m, e) = s.month(c0) {
                        let y = s.year(e)
                        take(Found(kind: .dayRange, end: y?.1 ?? e, n: [y?.0, m, d1, d2]))
                    }
                }
                // 1. februar 2025
                if let (m, e) = s.month(s.ws(afterDot)) {
                    let y = s.year(e)
                    take(Found(kind: .day, end: y?.1 ?? e, n: [y?.0, m, d1]))
                }
                // 15/6-2025, 15/6 2025, 15/6
                if s.at(a, "/"), !s.at(i - 1, "/"), let (m, b) = s.number(a + 1, max: 2) {
                    var found = Found(kind: .slash, end: b, n: [nil, m, d1])
                    let sep = s.ws(b)
                    if s.at(sep, "-") || s.at(sep, "/") || s.at(sep, "."), let (y, e) = s.number(s.ws(sep + 1), min: 2, max: 4),
                       e - s.ws(sep + 1) != 3 {
                        found = Found(kind: .slash, end: e, n: [y, m, d1])
                    } else if let (y, e) = s.year(b) {
                        found = Found(kind: .slash, end: e, n: [y, m, d1])
                    }
                    if !s.at(found.end, "/") { take(found) }
                }
                // 15.06.2025, 15-06-2025
                if !s.at(i - 1, "."), s.at(a, ".") || s.at(a, "-"), let (m, b) = s.number(a + 1, max: 2),
                   s.at(b, ".") || s.at(b, "-"), let (y, e) = s.number(b + 1, min: 2, max: 4), e - b - 1 != 3 {
                    take(Found(kind: .dotted, end: e, n: [y, m, d1]))
                }
                // 2. kvartal 2025, 2. kvt. 2025
                if (1...4).contains(d1) && a == i + 1 {
                    let k = s.ws(afterDot)
                    if let e0 = s.literal(k, "kvartal") ?? s.literal(k, "kvt").map({ s.at($0, ".") ? $0 + 1 : $0 }),
                       !s.isLetter(e0) {
                        let y = s.year(e0)
                        take(Found(kind: .quarter, end: y?.1 ?? e0, n: [y?.0, d1]))
                    }
                }
            }
        }
        guard wordStart, s.isLetter(i) else { return best }
        // Q2 2025
        if s.at(i, "q"), let (q, e0) = s.number(i + 1, max: 1), (1...4).contains(q) {
            var e = e0, y: Int?
            let k = s.ws(e0)
            let k2 = s.at(k, "-") || s.at(k, "/") ? s.ws(k + 1) : k
            if let (yy, ee) = s.number(k2, min: 4, max: 4), k2 > e0 || s.at(k, "-") { y = yy; e = ee }
            if !s.isLetter(e0) { take(Found(kind: .quarter, end: e, n: [y, q])) }
        }
        // uge 34 2025
        if let u = s.literal(i, "uge") {
            if let (w, e0) = s.number(s.ws(u), max: 2) {
                var e = e0, y: Int?
                var k = e0
                while s.at(k, ",") || s.isSpace(k) || s.at(k, "/") || s.at(k, "-") { k += 1 }
                if k > e0, let (yy, ee) = s.number(k, min: 4, max: 4) { y = yy; e = ee }
                take(Found(kind: .week, end: e, n: [y, w]))
            }
        }
        // primo/medio/ultimo marts 2025
        for (word, part) in [("primo", 0), ("medio", 1), ("ultimo", 2)] {
            if let e0 = s.literal(i, word), s.isSpace(e0), let (m, e) = s.month(s.ws(e0)) {
                let y = s.year(e)
                take(Found(kind: .part, end: y?.1 ?? e, n: [y?.0, m, part]))
            }
        }
        // marts-april 2025, december 2025
        if let (m1, e1) = s.month(i) {
            let k = s.ws(e1)
            if s.dash(k), let (m2, e2) = s.month(s.ws(k + 1)) {
                let y = s.year(e2)
                take(Found(kind: .monthRange, end: y?.1 ?? e2, n: [y?.0, m1, m2]))
            }
            let y = s.year(e1)
            take(Found(kind: .month, end: y?.1 ?? e1, n: [y?.0, m1]))
        }
        return best
    }

    public static func range(in text: String, defaultYear: Int?) -> Range? {
        let s = Scanner(text)
        var i = 0
        while i < s.c.count {
            if let f = match(s, at: i) { return range(f, defaultYear: defaultYear) }
            i += 1
        }
        return nil
    }

    static func range(_ f: Found, defaultYear: Int?) -> Range? {
        func year(_ v: Int?) -> Int? {
            guard let y = v else { return defaultYear }
            return y < 100 ? 2000 + y : y
        }
        let n = f.n
        switch f.kind {
        case .iso:
            return day(n[0], n[1], n[2])
        case .dayRange:
            guard let y = year(n[0]), let mo = n[1], let d1 = n[2], let d2 = n[3], d1 <= d2 else { return nil }
            return span(ymd(y, mo, d1), ymd(y, mo, d2))
        case .day, .slash, .dotted:
            return day(year(n[0]), n[1], n[2])
        case .monthRange:
            guard let y = year(n[0]), let a = n[1], let b = n[2], a <= b else { return nil }
            return span(ymd(y, a, 1), ymd(y, b, daysIn(y, b)))
        case .week:
            guard let y = year(n[0]), let w = n[1], (1...weeksIn(y)).contains(w) else { return nil }
            let monday = isoWeekMonday(y, w)
            return Range(from: iso(monday), to: iso(monday + 6))
        case .quarter:
            guard let y = year(n[0]), let q = n[1] else { return nil }
            let first = (q - 1) * 3 + 1
            return span(ymd(y, first, 1), ymd(y, first + 2, daysIn(y, first + 2)))
        case .part:
            guard let y = year(n[0]), let mo = n[1], let which = n[2] else { return nil }
            switch which {
            case 0: return span(ymd(y, mo, 1), ymd(y, mo, 10))
            case 1: return span(ymd(y, mo, 11), ymd(y, mo, 20))
            default: return span(ymd(y, mo, 21), ymd(y, mo, daysIn(y, mo)))
            }
        case .month:
            guard let y = year(n[0]), let mo = n[1] else { return nil }
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
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
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

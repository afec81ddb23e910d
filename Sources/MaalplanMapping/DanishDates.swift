import TextScan

/// Finds the first Danish date expression in a milestone's text and gives the range a person means
/// (`from` and `to` inclusive, "yyyy-mm-dd").
///
/// One expression is one date, or a range of two. The forms:
/// - a day: "1. februar 2025", "1. feb. 2025", "15/6-2025", "15/6 2025", "15/6-25", "15.06.2025",
///   "15-06-2025", "2025-06-15";
/// - a month: "december 2025", "dec. 2025";
/// - an ISO week, Monday to Sunday: "uge 34 2025", "uge 34, 2025", "uge nr. 34";
/// - a quarter: "2. kvartal 2025", "2. kvt. 2025", "andet kvartal 2025", "Q2 2025", "Q2-2025";
/// - a half-year: "1. halvår 2025" (1 January – 30 June), "2. halvår" (1 July – 31 December),
///   "første/andet halvår";
/// - a season, meteorological: "forår"/"foråret" (March–May), "sommer"/"sommeren" (June–August),
///   "efterår"/"efteråret" (September–November), "vinter"/"vinteren": 1 December of its year to
///   the end of February of the next ("vinter 2025" and "vinter 2025/26" are 2025-12-01 –
///   2026-02-28), as a winter is named by the year it begins in and every season runs forwards;
/// - part of a month: "primo/medio/ultimo marts 2025" (1–10, 11–20, 21–end); part of a year:
///   "primo 2025" (January), "medio 2025" (June and July, the year's two middle months),
///   "ultimo 2025" (December);
/// - a range: two of these joined by "-", "–", "—", "til", "til og med", "t.o.m.", "og", "+", "&",
///   or "/" between words, with or without spaces, "fra" before it or not: "1. marts - 30. april
///   2025", "fra marts til maj 2025", "01.03.2025-30.04.2025", "1/3-30/4 2025", "marts og april
///   2025", "marts/april 2025", "uge 40 til uge 42", "Q1-Q2 2025". The first end may be a bare
///   number in the second's unit ("4.-5. december", "3. og 4. marts", "1.-2. kvartal") or a day and
///   month before a day ("1.3.-30.4.2025"); the second may be a bare week number after a week
///   ("uge 40-42", "uge 5 og 6", "uge 5+6", "uge 40/41"), a lower one, into the next year, only
///   attached or with a year ("uge 52-2", "uge 52/1 2026"). A range runs from the first end's first
///   day to the second end's last.
///
/// Years: four digits after any form; two digits only attached to a numeric day ("15/6-25",
/// "15.06.25": 2025), never after a word ("sommer 25" has no year). A year written on one end of a
/// range holds for both; when the first end then starts after the second ends, in a later month,
/// the range crosses a new year: "1. november - 31. januar 2026" is 2025-11-01 – 2026-01-31, and
/// "1. november 2025 - 31. januar" the same. With no year written, the plan's year (`defaultYear`)
/// is the first end's and such a range runs into the next year, as a plan looks ahead: "november -
/// januar" in a 2025 plan is 2025-11-01 – 2026-01-31. With no year at all: nil.
///
/// Dates are never invented. An impossible date ("31. februar", "uge 53 2025") or a range that runs
/// backwards in one month or against both written years ("15.-3. marts", "april 2025 - marts 2025")
/// gives nil. Not dates at all, so the scan goes on past them: numbers of things ("3 møder",
/// "40 %"), fractions ("1/2 time"), times ("kl. 10.30"), decimals, case numbers
/// ("00.01.00-A00-28-24"), words that hold a date word ("ugentlig", "bruge", "marcherer",
/// "sommerferien", "vinterferie"), a month's bare
/// abbreviation with neither day nor year nor a month after it ("Jan Hansen"), and "jul" with no
/// day and no dot, which is Christmas ("inden jul 2025"). The first expression in the text wins, a
/// range counting as one; when that one is impossible the answer is nil.
///
/// One pass over the lower-cased scalars, read by hand: no regular expressions, no Foundation, no
/// allocation per position.
public enum DanishDates {
    public struct Range: Equatable, Sendable {
        public var from: String
        public var to: String
    }

    public static func range(in text: String, defaultYear: Int?) -> Range? {
        let s = Scanner(text)
        var i = 0
        while i < s.c.count {
            if s.canStart(i), let (first, second) = s.expression(i) {
                return resolve(first, second, defaultYear: defaultYear)
            }
            i += 1
        }
        return nil
    }

    // MARK: Words

    static func scalars(_ table: [(String, Int)]) -> [([Unicode.Scalar], Int)] {
        table.map { (Array($0.0.unicodeScalars), $0.1) }
    }

    /// The twelve names, then the abbreviations, each before any shorter one it begins with.
    static let monthScalars = scalars([
        ("januar", 1), ("februar", 2), ("marts", 3), ("april", 4), ("maj", 5), ("juni", 6), ("juli", 7),
        ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("december", 12),
        ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("okt", 10), ("nov", 11), ("dec", 12),
    ])
    /// A season's word and its first month.
    static let seasonScalars = scalars([
        ("forår", 3), ("foråret", 3), ("sommer", 6), ("sommeren", 6),
        ("efterår", 9), ("efteråret", 9), ("vinter", 12), ("vinteren", 12),
    ])
    static let partScalars = scalars([("primo", 0), ("medio", 1), ("ultimo", 2)])
    static let ordinalScalars = scalars([("første", 1), ("andet", 2), ("anden", 2), ("tredje", 3), ("fjerde", 4)])
    static let unitScalars = scalars([("kvartal", 3), ("halvår", 6), ("halvåret", 6)])
    /// What a fraction counts ("1/2 time", "3/4 år"): the start of the word after it.
    static let fractionScalars = scalars([("time", 0), ("dag", 0), ("år", 0), ("del", 0)])

    // MARK: What was read

    enum Unit {
        /// `a` the day, `b` the month.
        case day
        /// `a` the ISO week.
        case week
        /// `b` whole months from month `a` (a month, quarter, half-year, season, part of a year).
        case months
        /// `a` the part of month `b`: 0 primo (1–10), 1 medio (11–20), 2 ultimo (21–end).
        case part
    }

    /// One end of an expression: a day, week, run of months or part of a month, with its year if
    /// one is written.
    struct Point {
        var unit: Unit
        var a: Int
        var b: Int
        /// As written, a two-digit year widened.
        var year: Int?
        /// Where it ends in the text.
        var end: Int
        /// A quarter or half-year: a bare number before it counts in its unit ("1.-2. kvartal").
        var ordinal = false
        /// 1: a month's bare abbreviation, a date only with a year or another month; 2: "jul",
        /// a date only with another month.
        var weak: UInt8 = 0
    }

    static func longer(_ a: Point?, _ b: Point?) -> Point? {
        guard let b else { return a }
        guard let a else { return b }
        return b.end > a.end ? b : a
    }

    // MARK: The scanner

    /// The text as lower-case scalars, scanned by hand.
    struct Scanner {
        let c: [Unicode.Scalar]
        init(_ s: String) { c = Array(s.lowercasedFast.unicodeScalars) }

        func isDigit(_ i: Int) -> Bool { i >= 0 && i < c.count && c[i].value >= 48 && c[i].value <= 57 }
        func isLetter(_ i: Int) -> Bool {
            guard i >= 0 && i < c.count else { return false }
            let v = c[i].value
            if v < 128 { return (97...122).contains(v | 0x20) }
            return c[i].properties.isAlphabetic
        }
        func at(_ i: Int, _ ch: Unicode.Scalar) -> Bool { i >= 0 && i < c.count && c[i] == ch }
        func isSpace(_ i: Int) -> Bool {
            i >= 0 && i < c.count && (c[i] == " " || c[i] == "\t" || c[i] == "\u{00A0}" || c[i] == "\u{202F}")
        }
        /// Hyphen, en dash, em dash, and Word's other hyphens and the minus sign.
        func dash(_ i: Int) -> Bool {
            guard i >= 0 && i < c.count else { return false }
            switch c[i] {
            case "-", "–", "—", "\u{2010}", "\u{2011}", "\u{2212}": return true
            default: return false
            }
        }

        /// Skips spaces.
        func ws(_ i: Int) -> Int { var j = i; while isSpace(j) { j += 1 }; return j }

        /// `min` to `max` digits, not followed by another digit.
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

        /// The first word of `table` at `i` not followed by a letter (or followed by anything, when
        /// not `whole`): its value and end.
        func word(_ i: Int, _ table: [([Unicode.Scalar], Int)], whole: Bool = true) -> (Int, Int)? {
            for (w, v) in table {
                guard i + w.count <= c.count, c[i..<(i + w.count)].elementsEqual(w), !(whole && isLetter(i + w.count)) else {
                    continue
                }
                return (v, i + w.count)
            }
            return nil
        }

        /// A month name or abbreviation, an optional ".", not followed by a letter: the month, the
        /// end and how weak it is alone (`Point.weak`).
        func month(_ i: Int) -> (Int, Int, UInt8)? {
            for (k, (name, m)) in DanishDates.monthScalars.enumerated() {
                guard i + name.count <= c.count, c[i..<(i + name.count)].elementsEqual(name) else { continue }
                let j = i + name.count
                if at(j, ".") { return (m, j + 1, 0) }
                if isLetter(j) { continue }
                return (m, j, k < 12 ? 0 : m == 7 ? 2 : 1)
            }
            return nil
        }

        /// " 2025" after something: the year and where it ends, or nil.
        func year(_ i: Int) -> (Int, Int)? {
            let j = ws(i)
            guard j > i, let (y, e) = number(j, min: 4, max: 4) else { return nil }
            return (y, e)
        }

        /// A week's year: " 2025", ", 2025", "/2025", "-2025".
        func weekYear(_ e0: Int) -> (Int, Int)? {
            var k = e0
            while at(k, ",") || isSpace(k) || at(k, "/") || at(k, "-") { k += 1 }
            guard k > e0 else { return nil }
            return number(k, min: 4, max: 4)
        }

        /// A day/month's year: "-2025", "/2025", ".2025", " 2025", or two digits attached ("-25"), but
        /// not the day of a next date ("1/3-30/4", "1/3-15. april").
        func slashYear(_ b: Int) -> (Int, Int)? {
            let sep = ws(b)
            guard at(sep, "-") || at(sep, "/") || at(sep, ".") else { return year(b) }
            let j = ws(sep + 1)
            guard let (y, e) = number(j, min: 2, max: 4), e - j != 3, !at(e, "/") else { return nil }
            if e - j == 4 { return (y, e) }
            guard sep == b, j == sep + 1, !isLetter(e), month(ws(at(e, ".") ? e + 1 : e)) == nil else { return nil }
            return (2000 + y, e)
        }

        /// A numeric date goes on as something else: a code ("00.01.00-A00"), a time or a version
        /// ("10.30-11.30", "1.2.3.4").
        func goesOn(_ e: Int) -> Bool {
            let sep = at(e, ".") || at(e, "/") || at(e, "-")
            return isLetter(e) || (sep && isLetter(e + 1)) || ((at(e, ".") || at(e, "/")) && isDigit(e + 1))
        }

        /// Where an expression may begin: a word's first letter, or a number's first digit that is
        /// not inside a code, time or decimal ("A00", "10.30", "12,5", "28-24").
        func canStart(_ i: Int) -> Bool {
            if isLetter(i) { return !isLetter(i - 1) }
            guard isDigit(i), !isDigit(i - 1), !isLetter(i - 1) else { return false }
            guard isDigit(i - 2) else { return true }
            return !(at(i - 1, ".") || at(i - 1, ",") || at(i - 1, "/") || at(i - 1, ":") || dash(i - 1))
        }

        /// "kvartal", "kvt.", "halvår" at `k` after the ordinal `n`: the quarter or half-year.
        func ordinalUnit(_ n: Int, _ k: Int) -> Point? {
            var unit = word(k, DanishDates.unitScalars)
            if unit == nil, let e = literal(k, "kvt") {
                let e0 = at(e, ".") ? e + 1 : e
                if !isLetter(e0) { unit = (3, e0) }
            }
            guard let (per, e0) = unit, (1...(12 / per)).contains(n) else { return nil }
            let y = year(e0)
            return Point(unit: .months, a: (n - 1) * per + 1, b: per, year: y?.0, end: y?.1 ?? e0, ordinal: true)
        }

        /// The longest one date that starts at `i`.
        func point(_ i: Int) -> Point? {
            isDigit(i) ? numericPoint(i) : wordPoint(i)
        }

        func numericPoint(_ i: Int) -> Point? {
            var best: Point?
            // 2025-03-04
            if let (y, a) = number(i, min: 4, max: 4), at(a, "-"), let (m, b) = number(a + 1, min: 2, max: 2),
               at(b, "-"), let (d, e) = number(b + 1, min: 2, max: 2), !goesOn(e) {
                best = Point(unit: .day, a: d, b: m, year: y, end: e)
            }
            guard let (n, a) = number(i, max: 2) else { return best }
            let afterDot = at(a, ".") ? a + 1 : a
            // 1. februar 2025
            if let (m, e, _) = month(ws(afterDot)) {
                let y = year(e)
                best = longer(best, Point(unit: .day, a: n, b: m, year: y?.0, end: y?.1 ?? e))
            }
            // 15/6-2025, 15/6-25, 15/6 2025, 15/6; not 1/2 time
            if at(a, "/"), !at(i - 1, "/"), let (m, b) = number(a + 1, max: 2) {
                let y = slashYear(b)
                let p = Point(unit: .day, a: n, b: m, year: y?.0, end: y?.1 ?? b)
                let fraction = y == nil && ws(b) > b && word(ws(b), DanishDates.fractionScalars, whole: false) != nil
                if !at(p.end, "/"), !fraction { best = longer(best, p) }
            }
            // 15.06.2025, 15-06-2025, 15.06.25
            if !at(i - 1, "."), at(a, ".") || at(a, "-"), let (m, b) = number(a + 1, max: 2),
               at(b, ".") || at(b, "-"), let (y, e) = number(b + 1, min: 2, max: 4), e - b - 1 != 3, !goesOn(e) {
                best = longer(best, Point(unit: .day, a: n, b: m, year: y < 100 ? 2000 + y : y, end: e))
            }
            // 2. kvartal 2025, 2. kvt. 2025, 1. halvår 2025
            if a == i + 1 { best = longer(best, ordinalUnit(n, ws(afterDot))) }
            return best
        }

        func wordPoint(_ i: Int) -> Point? {
            var best: Point?
            // Q2 2025, Q2-2025
            if at(i, "q"), let (q, e0) = number(i + 1, max: 1), (1...4).contains(q), !isLetter(e0) {
                var e = e0, y: Int?
                let k = ws(e0)
                let k2 = at(k, "-") || at(k, "/") ? ws(k + 1) : k
                if let (yy, ee) = number(k2, min: 4, max: 4), k2 > e0 || at(k, "-") { y = yy; e = ee }
                best = Point(unit: .months, a: (q - 1) * 3 + 1, b: 3, year: y, end: e, ordinal: true)
            }
            // uge 34 2025, uge nr. 34
            if let u = literal(i, "uge") {
                var k = ws(u)
                if k > u, let nr = literal(k, "nr") { k = ws(at(nr, ".") ? nr + 1 : nr) }
                if let (w, e0) = number(k, max: 2) {
                    let y = weekYear(e0)
                    best = longer(best, Point(unit: .week, a: w, b: 0, year: y?.0, end: y?.1 ?? e0))
                }
            }
            // primo/medio/ultimo marts 2025, primo/medio/ultimo 2025
            if let (part, e0) = word(i, DanishDates.partScalars), isSpace(e0) {
                let k = ws(e0)
                if let (m, e, _) = month(k) {
                    let y = year(e)
                    best = longer(best, Point(unit: .part, a: part, b: m, year: y?.0, end: y?.1 ?? e))
                } else if let (y, e) = number(k, min: 4, max: 4) {
                    let (first, count) = part == 0 ? (1, 1) : part == 1 ? (6, 2) : (12, 1)
                    best = longer(best, Point(unit: .months, a: first, b: count, year: y, end: e))
                }
            }
            // december 2025
            if let (m, e, weak) = month(i) {
                let y = year(e)
                best = longer(best, Point(unit: .months, a: m, b: 1, year: y?.0, end: y?.1 ?? e, weak: weak))
            }
            // foråret 2025, vinter 2025/26
            if let (first, e0) = word(i, DanishDates.seasonScalars) {
                var p = Point(unit: .months, a: first, b: 3, year: nil, end: e0)
                if let (y, e) = year(e0) {
                    p.year = y
                    p.end = e
                    if first == 12, at(e, "/") || at(e, "-"), let (y2, e2) = number(e + 1, min: 2, max: 4),
                       y2 == (e2 - e - 1 == 4 ? y + 1 : (y + 1) % 100) {
                        p.end = e2
                    }
                }
                best = longer(best, p)
            }
            // første halvår 2025, andet kvartal 2025
            if let (n, e0) = word(i, DanishDates.ordinalScalars), isSpace(e0) {
                best = longer(best, ordinalUnit(n, ws(e0)))
            }
            return best
        }

        /// A range's separator after `e`, spaces around it: where the second end starts, or nil.
        func separator(_ e: Int, slash: Bool) -> Int? {
            let j = ws(e)
            if dash(j) || at(j, "+") || at(j, "&") || (slash && at(j, "/")) { return ws(j + 1) }
            guard j > e else { return nil }
            if let t = literal(j, "t.o.m") { return ws(at(t, ".") ? t + 1 : t) }
            var after: Int
            if let t = literal(j, "til"), !isLetter(t) {
                after = t
                // til og med
                let o = ws(t)
                if o > t, let g = literal(o, "og"), isSpace(g), let m = literal(ws(g), "med"), !isLetter(m) { after = m }
            } else if let t = literal(j, "og"), !isLetter(t) {
                after = t
            } else {
                return nil
            }
            let k = ws(after)
            return k > after ? k : nil
        }

        /// A date at `i`, alone or as a range's first end with its second.
        func expression(_ i: Int) -> (Point, Point?)? {
            if let first = point(i) {
                // "/" is a day's own in 15/6, a range's between words: marts/april, uge 40/41.
                if let k = separator(first.end, slash: first.unit != .day) {
                    var second = point(k)
                    // uge 40-42, uge 5 og 6; a lower week (into the next year) only attached or with a
                    // year, "uge 52-2", not "uge 40 - 3 møder"
                    if second == nil, first.unit == .week, let (w, e0) = number(k, max: 2) {
                        let y = weekYear(e0)
                        if w >= first.a || y != nil || k == first.end + 1 {
                            second = Point(unit: .week, a: w, b: 0, year: y?.0, end: y?.1 ?? e0)
                        }
                    }
                    if let second, first.weak == 0 || (second.unit == .months && second.b == 1) {
                        return (first, second)
                    }
                }
                if first.weak == 2 || (first.weak == 1 && first.year == nil) { return nil }
                return (first, nil)
            }
            // A bare number in the second end's unit: 4.-5. december, 3. og 4. marts, 1.-2. kvartal;
            // or a day and month with no year before a day: 1.3.-30.4.2025.
            guard isDigit(i), let (n, a) = number(i, max: 2) else { return nil }
            var month: Int?, e = at(a, ".") ? a + 1 : a
            if at(a, "."), let (m, b) = number(a + 1, max: 2), at(b, ".") { (month, e) = (m, b + 1) }
            guard let k = separator(e, slash: false), let second = point(k) else { return nil }
            if second.unit == .day {
                return (Point(unit: .day, a: n, b: month ?? second.b, year: nil, end: e), second)
            }
            if month == nil, second.ordinal, (1...(12 / second.b)).contains(n) {
                return (Point(unit: .months, a: (n - 1) * second.b + 1, b: second.b, year: nil, end: e), second)
            }
            return nil
        }
    }

    // MARK: From what was read to days

    /// The range of one date, or of a range's two ends, in the years a person means (see the type's comment).
    static func resolve(_ first: Point, _ second: Point?, defaultYear: Int?) -> Range? {
        guard let second else {
            guard let y = first.year ?? defaultYear, let (a, b) = bounds(first, y) else { return nil }
            return span(a, b)
        }
        let y1: Int, y2: Int
        switch (first.year, second.year) {
        case let (a?, b?):
            (y1, y2) = (a, b)
        case let (a?, nil):
            (y1, y2) = (a, crossesYear(first, second, a) ? a + 1 : a)
        case let (nil, b?):
            (y1, y2) = (crossesYear(first, second, b) ? b - 1 : b, b)
        case (nil, nil):
            guard let d = defaultYear else { return nil }
            (y1, y2) = (d, crossesYear(first, second, d) ? d + 1 : d)
        }
        return span(bounds(first, y1)?.0, bounds(second, y2)?.1)
    }

    /// Whether `first`, in the same year `y` as `second`, starts after `second` ends, in a later month.
    static func crossesYear(_ first: Point, _ second: Point, _ y: Int) -> Bool {
        guard let (a, _) = bounds(first, y), let (_, b) = bounds(second, y), a > b else { return false }
        let (ya, ma, _) = civil(a), (yb, mb, _) = civil(b)
        return ya * 12 + ma > yb * 12 + mb
    }

    /// The first and last day (day numbers) of `p` in year `y`, or nil when it does not exist.
    static func bounds(_ p: Point, _ y: Int) -> (Int, Int)? {
        switch p.unit {
        case .day:
            guard let n = ymd(y, p.b, p.a) else { return nil }
            return (n, n)
        case .week:
            guard (1...weeksIn(y)).contains(p.a) else { return nil }
            let monday = isoWeekMonday(y, p.a)
            return (monday, monday + 6)
        case .months:
            let last = p.a + p.b - 2
            let ly = y + last / 12, lm = last % 12 + 1
            return (days(y, p.a, 1), days(ly, lm, daysIn(ly, lm)))
        case .part:
            let m = p.b
            switch p.a {
            case 0: return (days(y, m, 1), days(y, m, 10))
            case 1: return (days(y, m, 11), days(y, m, 20))
            default: return (days(y, m, 21), days(y, m, daysIn(y, m)))
            }
        }
    }

    // MARK: Calendar arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian.

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

@testable import MaalplanMapping
import XCTest

/// The date ranges a person means. Every expected date here was worked out by hand (ISO weeks with
/// Python's `datetime.date.fromisocalendar`), not copied from the code's output. The table holds
/// every assertion of the date tests that stood in MappingTests.swift (testTheFormsPeopleWrite,
/// testNoYearTakesThePlansYear, testNoDateAndImpossibleDates, testTheFirstDateInTheTextWins,
/// testVariantsOfTheSameForms, testNumbersThatAreNotDates) as a row with the same text, plan year
/// and range, and their notes.
final class DanishDatesTests: XCTestCase {
    struct Row {
        var text: String
        var year: Int?
        var from: String?
        var to: String?
        /// Why the row holds, where that is not plain.
        var note: String
        init(_ text: String, _ year: Int?, _ from: String?, _ to: String?, _ note: String = "") {
            (self.text, self.year, self.from, self.to, self.note) = (text, year, from, to, note)
        }
    }

    /// (text, the plan's year, from, to); nil, nil: no date.
    static let table: [Row] = [
        // Days, as today.
        Row("1. februar 2025: opstart", 2025, "2025-02-01", "2025-02-01"),
        Row("1. februar", 2024, "2024-02-01", "2024-02-01"),
        Row("1. Feb. 2025", 2025, "2025-02-01", "2025-02-01"),
        Row("den 1.marts", 2025, "2025-03-01", "2025-03-01"),
        Row("15/6-2025", 2025, "2025-06-15", "2025-06-15"),
        Row("15/6 2025", 2025, "2025-06-15", "2025-06-15"),
        Row("15/6-25", 2025, "2025-06-15", "2025-06-15", "two-digit year"),
        Row("Senest 15/6-25.", 2024, "2025-06-15", "2025-06-15"),
        Row("15/6", 2025, "2025-06-15", "2025-06-15"),
        Row("15/6", 2024, "2024-06-15", "2024-06-15"),
        Row("1/2/2025", 2024, "2025-02-01", "2025-02-01"),
        Row("Frist 15.06.2025", 2025, "2025-06-15", "2025-06-15"),
        Row("15-06-2025", 2025, "2025-06-15", "2025-06-15"),
        Row("15.06.25", 2024, "2025-06-15", "2025-06-15"),
        Row("2025-06-15", 2024, "2025-06-15", "2025-06-15"),
        Row("2025-03-04 kick-off", 2025, "2025-03-04", "2025-03-04"),
        Row("29. februar 2024", 2025, "2024-02-29", "2024-02-29"),
        // Days of one month, as today.
        Row("4.-5. december 2023", 2025, "2023-12-04", "2023-12-05"),
        Row("4. - 5. december", 2025, "2025-12-04", "2025-12-05"),
        Row("4.–5. december 2023", 2025, "2023-12-04", "2023-12-05"),
        Row("1.-15. marts", 2025, "2025-03-01", "2025-03-15"),
        Row("1.—15. marts", 2025, "2025-03-01", "2025-03-15"),
        Row("10-12. marts", 2025, "2025-03-10", "2025-03-12"),
        // Months, as today.
        Row("december 2025", 2025, "2025-12-01", "2025-12-31"),
        Row("december", 2024, "2024-12-01", "2024-12-31"),
        Row("februar 2024", 2025, "2024-02-01", "2024-02-29", "leap year"),
        Row("dec. 2025", 2024, "2025-12-01", "2025-12-31"),
        Row("marts-april 2025", 2025, "2025-03-01", "2025-04-30"),
        // ISO weeks, as today.
        Row("uge 34 2025", 2025, "2025-08-18", "2025-08-24"),
        Row("Uge 34, 2025", 2025, "2025-08-18", "2025-08-24"),
        Row("uge 34-2025", 2024, "2025-08-18", "2025-08-24"),
        Row("uge nr. 34 2025", 2024, "2025-08-18", "2025-08-24"),
        Row("uge 10", 2025, "2025-03-03", "2025-03-09"),
        Row("uge 1 2026", 2025, "2025-12-29", "2026-01-04", "ISO week 1 starts in the year before"),
        Row("uge 53 2026", 2025, "2026-12-28", "2027-01-03", "2026 begins on a Thursday: 53 weeks"),
        Row("uge 53 2020", 2025, "2020-12-28", "2021-01-03"),
        // Quarters and parts of a month, as today.
        Row("2. kvartal 2025", 2025, "2025-04-01", "2025-06-30"),
        Row("2. kvt. 2025", 2025, "2025-04-01", "2025-06-30"),
        Row("Q2 2025", 2024, "2025-04-01", "2025-06-30"),
        Row("Q2-2025", 2025, "2025-04-01", "2025-06-30"),
        Row("Q4 2025", 2025, "2025-10-01", "2025-12-31"),
        Row("første kvartal 2026", 2025, "2026-01-01", "2026-03-31"),
        Row("primo marts 2025", 2025, "2025-03-01", "2025-03-10"),
        Row("medio marts 2025", 2025, "2025-03-11", "2025-03-20"),
        Row("ultimo februar 2025", 2025, "2025-02-21", "2025-02-28"),
        Row("ultimo februar 2024", 2025, "2024-02-21", "2024-02-29"),
        Row("Ultimo\u{00A0}marts", 2025, "2025-03-21", "2025-03-31"),

        // Week ranges: Monday of the first to Sunday of the last.
        Row("uge 40-42", 2025, "2025-09-29", "2025-10-19"),
        Row("uge 40-42", 2024, "2024-09-30", "2024-10-20"),
        Row("uge 40–42 2025", 2024, "2025-09-29", "2025-10-19"),
        Row("uge 40 - 42", 2025, "2025-09-29", "2025-10-19"),
        Row("uge 40 til uge 42", 2025, "2025-09-29", "2025-10-19"),
        Row("Uge 40 til og med uge 42 2025", 2024, "2025-09-29", "2025-10-19"),
        Row("uge 5 og 6", 2025, "2025-01-27", "2025-02-09"),
        Row("uge 5+6", 2025, "2025-01-27", "2025-02-09"),
        Row("uge 34-35 2025", 2024, "2025-08-18", "2025-08-31"),
        Row("uge 40/41", 2025, "2025-09-29", "2025-10-12"),
        Row("uge 52-2 2026", 2024, "2025-12-22", "2026-01-11"),
        Row("uge 52 2025 - uge 2", 2024, "2025-12-22", "2026-01-11"),
        Row("uge 52 - uge 2", 2025, "2025-12-22", "2026-01-11"),
        Row("uge 1-2 2025", 2024, "2024-12-30", "2025-01-12"),
        Row("i uge 52/1", 2025, "2025-12-22", "2026-01-04"),
        Row("uge 40 - 3 møder", 2025, "2025-09-29", "2025-10-05", "3 is a count, not a week into the next year"),

        // Ranges between two dates.
        Row("1. marts - 30. april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("fra 1. marts til 30. april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("1. marts 2025 – 30. april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("01.03.2025-30.04.2025", 2024, "2025-03-01", "2025-04-30"),
        Row("01.03.2025 - 30.04.2025", 2024, "2025-03-01", "2025-04-30"),
        Row("2025-03-01 - 2025-04-30", 2024, "2025-03-01", "2025-04-30"),
        Row("1/3-30/4 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("1/3 - 30/4", 2024, "2024-03-01", "2024-04-30"),
        Row("1/3-15. april 2025", 2024, "2025-03-01", "2025-04-15"),
        Row("1.3.-30.4.2025", 2024, "2025-03-01", "2025-04-30"),
        Row("1.3.25-30.4.25", 2024, "2025-03-01", "2025-04-30"),
        Row("1.11.-31.1.2026", 2025, "2025-11-01", "2026-01-31"),
        Row("3. og 4. marts 2025", 2024, "2025-03-03", "2025-03-04"),
        Row("3.+4. marts", 2025, "2025-03-03", "2025-03-04"),
        Row("marts og april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("fra marts til maj 2025", 2024, "2025-03-01", "2025-05-31"),
        Row("marts—maj", 2025, "2025-03-01", "2025-05-31"),
        Row("jan-mar 2025", 2024, "2025-01-01", "2025-03-31"),
        Row("marts/april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("sommer/efterår 2025", 2024, "2025-06-01", "2025-11-30"),
        Row("1. marts til 15. marts 2025", 2024, "2025-03-01", "2025-03-15"),
        Row("1. marts til og med 15. marts 2025", 2024, "2025-03-01", "2025-03-15"),
        Row("1. marts t.o.m. 15. marts 2025", 2024, "2025-03-01", "2025-03-15"),
        Row("1. marts-15. april", 2025, "2025-03-01", "2025-04-15"),
        Row("Q1-Q2 2025", 2024, "2025-01-01", "2025-06-30"),
        Row("1.-2. kvartal 2025", 2024, "2025-01-01", "2025-06-30"),
        Row("primo marts - ultimo april 2025", 2024, "2025-03-01", "2025-04-30"),
        Row("efterår 2025 - forår 2026", 2024, "2025-09-01", "2026-05-31"),
        // Across a new year: one year written, the first end later in the year than the second.
        Row("1. november - 31. januar 2026", 2025, "2025-11-01", "2026-01-31"),
        Row("1. november 2025 - 31. januar", 2024, "2025-11-01", "2026-01-31"),
        Row("november 2025 - januar 2026", 2024, "2025-11-01", "2026-01-31"),
        Row("april-marts 2025", 2025, "2024-04-01", "2025-03-31"),
        Row("vinter - marts 2026", 2025, "2025-12-01", "2026-03-31"),
        // No year written: the plan's year, running forwards.
        Row("november - januar", 2025, "2025-11-01", "2026-01-31"),

        // Half-years.
        Row("1. halvår 2025", 2024, "2025-01-01", "2025-06-30"),
        Row("2. halvår", 2025, "2025-07-01", "2025-12-31"),
        Row("2. halvår", 2024, "2024-07-01", "2024-12-31"),
        Row("første halvår 2025", 2024, "2025-01-01", "2025-06-30"),
        Row("Andet halvår 2025", 2024, "2025-07-01", "2025-12-31"),
        Row("i 1. halvåret", 2025, "2025-01-01", "2025-06-30"),

        // Seasons, meteorological; winter from December into the next year.
        Row("forår 2025", 2024, "2025-03-01", "2025-05-31"),
        Row("i foråret", 2025, "2025-03-01", "2025-05-31"),
        Row("Sommer 2025", 2024, "2025-06-01", "2025-08-31"),
        Row("sommeren", 2024, "2024-06-01", "2024-08-31"),
        Row("efterår 2025", 2024, "2025-09-01", "2025-11-30"),
        Row("Efteråret 2025", 2024, "2025-09-01", "2025-11-30"),
        Row("vinter 2025", 2024, "2025-12-01", "2026-02-28"),
        Row("vinteren 2027", 2025, "2027-12-01", "2028-02-29"),
        Row("vinter 2025/26", 2024, "2025-12-01", "2026-02-28"),
        Row("vinteren 2025-2026", 2024, "2025-12-01", "2026-02-28"),
        Row("vinter", 2025, "2025-12-01", "2026-02-28"),
        Row("sommer 25", 2024, "2024-06-01", "2024-08-31"),

        // Parts of a year.
        Row("primo 2025", 2024, "2025-01-01", "2025-01-31"),
        Row("medio 2025", 2024, "2025-06-01", "2025-07-31"),
        Row("ultimo 2025", 2024, "2025-12-01", "2025-12-31"),

        // The first expression wins, a range counting as one.
        Row("Opstart 1. februar 2025, evaluering december 2025", 2025, "2025-02-01", "2025-02-01"),
        Row("uge 40-42 og derefter december", 2025, "2025-09-29", "2025-10-19"),
        Row("Sag 00.01.00-A00-28-24: opstart 1. marts 2025", 2024, "2025-03-01", "2025-03-01"),
        Row("Møde kl. 10.30 den 4. marts", 2025, "2025-03-04", "2025-03-04"),
        Row("Kl. 10.30-11.30 den 4. marts", 2025, "2025-03-04", "2025-03-04"),
        Row("Jan Hansen: 4. marts", 2025, "2025-03-04", "2025-03-04"),
        Row("Fra 12,5 % til 15 % i 2. halvår", 2025, "2025-07-01", "2025-12-31"),
        Row("31. februar 2025, ellers 1. marts", 2025, nil, nil),

        // No date: none possible (the plain ones are in `noDate`), or no year to put it in.
        Row("1/2/3", 2025, nil, nil, "not a date: three slashes"),
        Row("Vi marcherer videre", 2025, nil, nil, "'mar' inside a word is not March"),
        Row("uge 53 2025", 2025, nil, nil, "2025 has 52 ISO weeks"),
        Row("uge 10", nil, nil, nil),
        Row("december", nil, nil, nil),
        Row("1. marts - 30. april", nil, nil, nil),
    ]

    /// Texts with no date in them, or none that can be: nil in a 2025 plan.
    static let noDate: [String] = [
        "Når budgettet er vedtaget",
        "løbende",
        "Hurtigst muligt",
        "efter behov",
        "3 møder",
        "3 medarbejdere",
        "40 deltagere",
        "75 %",
        "Evaluering af 12 prøvehandlinger",
        "Fase 2",
        "version 1.2.3",
        "jf. afsnit 2.4.",
        "Husk at gemme og løbende opdatere målplanen på sag: 00.01.00-A00-28-24",
        "Møde á 1/2 time",
        "3/4 år",
        "kl. 10.30",
        "kl. 10.30-11.30",
        "ugentlig opfølgning",
        "Vi skal bruge 3 timer",
        "i sommerferien 2025",
        "efter vinterferien",
        "forårsmøde",
        "Møde med Jan Hansen",
        "inden jul 2025",
        "ultimo",
        "3. halvår 2025",
        "31. februar 2025",
        "30. februar 2024",
        "uge 42-40 2025",
        "15.-3. marts 2025",
        "april 2025 - marts 2025",
    ]

    func testTheTable() {
        for row in Self.table + Self.noDate.map({ Row($0, 2025, nil, nil) }) {
            let got = DanishDates.range(in: row.text, defaultYear: row.year)
            let named = "\"\(row.text)\" (plan year \(row.year.map(String.init) ?? "none"))" + (row.note.isEmpty ? "" : ": " + row.note)
            XCTAssertEqual(got?.from, row.from, "from of " + named)
            XCTAssertEqual(got?.to, row.to, "to of " + named)
        }
    }
}

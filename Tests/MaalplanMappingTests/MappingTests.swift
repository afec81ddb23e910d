import TestSupport
import MaalplanMapping
@testable import MaalplanModel
import XCTest

final class DanishDatesTests: XCTestCase {
    func r(_ s: String, _ year: Int? = 2025) -> [String?] {
        let x = DanishDates.range(in: s, defaultYear: year)
        return [x?.from, x?.to]
    }

    func testTheFormsPeopleWrite() {
        XCTAssertEqual(r("1. februar 2025: opstart"), ["2025-02-01", "2025-02-01"])
        XCTAssertEqual(r("15/6-2025"), ["2025-06-15", "2025-06-15"])
        XCTAssertEqual(r("Frist 15.06.2025"), ["2025-06-15", "2025-06-15"])
        XCTAssertEqual(r("4.-5. december 2023"), ["2023-12-04", "2023-12-05"])
        XCTAssertEqual(r("december 2025"), ["2025-12-01", "2025-12-31"])
        XCTAssertEqual(r("februar 2024"), ["2024-02-01", "2024-02-29"], "leap year")
        XCTAssertEqual(r("uge 34 2025"), ["2025-08-18", "2025-08-24"])
        XCTAssertEqual(r("uge 1 2026"), ["2025-12-29", "2026-01-04"], "ISO week 1 starts in the year before")
        XCTAssertEqual(r("uge 53 2025"), [nil, nil], "2025 has 52 ISO weeks")
        XCTAssertEqual(r("uge 53 2026"), ["2026-12-28", "2027-01-03"], "2026 begins on a Thursday: 53 weeks")
        XCTAssertEqual(r("uge 53 2020"), ["2020-12-28", "2021-01-03"])
        XCTAssertEqual(r("2. kvartal 2025"), ["2025-04-01", "2025-06-30"])
        XCTAssertEqual(r("Q4 2025"), ["2025-10-01", "2025-12-31"])
        XCTAssertEqual(r("primo marts 2025"), ["2025-03-01", "2025-03-10"])
        XCTAssertEqual(r("medio marts 2025"), ["2025-03-11", "2025-03-20"])
        XCTAssertEqual(r("ultimo februar 2025"), ["2025-02-21", "2025-02-28"])
        XCTAssertEqual(r("2025-03-04 kick-off"), ["2025-03-04", "2025-03-04"])
        XCTAssertEqual(r("marts-april 2025"), ["2025-03-01", "2025-04-30"])
    }

    func testNoYearTakesThePlansYear() {
        XCTAssertEqual(r("1. februar", 2024), ["2024-02-01", "2024-02-01"])
        XCTAssertEqual(r("uge 10", 2025), ["2025-03-03", "2025-03-09"])
        XCTAssertEqual(r("uge 10", nil), [nil, nil])
        XCTAssertEqual(r("15/6", 2025), ["2025-06-15", "2025-06-15"])
    }

    func testNoDateAndImpossibleDates() {
        XCTAssertEqual(r("Når budgettet er vedtaget"), [nil, nil])
        XCTAssertEqual(r("31. februar 2025"), [nil, nil])
        XCTAssertEqual(r("Vi marcherer videre"), [nil, nil], "'mar' inside a word is not March")
        XCTAssertEqual(r("3 medarbejdere"), [nil, nil])
    }

    func testTheFirstDateInTheTextWins() {
        XCTAssertEqual(r("Opstart 1. februar 2025, evaluering december 2025"), ["2025-02-01", "2025-02-01"])
    }
}

final class LabelTests: XCTestCase {
    let rules = MappingRules.standard

    func testLabelsFoundByMeaning() {
        XCTAssertEqual(rules.label("Ejer (afdelingschef)"), Label(.owner))
        XCTAssertEqual(rules.label("EJER:"), Label(.owner))
        XCTAssertEqual(rules.label("Mål & målgruppe"), Label(.goal))
        XCTAssertEqual(rules.label("Mål og målgruppe"), Label(.goal))
        XCTAssertEqual(rules.label("Ma\u{030A}l\u{00A0}&\u{00A0}ma\u{030A}lgruppe"), Label(.goal), "NFD and non-breaking spaces")
        XCTAssertEqual(rules.label("Mål  &\tmålgruppe :"), Label(.goal))
        XCTAssertEqual(rules.label("Prøve\u{00AD}handlinger"), Label(.trialActions), "soft hyphen")
        XCTAssertEqual(rules.label("Prøvehandling"), Label(.trialActions))
        XCTAssertEqual(rules.label("Milepæle"), Label(.milestones))
        XCTAssertEqual(rules.label("Milepælsplan"), Label(.milestones))
        XCTAssertEqual(rules.label("Målsætning & politik"), Label(.objective))
        XCTAssertEqual(rules.label("Bidragende arbejdspladser"), Label(.contributingWorkplaces))
        XCTAssertNil(rules.label("Ressourcer"))
        XCTAssertNil(rules.label("Flere beboere føler sig trygge"))
    }

    func testSheetHeadings() {
        XCTAssertEqual(rules.sheet("FØR")?.order, 0)
        XCTAssertEqual(rules.sheet("UNDER – udviklingsdage del 1")?.order, 1)
        XCTAssertEqual(rules.sheet("UNDER -  udviklingsdage  del 2")?.order, 2)
        XCTAssertEqual(rules.sheet("Under—udviklingsdage del 2")?.order, 2)
        XCTAssertEqual(rules.sheet("EFTER")?.order, 3)
        XCTAssertNil(rules.sheet("Efterår"))
    }
}

final class GuidanceTests: XCTestCase {
    let rules = MappingRules.standard

    func testWholePartlyDeletedAndRetypedGuidanceIsGuidance() {
        XCTAssertEqual(rules.guidance.match("Hvilke tegn vil I anvende for at se, om I nærmer jer målet? "), .whole)
        XCTAssertEqual(rules.guidance.match("Tegn angiver, om der sker de forandringer hos målgruppen"), .whole, "partly deleted")
        XCTAssertEqual(rules.guidance.match("Hvilke  tegn vil  I anvende\u{00A0}for at se,om I nærmer jer målet?"), .whole, "re-typed")
        XCTAssertEqual(rules.guidance.match("3. Beskrive løbende milepæle?"), .whole)
    }

    func testAnAnswerAfterTheQuestionIsKept() {
        XCTAssertEqual(rules.guidance.match("Hvilke tegn vil I anvende for at se, om I nærmer jer målet? Flere bruger beboerhuset."),
                       .prefix("Flere bruger beboerhuset."))
    }

    func testAnswersAreNotGuidance() {
        XCTAssertEqual(rules.guidance.match("Flere deltager i fællesspisning i beboerhuset"), .none)
        XCTAssertEqual(rules.guidance.match("Målet"), .none, "a short fragment could be an answer")
        XCTAssertEqual(rules.guidance.match("Vi vil evaluere effekten hos målgruppen i november."), .none)
    }

    func testPlaceholders() {
        XCTAssertTrue(rules.isPlaceholder("Klik eller tryk her for at angive tekst."))
        XCTAssertTrue(rules.isPlaceholder("Click or tap here to enter text."))
        XCTAssertFalse(rules.isPlaceholder("Lone Dahl Petersen"))
    }
}

final class MoreDateFormsTests: XCTestCase {
    func r(_ s: String, _ year: Int? = 2025) -> [String?] {
        let x = DanishDates.range(in: s, defaultYear: year)
        return [x?.from, x?.to]
    }

    func testVariantsOfTheSameForms() {
        XCTAssertEqual(r("15/6-25"), ["2025-06-15", "2025-06-15"], "two-digit year")
        XCTAssertEqual(r("15/6 2025"), ["2025-06-15", "2025-06-15"])
        XCTAssertEqual(r("2. kvt. 2025"), ["2025-04-01", "2025-06-30"])
        XCTAssertEqual(r("Q2-2025"), ["2025-04-01", "2025-06-30"])
        XCTAssertEqual(r("4. - 5. december"), ["2025-12-04", "2025-12-05"])
        XCTAssertEqual(r("Uge 34, 2025"), ["2025-08-18", "2025-08-24"])
        XCTAssertEqual(r("1. Feb. 2025"), ["2025-02-01", "2025-02-01"])
        XCTAssertEqual(r("15-06-2025"), ["2025-06-15", "2025-06-15"])
        XCTAssertEqual(r("Ultimo\u{00A0}marts"), ["2025-03-21", "2025-03-31"])
    }

    func testNumbersThatAreNotDates() {
        XCTAssertEqual(r("Evaluering af 12 prøvehandlinger"), [nil, nil])
        XCTAssertEqual(r("1/2/3"), [nil, nil], "not a date: three slashes")
        XCTAssertEqual(r("Fase 2"), [nil, nil])
    }
}

final class MetaTests: XCTestCase {
    func testCaseNumberAndYear() {
        XCTAssertEqual(MapStateProbe.caseNumber("Husk at gemme og løbende opdatere målplanen på sag: 00.01.00-A00-28-24"), "00.01.00-A00-28-24")
        XCTAssertEqual(MapStateProbe.caseNumber("på  sag nr. 27.00.00-A00-14-24."), "27.00.00-A00-14-24")
        XCTAssertNil(MapStateProbe.caseNumber("Husk at gemme målplanen på sag: "))
        XCTAssertEqual(MapStateProbe.year("Målplan 2025"), 2025)
        XCTAssertEqual(MapStateProbe.year("  MÅLPLAN\u{00A0}2024"), 2024)
        XCTAssertNil(MapStateProbe.year("Målplan"))
        XCTAssertNil(MapStateProbe.year("Målplanen 2025"))
    }
}

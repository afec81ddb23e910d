import TestSupport
import MaalplanMapping
@testable import MaalplanModel
import XCTest

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

import TestSupport
import MaalplanMapping
@testable import MaalplanModel
import XCTest

final class LabelTests: XCTestCase {
    func testLabelsFoundByMeaning() {
        XCTAssertEqual(Labels.label("Ejer (afdelingschef)"), Label(.owner))
        XCTAssertEqual(Labels.label("EJER:"), Label(.owner))
        XCTAssertEqual(Labels.label("Mål & målgruppe"), Label(.goal))
        XCTAssertEqual(Labels.label("Mål og målgruppe"), Label(.goal))
        XCTAssertEqual(Labels.label("Ma\u{030A}l\u{00A0}&\u{00A0}ma\u{030A}lgruppe"), Label(.goal), "NFD and non-breaking spaces")
        XCTAssertEqual(Labels.label("Mål  &\tmålgruppe :"), Label(.goal))
        XCTAssertEqual(Labels.label("Prøve\u{00AD}handlinger"), Label(.trialActions), "soft hyphen")
        XCTAssertEqual(Labels.label("Prøvehandling"), Label(.trialActions))
        XCTAssertEqual(Labels.label("Milepæle"), Label(.milestones))
        XCTAssertEqual(Labels.label("Milepælsplan"), Label(.milestones))
        XCTAssertEqual(Labels.label("Målsætning & politik"), Label(.objective))
        XCTAssertEqual(Labels.label("Bidragende arbejdspladser"), Label(.contributingWorkplaces))
        XCTAssertNil(Labels.label("Ressourcer"))
        XCTAssertNil(Labels.label("Flere beboere føler sig trygge"))
    }

    func testSheetHeadings() {
        XCTAssertEqual(Labels.sheet("FØR")?.order, 0)
        XCTAssertEqual(Labels.sheet("UNDER – udviklingsdage del 1")?.order, 1)
        XCTAssertEqual(Labels.sheet("UNDER -  udviklingsdage  del 2")?.order, 2)
        XCTAssertEqual(Labels.sheet("Under—udviklingsdage del 2")?.order, 2)
        XCTAssertEqual(Labels.sheet("EFTER")?.order, 3)
        XCTAssertNil(Labels.sheet("Efterår"))
    }
}

final class GuidanceTests: XCTestCase {
    func testWholePartlyDeletedAndRetypedGuidanceIsGuidance() {
        XCTAssertEqual(Guidance.match("Hvilke tegn vil I anvende for at se, om I nærmer jer målet? "), .whole)
        XCTAssertEqual(Guidance.match("Tegn angiver, om der sker de forandringer hos målgruppen"), .whole, "partly deleted")
        XCTAssertEqual(Guidance.match("Hvilke  tegn vil  I anvende\u{00A0}for at se,om I nærmer jer målet?"), .whole, "re-typed")
        XCTAssertEqual(Guidance.match("3. Beskrive løbende milepæle?"), .whole)
    }

    func testAnAnswerAfterTheQuestionIsKept() {
        XCTAssertEqual(Guidance.match("Hvilke tegn vil I anvende for at se, om I nærmer jer målet? Flere bruger beboerhuset."),
                       .prefix("Flere bruger beboerhuset."))
    }

    func testAnswersAreNotGuidance() {
        XCTAssertEqual(Guidance.match("Flere deltager i fællesspisning i beboerhuset"), .none)
        XCTAssertEqual(Guidance.match("Målet"), .none, "a short fragment could be an answer")
        XCTAssertEqual(Guidance.match("Vi vil evaluere effekten hos målgruppen i november."), .none)
    }

    func testPlaceholders() {
        XCTAssertTrue(Guidance.isPlaceholder("Klik eller tryk her for at angive tekst."))
        XCTAssertTrue(Guidance.isPlaceholder("Click or tap here to enter text."))
        XCTAssertFalse(Guidance.isPlaceholder("Lone Dahl Petersen"))
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

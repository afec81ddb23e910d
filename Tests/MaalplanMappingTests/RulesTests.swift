import TestSupport
@testable import MaalplanMapping
import MaalplanModel
import XCTest

/// data/labels.txt, built in, and a user's labels file in the same format.
final class RulesTests: XCTestCase {
    let rules = MappingRules.standard

    func testTheBuiltInFileHasTheTemplatesWords() {
        XCTAssertEqual(rules.tablesAbove, [[.owner, .coordinator, .contributingWorkplaces], [.goal, .objective, .challenge],
                                           [.signs, .trialActions], [.milestones, .evaluation, .learning]])
        XCTAssertEqual(rules.tablesBeside.count, 4)
        // Every field has a label, in Danish and in English.
        for (da, en, f) in [("Ejer (afdelingschef)", "Owner", Field.owner), ("Tovholder", "Coordinator", .coordinator),
                            ("Bidragende arbejdspladser", "Contributing workplaces", .contributingWorkplaces),
                            ("Mål & målgruppe", "Goal and target group", .goal), ("Målsætning & politik", "Objective and policy", .objective),
                            ("Udfordring", "Challenge", .challenge), ("Tegn", "Signs", .signs), ("Prøvehandling", "Trial actions", .trialActions),
                            ("Milepælsplan", "Milestones", .milestones), ("Evaluering", "Evaluation", .evaluation), ("Læring", "Learning", .learning)] {
            XCTAssertEqual(rules.label(da), Label(f), da)
            XCTAssertEqual(rules.label(en), Label(f), en)
        }
        XCTAssertEqual(rules.label("Målgruppe"), Label(.goal, addsToField: true))
        XCTAssertEqual(rules.guidance.match("Hvilken læring har I fået undervejs og til sidst?"), .whole)
        XCTAssertTrue(rules.isPlaceholder("Klik eller tryk her for at angive tekst."))
        XCTAssertEqual(rules.sheet("UNDER – udviklingsdag, del 2"), .UNDER2)
        XCTAssertNil(rules.sheet("Undervisning"))
        XCTAssertEqual(rules.sheet("Ark 1 – FØR"), .FOER)
        XCTAssertEqual(rules.sheet("Ark 2 – UNDER – udviklingsdage del 1"), .UNDER1)
        XCTAssertEqual(rules.sheet("Ark 4: EFTER"), .EFTER)
        XCTAssertNil(rules.sheet("Arkiv og efterår"))
    }

    func testALabelsFileAddsSynonymsAndWorkplaces() throws {
        let more = try rules.adding("""
            # our words
            [field coordinator]
            Kontaktperson

            [workplaces]
            Børn og Unge
            Kultur og Fritid
            """, file: "vores.txt")
        XCTAssertEqual(more.label("Kontaktperson:"), Label(.coordinator))
        XCTAssertEqual(more.label("Tovholder"), Label(.coordinator), "the built-in labels stay")
        XCTAssertNil(rules.label("Kontaktperson"), "the standard rules are unchanged")
        // Two names the file knows, joined by "og", are two, also when each has an "og" of its own.
        XCTAssertEqual(Lists.workplaces(in: "Børn og Unge og Kultur og Fritid", rules: more), ["Børn og Unge", "Kultur og Fritid"])
        XCTAssertEqual(Lists.workplaces(in: "Kultur og Fritid og Børn og Unge", rules: more), ["Kultur og Fritid", "Børn og Unge"])
        XCTAssertEqual(Lists.workplaces(in: "Social og Sundhed, Børn og Unge og Kultur og Fritid", rules: more),
                       ["Social og Sundhed", "Børn og Unge", "Kultur og Fritid"])
        XCTAssertEqual(Lists.workplaces(in: "Børn og Unge og Kultur og Fritid", rules: rules), ["Børn og Unge og Kultur og Fritid"],
                       "without the file: no comma, one name")
        let two = try rules.adding("[workplaces]\nSSP\nVej & Park\n", file: "x")
        XCTAssertEqual(Lists.workplaces(in: "SSP og Vej & Park", rules: two), ["SSP", "Vej & Park"])
        XCTAssertEqual(Lists.workplaces(in: "SSP og Vej & Park", rules: rules), ["SSP og Vej & Park"])
    }

    func testABadLabelsFileIsOneLineNamingTheFileAndLine() {
        func message(_ text: String) -> String? {
            do { _ = try rules.adding(text, file: "labels.txt"); return nil } catch { return error.message(.da) }
        }
        XCTAssertEqual(message("Kontaktperson\n"),
                       "labels.txt:1: »Kontaktperson« står før første afsnit; begynd med fx [field owner]")
        XCTAssertEqual(message("[field boss]\nChef\n")?.hasPrefix("labels.txt:1: ukendt felt »boss«; felterne hedder owner, coordinator"), true)
        XCTAssertEqual(message("# x\n[felter]\n")?.hasPrefix("labels.txt:2: ukendt afsnit [felter]"), true)
        XCTAssertEqual(message("[tables above]\nowner | boss\n")?.hasPrefix("labels.txt:2: ukendt felt »boss«"), true)
        XCTAssertEqual(message("[field owner]\nTegn\n"),
                       "labels.txt:2: »Tegn« betyder allerede signs i de indbyggede feltnavne (data/labels.txt) og kan ikke også betyde owner; brug et andet ord")
        XCTAssertEqual(message("[field owner]\nChef\n[field coordinator]\nchef\n"),
                       "labels.txt:4: »chef« kan ikke både betyde owner og coordinator; slet den ene linje")
        for m in [message("Kontaktperson"), message("[field boss]")] { XCTAssertFalse(m?.contains("\n") ?? true) }
        do {
            _ = try rules.adding(file: "/nonexistent/labels.txt")
            XCTFail("read a file that is not there")
        } catch {
            XCTAssertEqual(error.message(.en), "/nonexistent/labels.txt: the labels file cannot be read (No such file or directory)")
        }
    }
}

/// Contributing workplaces as people write them on one line, and one per line.
final class WorkplaceListTests: XCTestCase {
    let rules = MappingRules.standard

    func testTheDanishEnumerations() {
        let table: [(String, [String])] = [
            ("Boligsocialt Team, SSP og Kultur- og Fritidsafdelingen.", ["Boligsocialt Team", "SSP", "Kultur- og Fritidsafdelingen"]),
            ("SSP, Vej & Park samt Naturskolen", ["SSP", "Vej & Park", "Naturskolen"]),
            ("SSP og Naturskolen samt Vej & Park", ["SSP", "Naturskolen", "Vej & Park"]),
            ("Vej & Park samt Børn og Unge", ["Vej & Park", "Børn og Unge"]),
            ("SSP; Naturskolen", ["SSP", "Naturskolen"]),
            ("Skoler / Dagtilbud", ["Skoler", "Dagtilbud"]),
            ("Skole/SFO", ["Skole/SFO"]),
            ("Børn og Unge, SSP", ["Børn og Unge", "SSP"]),
            ("Kultur-, Fritids- og Idrætsafdelingen", ["Kultur-, Fritids- og Idrætsafdelingen"]),
            ("Kultur- og Fritidsafdelingen", ["Kultur- og Fritidsafdelingen"]),
            ("Kultur og Fritid", ["Kultur og Fritid"]),
            ("Børn og Unge", ["Børn og Unge"]),
            ("Vej & Park", ["Vej & Park"]),
            ("Naturskolen.", ["Naturskolen"]),
            ("Sundhed m.fl.", ["Sundhed m.fl."]),
            ("Boligsocialt Team, SSP, og Vej & Park", ["Boligsocialt Team", "SSP", "Vej & Park"]),
            ("Boligsocialt Team, samt Vej & Park", ["Boligsocialt Team", "Vej & Park"]),
            ("SSP (Skole, Socialforvaltning og Politi), Naturskolen", ["SSP (Skole, Socialforvaltning og Politi)", "Naturskolen"]),
            ("1. Boligsocialt Team", ["Boligsocialt Team"]),
        ]
        for (text, want) in table {
            XCTAssertEqual(Lists.workplaces(in: text, rules: rules), want, text)
        }
    }

    func testOnePerLineKeepsEachLineWhole() {
        XCTAssertEqual(Lists.items(.contributingWorkplaces, ["Børn og Unge", "Kultur og Fritid.", "- SSP", "Naturskolen,", "2) Vej & Park"],
                                   rules: rules),
                       ["Børn og Unge", "Kultur og Fritid", "SSP", "Naturskolen", "Vej & Park"])
        XCTAssertEqual(Lists.items(.signs, ["Flere deltager • Færre klager", "• Tryghedsvandringer"], rules: rules),
                       ["Flere deltager", "Færre klager", "Tryghedsvandringer"])
        // Other lists are not split at commas.
        XCTAssertEqual(Lists.items(.signs, ["Flere deltager, især unge"], rules: rules), ["Flere deltager, især unge"])
    }

    func testNoTextIsLost() {
        // Every letter of the cell is in some item (only separators, conjunctions and a full stop go).
        for text in ["A, B og C", "A og B samt C", "Kultur- og Fritidsafdelingen, SSP", "X; Y / Z."] {
            let items = Lists.workplaces(in: text, rules: rules)
            let letters = text.filter(\.isLetter).replacingOccurrences(of: "og", with: "").replacingOccurrences(of: "samt", with: "")
            XCTAssertEqual(items.joined().filter(\.isLetter).replacingOccurrences(of: "og", with: ""), letters, text)
        }
    }
}

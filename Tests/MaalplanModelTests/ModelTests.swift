import Foundation
import JSONOutput
import MaalplanModel
import TestSupport
import XCTest

final class FieldPathTests: XCTestCase {
    func testEveryPathReadsBackAsWritten() {
        var paths = Field.allCases.filter { !$0.isGoalField }.map(FieldPath.init)
        for gi in [0, 1, 12] {
            paths.append(FieldPath(goal: gi))
            for f in Field.allCases where f.isGoalField {
                paths.append(FieldPath(goal: gi, f))
                if f.isList { paths.append(FieldPath(goal: gi, f, item: 3)) }
            }
        }
        for p in paths {
            XCTAssertEqual(FieldPath(p.description), p, p.description)
        }
        XCTAssertEqual(FieldPath(goal: 1, .signs).description, "goals[1].signs")
        XCTAssertEqual(FieldPath(goal: 0, .milestones, item: 2).description, "goals[0].milestones[2]")
        XCTAssertEqual(FieldPath(.owner).description, "owner")
        XCTAssertEqual(FieldPath(goal: 2).description, "goals[2]")
        XCTAssertEqual(FieldPath(.signs, goal: 4), FieldPath(goal: 4, .signs))
        XCTAssertEqual(FieldPath(.coordinator, goal: 4), FieldPath(.coordinator), "a plan's own field has no goal")
    }

    func testWhatIsNoPathIsRefused() {
        for s in ["", "goals", "goals[]", "goals[x].signs", "goals[-1].signs", "goals[0].owner", "signs", "owner[1]",
                  "goals[0].goal[1]", "goals[0].signs[", "goals[0]signs", "goals[0].signs.x", "Owner"] {
            XCTAssertNil(FieldPath(s), s)
        }
    }

    func testNamesInASentenceAndInAList() {
        XCTAssertEqual(FieldPath(goal: 1, .signs).phrase(.da), "»Tegn« for mål 2")
        XCTAssertEqual(FieldPath(goal: 1, .signs).phrase(.en), "»Signs« of goal 2")
        XCTAssertEqual(FieldPath(.owner).phrase(.da), "»Ejer (afdelingschef)«")
        XCTAssertEqual(FieldPath(goal: 0, .trialActions).listName(.da, numberGoals: false), "Prøvehandling")
        XCTAssertEqual(FieldPath(goal: 0, .trialActions).listName(.en, numberGoals: true), "Trial actions (goal 1)")
    }
}

final class PhaseTests: XCTestCase {
    func testEachPhaseNeedsItsFields() {
        XCTAssertEqual(Phase.FOER.fields, [.owner, .coordinator, .contributingWorkplaces, .goal, .objective, .challenge])
        XCTAssertEqual(Phase.UNDER1.fields, [.signs])
        XCTAssertEqual(Phase.UNDER2.fields, [.trialActions])
        XCTAssertEqual(Phase.EFTER.fields, [.milestones, .evaluation, .learning])
        XCTAssertEqual(Set(Phase.allCases.flatMap(\.fields)), Set(Field.allCases), "every field belongs to one phase")
    }

    func testReachedPhasesAndTheirNames() {
        XCTAssertEqual(PhaseReached.allCases.map(\.rawValue), ["NONE", "FOER", "UNDER1", "UNDER2", "EFTER"])
        for r in PhaseReached.allCases { XCTAssertEqual(PhaseReached(rawValue: r.rawValue), r) }
        XCTAssertNil(PhaseReached(rawValue: "FØR"))
        XCTAssertEqual(PhaseReached.none.next, .FOER)
        XCTAssertEqual(PhaseReached.phase(.UNDER2).next, .EFTER)
        XCTAssertNil(PhaseReached.phase(.EFTER).next)
        XCTAssertEqual(PhaseReached.allCases.map { $0.shortName(.da) }, ["ingen", "FØR", "UNDER 1", "UNDER 2", "EFTER"])
        XCTAssertEqual(PhaseReached.none.shortName(.en), "none")
        XCTAssertEqual(Phase.UNDER1.name, "UNDER – udviklingsdage del 1")
    }
}

final class FindingMessageTests: XCTestCase {
    /// One of every message, so that each code is met.
    static let all: [FindingMessage] = [
        .missingField(FieldPath(goal: 0, .signs), .UNDER1, labelPresent: true), .standInValue(FieldPath(.owner)),
        .guidanceOnly(FieldPath(goal: 0, .signs)), .placeholderOnly(FieldPath(.coordinator)), .guidanceLeft([FieldPath(goal: 0, .signs), FieldPath(goal: 1, .learning)]),
        .milestoneOutsideYear(text: "juni 2024", year: 2025), .milestoneOutOfOrder(text: "maj"), .noCaseNumber, .noYear,
        .unrecognisedLabel(label: "Ressourcer", text: "To medarbejdere"), .unplacedText("løs tekst"), .emptyGoal,
        .labelInferred(found: "Kontaktperson", assumed: .coordinator), .splitTable(first: 1, second: 2),
        .undatedMilestone(text: "løbende: netværksmøder"), .repeatedField(FieldPath(.owner), text: "tlf. 4368 6001"), .notAMaalplan,
    ]

    func testEveryCodeHasAMessageInBothLanguages() {
        XCTAssertEqual(Set(Self.all.map(\.code)), Set(FindingCode.allCases))
        for m in Self.all {
            let da = m.text(.da), en = m.text(.en)
            XCTAssertFalse(da.isEmpty || en.isEmpty, "\(m)")
            XCTAssertNotEqual(da, en, "\(m.code): the same text in both languages")
            XCTAssertFalse(da.contains("\n") || en.contains("\n"), "\(m.code): one line")
        }
        XCTAssertEqual(FindingMessage.missingField(FieldPath(goal: 0, .trialActions), .UNDER2, labelPresent: true).text(.da),
                       "»Prøvehandling« for mål 1 mangler (UNDER – udviklingsdage del 2)")
        XCTAssertEqual(FindingMessage.guidanceLeft([FieldPath(goal: 0, .signs), FieldPath(goal: 1, .learning)]).text(.da),
                       "Skabelonens vejledning står stadig blandt svarene i Tegn (mål 1), Læring (mål 2); den er ikke læst som indhold")
        // Fields in every goal are named once, with the goals.
        let twoGoals: [FieldPath] = [0, 1].flatMap { g in [Field.signs, .trialActions, .learning].map { FieldPath(goal: g, $0) } }
            + [FieldPath(goal: 2, .learning)]
        XCTAssertEqual(FindingMessage.guidanceLeft(twoGoals).text(.da),
                       "Skabelonens vejledning står stadig blandt svarene i Tegn, Prøvehandling (mål 1 og 2), Læring (mål 1, 2 og 3); den er ikke læst som indhold")
        XCTAssertEqual(FindingMessage.guidanceLeft([FieldPath(goal: 0, .signs), FieldPath(goal: 0, .learning)]).text(.en),
                       "The template's guidance still stands among the answers in Signs, Learning; it was not read as content")
        XCTAssertEqual(FindingMessage.labelInferred(found: "Kontaktperson", assumed: .coordinator).text(.en),
                       "\"Kontaktperson\" stands where the template has \"Coordinator\"; its content was read as Coordinator")
    }

    func testLongTextIsCutInTheMessage() {
        let text = String(repeating: "ord ", count: 50)
        let m = FindingMessage.unplacedText(text).text(.da)
        XCTAssertTrue(m.contains("..."), m)
        XCTAssertLessThan(m.count, 140)
    }

    func testLocationsAsAPersonCountsThem() {
        let l = Location(table: 3, row: 2, column: 1, label: "Tegn", sheet: .UNDER1)
        XCTAssertEqual(l.describe(.da), "ark UNDER – udviklingsdage del 1, tabel 3, række 2, kolonne 1 (»Tegn«)")
        XCTAssertEqual(l.describe(.en), "sheet UNDER – udviklingsdage del 1, table 3, row 2, column 1 (»Tegn«)")
        XCTAssertEqual(Location(part: .header).describe(.da), "sidehoved")
    }
}

/// A plan's JSON reads back as the same plan (what `import --json-dir` relies on for stored plans).
final class PlanJSONTests: XCTestCase {
    static var plan: Plan {
        var p = Plan()
        p.source = SourceInfo(path: "/planer/Økonomi \"x\".docx", sha256: String(repeating: "ab", count: 32), bytes: 4711, format: "docm")
        p.template = .maalplan2024
        p.year = 2025
        p.caseNumber = "00.01.00-A00-28-24"
        p.title = "Borgere oplever større tryghed"
        p.organisation = ["Albertslund Kommune", "Økonomi & Stab"]
        p.owner = "Lone"
        p.contributingWorkplaces = ["SSP", "Vej & Park"]
        var g = Goal()
        g.goal = "Tryghed\ni Hyldespjældet"
        g.signs = ["Færre anmeldelser", "»Citat«"]
        g.milestones = [Milestone(text: "4.-5. marts 2025", from: "2025-03-04", to: "2025-03-05"), Milestone(text: "løbende")]
        p.goals = [g, Goal()]
        p.phaseReached = .phase(.UNDER1)
        p.findings = [
            Finding(.warning, .missingField(FieldPath(goal: 0, .trialActions), .UNDER2, labelPresent: true), phase: .UNDER2,
                    field: FieldPath(goal: 0, .trialActions), location: Location(table: 3, row: 2, column: 2, label: "Prøvehandlinger", sheet: .UNDER2),
                    language: .da),
            Finding(.warning, .noCaseNumber, location: Location(part: .header), language: .en),
            Finding(.warning, .milestoneOutOfOrder(text: "maj"), phase: .EFTER, field: FieldPath(goal: 0, .milestones, item: 1), language: .da),
            Finding(.warning, .unplacedText("løs"), location: Location(paragraph: 7), language: .da),
            Finding(.error, .notAMaalplan, language: .da),
        ]
        return p
    }

    func testAPlanReadsBackFromItsJSON() throws {
        let text = Self.plan.json.serialized()
        let back = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        XCTAssertEqual(back, Self.plan)
        XCTAssertEqual(back.json.serialized(), text)
        var noSource = Self.plan
        noSource.source = nil
        XCTAssertEqual(try JSONDecoder().decode(Plan.self, from: Data(noSource.json.serialized().utf8)), noSource)
    }

    func testWhatIsNotAPlanOfThisSchemaIsRefused() {
        let text = Self.plan.json.serialized()
        for bad in [#"{"schemaVersion": 2}"#, text.replacingOccurrences(of: "\"UNDER1\"", with: "\"UNDER9\""),
                    text.replacingOccurrences(of: "goals[0].trialActions", with: "goals[0].owner"),
                    text.replacingOccurrences(of: "\"sheet\": \"UNDER – udviklingsdage del 2\"", with: "\"sheet\": \"ark 9\"")] {
            XCTAssertThrowsError(try JSONDecoder().decode(Plan.self, from: Data(bad.utf8)), bad.prefix(60).description)
        }
    }
}

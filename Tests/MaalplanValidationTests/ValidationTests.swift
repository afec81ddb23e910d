import DocxPackage
import Foundation
import MaalplanCore
import MaalplanMapping
import MaalplanModel
import MaalplanValidation
import WordDocument
import XCTest
import TestSupport

final class ValidationTests: XCTestCase {
    func fixture(_ name: String) -> String { Paths.fixtures.appendingPathComponent(name).path }

    func report(_ name: String, target: Phase? = nil, language: MessageLanguage = .da) throws -> ValidationReport {
        try Pipeline.analyse(path: fixture(name), target: target, language: language).report
    }

    func codes(_ r: ValidationReport) -> [String] { r.findings.map(\.code.rawValue) }

    /// A partial plan for each phase, in both templates.
    func testPhaseReachedForEachPhaseInBothTemplates() throws {
        let cases: [(String, String)] = [
            ("maalplan-2025-blank.docx", "NONE"), ("tryghed-2025-foer-only.docx", "FOER"), ("2025-under1.docx", "UNDER1"),
            ("2025-under2.docx", "UNDER2"), ("tryghed-2025-complete.docx", "EFTER"),
            ("2024-blank.docx", "NONE"), ("2024-foer.docx", "FOER"), ("2024-under1.docx", "UNDER1"),
            ("libreoffice-2024-under2.docx", "UNDER2"), ("2024-complete.docx", "EFTER"),
        ]
        for (file, phase) in cases {
            XCTAssertEqual(try report(file).phaseReached.rawValue, phase, file)
        }
    }

    func testWithoutPhaseWhatIsMissingForTheNextPhaseIsAWarning() throws {
        let r = try report("2025-under1.docx")
        XCTAssertEqual(r.phaseReached, .phase(.UNDER1))
        let missing = r.findings.filter { $0.code.rawValue == "missing-field" }
        XCTAssertEqual(missing.map { $0.field?.description }, ["goals[0].trialActions"], "only the next phase (UNDER2) is reported")
        XCTAssertEqual(missing.first?.severity, .warning)
        XCTAssertEqual(missing.first?.phase, .UNDER2)
        // Where to write it: table 3, row 2, column 2, under the label "Prøvehandling".
        XCTAssertEqual(missing.first?.location, Location(table: 3, row: 2, column: 2, label: "Prøvehandling"))
        XCTAssertFalse(r.phases[.UNDER2]!.complete)
        XCTAssertEqual(r.phases[.EFTER]!.missing.map(\.description), ["goals[0].milestones", "goals[0].evaluation", "goals[0].learning"])
    }

    func testWithPhaseEverythingMissingUpToItIsAnError() throws {
        let r = try report("2025-under1.docx", target: .EFTER)
        let errors = r.findings.filter { $0.severity == .error }
        XCTAssertEqual(Set(errors.map { $0.field?.description ?? "" }),
                       ["goals[0].trialActions", "goals[0].milestones", "goals[0].evaluation", "goals[0].learning"])
        XCTAssertEqual(errors.first { $0.field?.description == "goals[0].learning" }?.location?.column, 3)
        XCTAssertTrue(try report("2025-under1.docx", target: .UNDER1).findings.allSatisfy { $0.severity != .error })
    }

    func testFoerRulesOnTheBlankTemplate() throws {
        let r = try report("maalplan-2025-blank.docx", target: .FOER)
        XCTAssertEqual(r.findings.filter { $0.severity == .error }.map { $0.field?.description ?? "" },
                       ["owner", "coordinator", "contributingWorkplaces", "goals[0].goal", "goals[0].objective", "goals[0].challenge"])
        XCTAssertEqual(r.phases[.FOER]!.missing.count, 6)
    }

    func testEachRuleOfThe2024LayoutNamesTheSheet() throws {
        let r = try report("2024-under1.docx", target: .UNDER2)
        let f = try XCTUnwrap(r.findings.first { $0.field?.description == "goals[0].trialActions" && $0.code.rawValue == "missing-field" })
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.location?.sheet?.name, "UNDER – udviklingsdage del 2", "written first on the UNDER 2 sheet")
        XCTAssertEqual(f.location?.label, "Prøvehandlinger")
        let foer = try report("2024-blank.docx", target: .FOER)
        XCTAssertEqual(foer.findings.first { $0.field?.description == "owner" }?.location?.sheet?.name, "FØR")
    }

    func testPlaceholderControlsCountAsEmptyWithAWarning() throws {
        let r = try report("2025-placeholder-controls.docx")
        XCTAssertEqual(r.phaseReached, .none)
        let placeholder = r.findings.filter { $0.code.rawValue == "placeholder-only" }
        XCTAssertEqual(placeholder.map { $0.field?.description ?? "" }, ["owner", "coordinator"])
        XCTAssertTrue(placeholder.allSatisfy { $0.severity == .warning })
    }

    func testGuidanceOnlyCountsAsEmptyWithAWarning() throws {
        let r = try report("tryghed-2025-foer-only.docx")
        XCTAssertEqual(r.phaseReached, .phase(.FOER))
        let g = try XCTUnwrap(r.findings.first { $0.code.rawValue == "guidance-only" })
        XCTAssertEqual(g.field?.description, "goals[0].signs")
        XCTAssertEqual(g.location?.table, 3)
    }

    func testEveryWarningOnTheFixtureMadeToTripIt() throws {
        let r = try report("2025-warnings.docx")
        XCTAssertEqual(r.phaseReached, .none, "stand-ins count as empty")
        func one(_ code: String, _ field: String?) -> Finding? {
            r.findings.first { $0.code.rawValue == code && $0.field?.description == field }
        }
        XCTAssertNotNil(one("stand-in-value", "coordinator"), "\"xx\"")
        XCTAssertNotNil(one("stand-in-value", "goals[0].challenge"), "\"?\"")
        XCTAssertNotNil(one("missing-field", "coordinator"))
        // Said once for the plan (here one field), where the first such field is.
        XCTAssertEqual(r.findings.filter { $0.code == .guidanceLeft }.count, 1)
        XCTAssertEqual(one("guidance-left", "goals[0].signs")?.location?.label, "Tegn")
        XCTAssertEqual(one("milestone-out-of-order", "goals[0].milestones[1]")?.severity, .warning)
        XCTAssertNotNil(one("milestone-outside-year", "goals[0].milestones[2]"))
        XCTAssertNil(one("milestone-outside-year", "goals[0].milestones[0]"))
        XCTAssertEqual(one("no-case-number", nil)?.location?.part?.rawValue, "header")
        let label = try XCTUnwrap(one("unrecognised-label", nil))
        XCTAssertEqual(label.location, Location(table: 1, row: 2, column: 4, label: "Ressourcer"))
        XCTAssertTrue(label.message.contains("To medarbejdere i 2025"), "the text is reported, not dropped")
        // The empty copy of the goal tables (tables 5–7) between the two goals: no goal, said once.
        let empty = r.findings.filter { $0.code == .emptyGoal }
        XCTAssertEqual(empty.map(\.location?.table), [5])
        XCTAssertEqual(try Pipeline.analyse(path: fixture("2025-warnings.docx")).plan.goals.count, 2)
        XCTAssertNil(one("missing-field", "goals[2].goal"), "the second goal is goals[1] now")
        XCTAssertFalse(codes(r).contains("no-year"))
    }

    func testNoYear() throws {
        let r = try report("2025-no-year.docx")
        XCTAssertTrue(codes(r).contains("no-year"))
        XCTAssertFalse(codes(r).contains("no-case-number"))
    }

    func testNotAMaalplanIsOneError() throws {
        let r = try report("not-a-plan.docx", target: .EFTER)
        XCTAssertEqual(codes(r), ["not-a-maalplan"])
        XCTAssertEqual(r.findings[0].severity, .error)
        XCTAssertEqual(r.phaseReached, .none)
    }

    func testMessagesAreDanishByDefaultAndEnglishOnRequest() throws {
        let da = try report("2025-under1.docx").findings.first { $0.code.rawValue == "missing-field" }!
        XCTAssertEqual(da.message, "»Prøvehandling« for mål 1 mangler (UNDER – udviklingsdage del 2)")
        let en = try report("2025-under1.docx", language: .en).findings.first { $0.code.rawValue == "missing-field" }!
        XCTAssertEqual(en.message, "»Trial actions« of goal 1 is missing (UNDER – udviklingsdage del 2)")
    }

    func testStandIns() {
        for s in ["?", "xx", "TBD", "-", "udfyldes", "Mangler", " xx ", "Udfyldes senere."] {
            XCTAssertTrue(Validator.isStandIn(s), s)
        }
        for s in ["SSP", "Tryghedsvandring", "x-faktor", "Ingen ændringer i 2025"] {
            XCTAssertFalse(Validator.isStandIn(s), s)
        }
        // The early answer for texts with many letters changes nothing: as the lookup alone.
        func lookup(_ s: String) -> Bool {
            guard s.utf8.count <= 100 else { return false }
            var t = s.lowercasedFast.collapsedSpace
            while let l = t.last, l == "." || l == "!", t.count > 1, t != "..." { t.removeLast() }
            return Validator.standIns.contains(t)
        }
        var rng = SeededRandom("\(Self.self).\(#function)")
        let pieces = Array(Validator.standIns) + ["UDFYLDES", "Senere", " ", "\u{00A0}", "\t", ".", "!", "…", "\u{212A}", "İ", "x", "a1"]
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 1...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(Validator.isStandIn(s), lookup(s), s)
        }
    }

    func testConvertCarriesTheSamePhaseAndFindings() throws {
        let (plan, report) = try Pipeline.analyse(path: fixture("2025-warnings.docx"))
        XCTAssertEqual(plan.phaseReached, report.phaseReached)
        XCTAssertEqual(plan.findings, report.findings)
    }
}

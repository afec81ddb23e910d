import Foundation
import MaalplanCore
import MaalplanModel
import MaalplanValidation
import XCTest
import TestSupport

/// The findings the habit fixtures must give (Fixtures/sources/habits.md); their plans are held to
/// their expected JSON by FixtureTests.
final class HabitFixtureTests: XCTestCase {
    func findings(_ name: String) throws -> [Finding] {
        try Pipeline.analyse(path: Paths.fixtures.appendingPathComponent(name).path).report.findings
    }

    func only(_ fs: [Finding], _ code: FindingCode) -> [Finding] { fs.filter { $0.code == code } }

    /// Nothing of a plan was left unread.
    func assertAllRead(_ fs: [Finding], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        for code in [FindingCode.unplacedText, .unrecognisedLabel, .missingField, .notAMaalplan] {
            XCTAssertEqual(only(fs, code).map(\.message), [], "\(name): \(code)", file: file, line: line)
        }
    }

    func testSplitTablesAreReadAsOneAndSaidOnce() throws {
        for (name, first, second) in [("habit-split-foer.docx", 1, 2), ("habit-split-tegn-grid.docx", 3, 4),
                                      ("habit-split-milestones.docx", 4, 5), ("habit-libreoffice-split.docx", 1, 2)] {
            let fs = try findings(name)
            assertAllRead(fs, name)
            let split = only(fs, .splitTable)
            XCTAssertEqual(split.map(\.severity), [.info], name)
            XCTAssertEqual(split.first?.location?.table, second, name)
            XCTAssertTrue(split.first?.message.contains("Tabel \(first) og \(second)") ?? false, name)
        }
    }

    func testInferredLabelsAreSaidWithWhereTheyStand() throws {
        let fs = try findings("habit-label-inferred.docx")
        assertAllRead(fs, "habit-label-inferred")
        let inferred = only(fs, .labelInferred)
        XCTAssertEqual(inferred.map(\.location), [Location(table: 1, row: 1, column: 2, label: "Kontaktperson"),
                                                  Location(table: 3, row: 1, column: 2, label: "Det vil vi afprøve")])
        XCTAssertEqual(inferred.first?.message, "»Kontaktperson« står, hvor skabelonen har »Tovholder«; indholdet er læst som Tovholder")
        XCTAssertEqual(inferred.map(\.severity), [.warning, .warning])
    }

    func testEnglishLabelsNeedNoWord() throws {
        for name in ["habit-labels-english.docx", "habit-label-english-trial.docx", "habit-pandoc.docx"] {
            let fs = try findings(name)
            assertAllRead(fs, name)
            XCTAssertEqual(only(fs, .labelInferred).count, 0, name)
        }
    }

    func testAColumnNoTemplateHasIsReportedNotRead() throws {
        let fs = try findings("habit-label-budget-column.docx")
        let label = only(fs, .unrecognisedLabel)
        XCTAssertEqual(label.map(\.location), [Location(table: 1, row: 2, column: 4, label: "Budget")])
        XCTAssertTrue(label.first?.message.contains("50.000 kr.") ?? false)
    }

    func testEmptyGoalCopiesAreSaidOnceEachAndBlockNothing() throws {
        let (plan, report) = try Pipeline.analyse(path: Paths.fixtures.appendingPathComponent("habit-empty-goal-copies.docx").path)
        XCTAssertEqual(only(report.findings, .emptyGoal).map(\.location?.table), [5, 11])
        XCTAssertEqual(plan.goals.count, 2)
        XCTAssertEqual(report.phaseReached, .phase(.EFTER))
        assertAllRead(report.findings, "habit-empty-goal-copies")
    }

    func testUndatedMilestonesAreSaid() throws {
        let fs = try findings("habit-milestone-dates.docx")
        let undated = only(fs, .undatedMilestone)
        XCTAssertEqual(undated.map(\.field?.description), ["goals[0].milestones[7]"])
        XCTAssertTrue(undated.first?.message.contains("løbende: Netværksmøder") ?? false)
        XCTAssertEqual(undated.first?.location?.table, 4)
    }

    func testGuidanceLeftIsOneFindingForThePlan() throws {
        let fs = try findings("tryghed-2025-complete.docx")
        let left = only(fs, .guidanceLeft)
        XCTAssertEqual(left.count, 1)
        XCTAssertEqual(left.first?.location, Location(table: 3, row: 2, column: 1, label: "Tegn"))
        XCTAssertEqual(left.first?.message,
                       "Skabelonens vejledning står stadig blandt svarene i Tegn, Prøvehandling, Milepælsplan, Evaluering, Læring; den er ikke læst som indhold")
    }

    /// One odd cell is said where it stands, and the rest of its table is read as usual
    /// (Fixtures/sources/habits.md, sections 9–14).
    func testOneOddCellIsSaidWhereItStands() throws {
        let cases: [(String, FindingCode, Location)] = [
            ("habit-label-twice-owner.docx", .labelInferred, Location(table: 1, row: 1, column: 2, label: "Ejer")),
            ("habit-label-twice-signs.docx", .labelInferred, Location(table: 3, row: 1, column: 2, label: "Tegn")),
            ("habit-label-objective-over-goal.docx", .labelInferred, Location(table: 2, row: 1, column: 1, label: "Målsætning")),
            ("habit-label-variant-owner.docx", .labelInferred,
             Location(table: 1, row: 1, column: 1, label: "Ejer (afdelingschef) – navn og titel")),
            ("habit-merged-remark-row.docx", .unplacedText, Location(table: 4, row: 3, column: 1)),
            ("habit-merged-row-foer.docx", .unplacedText, Location(table: 1, row: 3, column: 1)),
            ("habit-label-note-owner.docx", .unplacedText, Location(table: 1, row: 1, column: 1)),
            ("habit-2024-third-column.docx", .unplacedText, Location(table: 1, row: 1, column: 3, sheet: .FOER)),
        ]
        for (name, code, location) in cases {
            let fs = try findings(name)
            XCTAssertEqual(only(fs, code).map(\.location), [location], name)
            for other in [FindingCode.unplacedText, .unrecognisedLabel, .labelInferred, .emptyGoal] where other != code {
                XCTAssertEqual(only(fs, other).map(\.message), [], "\(name): \(other)")
            }
        }
        for name in ["habit-label-row-twice.docx", "habit-label-row-after.docx", "habit-targetgroup-rows.docx", "habit-value-own-label.docx",
                     "habit-value-label-prefix.docx", "habit-dragged-border.docx"] {
            assertAllRead(try findings(name), name)
        }
    }
}

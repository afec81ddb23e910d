import DocxPackage
import MaalplanCore
import MaalplanModel
import TestSupport
import XCTest

/// Issue 13, item 1: the plan made of a document is bounded too (goals, items in a list,
/// characters in a field, the JSON), each refused with one line that names what passed the limit.
final class PlanLimitsTests: XCTestCase {
    /// Two goals; the first has two signs and a goal text of 162 characters; four workplaces.
    let twoGoals = Paths.fixtures.appendingPathComponent("2025-two-goals.docx").path

    func refusal(_ limits: ReadLimits) -> ReadError? {
        do {
            let plan = try Pipeline.analyse(path: twoGoals, limits: limits).plan
            _ = try Pipeline.json(plan, limits: limits)
            XCTFail("read within the limits")
            return nil
        } catch {
            return error
        }
    }

    func testEachPlanLimitRefusesThePlanAndSaysWhere() throws {
        var limits = ReadLimits()
        limits.maxGoals = 1
        XCTAssertEqual(refusal(limits)?.reason, .tooMany(.goals, 1))

        limits = ReadLimits()
        limits.maxListItems = 3
        let items = refusal(limits)
        XCTAssertEqual(items?.reason, .tooMany(.listItems(field: "contributingWorkplaces"), 3))
        XCTAssertEqual(items?.message(.da),
                       "»Bidragende arbejdspladser« har over 3 punkter – en målplan er langt mindre; tjek hvor filen kommer fra, eller del dokumentet op")

        limits = ReadLimits()
        limits.maxFieldCharacters = 100
        let text = refusal(limits)
        XCTAssertEqual(text?.reason, .tooMany(.characters(field: "goals[0].goal"), 100))
        XCTAssertEqual(text?.message(.en),
                       "»Goal & target group« of goal 1 has over 100 characters – a plan is far smaller; check where the file comes from, or split the document")

        limits = ReadLimits()
        limits.maxJSONBytes = 2_000
        XCTAssertEqual(refusal(limits)?.reason, .tooMany(.jsonBytes, 2_000))
        XCTAssertEqual(refusal(limits)?.code, "too-large")

        // At the limits it reads: two goals, four workplaces, 162 characters.
        limits = ReadLimits()
        limits.maxGoals = 2
        limits.maxListItems = 4
        limits.maxFieldCharacters = 162
        let plan = try Pipeline.analyse(path: twoGoals, limits: limits).plan
        XCTAssertEqual(plan.goals.count, 2)
        XCTAssertNoThrow(try Pipeline.json(plan, limits: limits))
    }
}

import DocxPackage
import Foundation
import MaalplanModel
import MaalplanSamples
import MaalplanStore
import TestSupport
import XCTest

/// Issue 14: `report --format html`, `report --plan`, and the paths in the text report, on an
/// import of built plans: every phase, a copy, a PDF beside them, a file that cannot be read,
/// a title that is HTML, and a plan whose milestones are not evaluated yet.
final class StatusReportTests: XCTestCase {
    static let evil = #"<script>alert(1)</script> & "Ø""#

    /// The folder and its database, imported.
    func imported() throws -> (dir: String, db: String) {
        let dir = try temporaryFolder(self)
        for i in 0..<10 { try write(SamplePlans.build(i), dir + "/plans/plan-\(i).docx") }
        try write(SamplePlans.build(10, title: Self.evil), dir + "/plans/evil.docx")
        // Plan 14 (2025, every field): milestones on 1 March, 2 June, 3 September, 4 December; no evaluation.
        try write(SamplePlans.build(14, evaluated: false), dir + "/plans/undervejs.docx")
        try write(SamplePlans.build(3), dir + "/plans/kopier/plan-3 (kopi).docx")
        try writeText("%PDF-1.4 gammel", dir + "/plans/Målplan 2023.pdf")
        try writeText("ikke en plan", dir + "/plans/ødelagt.docx")
        let db = dir + "/x.sqlite"
        let r = try runBinary(["import", dir + "/plans", "--db", db], self)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.out.contains("Ikke læst:     1 ligner planer, men er ikke Word-filer (1 pdf): Målplan 2023.pdf"), r.out)
        XCTAssertTrue(r.out.contains("Fejlet:        1 (ukendt format 1;"), "no English codes in a Danish summary: \(r.out)")
        return (dir, db)
    }

    func testTheHTMLReportShowsEveryPlanAndTheCountsAddUp() throws {
        let (dir, db) = try imported()
        let out = dir + "/status.html"
        let r = try runBinary(["report", "--db", db, "--format", "html", "--as-of", "2025-08-20", "-o", out], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Rapporten er skrevet: \(out)\n")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        let ids = try query(db, "SELECT id FROM plans ORDER BY id", Int.self)
        XCTAssertEqual(ids.count, 12)
        for id in ids {
            XCTAssertTrue(html.contains(#"<section class="plan" id="plan-\#(id)""#), "plan \(id) has its section")
            XCTAssertTrue(html.contains(##"href="#plan-\##(id)""##), "plan \(id) is linked from the overview")
        }
        XCTAssertEqual(html.components(separatedBy: #"<section class="plan""#).count - 1, ids.count)
        // The phase table adds up to the plans, phase by phase as the database has them.
        var total = 0
        for (phase, n) in try phaseCounts(db) {
            XCTAssertTrue(html.contains(#"data-phase-count="\#(phase)">\#(n)<"#), "\(phase): \(n)")
            total += n
        }
        XCTAssertEqual(total, ids.count)
        XCTAssertTrue(html.contains(#"<td class="num" id="total-plans">12</td>"#))
        // The chart is there, with a bar per phase.
        XCTAssertTrue(html.contains(#"<svg class="chart" id="phase-chart" role="img""#))
        XCTAssertEqual(html.components(separatedBy: #"<rect class="bar""#).count - 1, PhaseReached.allCases.count)
        // The copy's plan lists both its files; the PDF and the file that failed are named.
        XCTAssertTrue(html.contains("<code>\(dir)/plans/kopier/plan-3 (kopi).docx</code>"))
        XCTAssertTrue(html.contains("<code>\(dir)/plans/plan-3.docx</code>"))
        XCTAssertTrue(html.contains("<td><code>\(dir)/plans/Målplan 2023.pdf</code></td><td>pdf</td>"))
        XCTAssertTrue(html.contains("<td><code>\(dir)/plans/ødelagt.docx</code></td><td>ukendt format</td>"))
        // Self-contained: nothing is fetched.
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\""), "no network")
        XCTAssertTrue(html.contains("Content-Security-Policy"))
    }

    func testAnHTMLTitleIsShownAsText() throws {
        let (dir, db) = try imported()
        let html = try htmlReport(db, dir)
        XCTAssertFalse(html.contains("<script>alert(1)"), "the title's markup is never the page's")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ø&quot;"))
        // Also inside attributes (the filter's search text).
        XCTAssertFalse(html.contains(#"data-search="<script>"#))
        XCTAssertEqual(html.components(separatedBy: "<script>").count - 1, 1, "the page's own filter script only")
    }

    func testOverdueAndComingUpMilestonesAsOfADay() throws {
        let (dir, db) = try imported()
        let html = try htmlReport(db, dir)
        func state(_ text: String) -> String? {
            guard let row = html.components(separatedBy: "<tr class=\"milestone\"").dropFirst().first(where: { $0.contains(text) }) else { return nil }
            return row.components(separatedBy: "data-state=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
        // Plan 14 is not evaluated: what ended before 20 August is overdue, 3 September is within 30 days.
        XCTAssertEqual(state("1. marts 2025: milepæl 1 for indsats 15"), "overdue")
        XCTAssertEqual(state("2. juni 2025: milepæl 2 for indsats 15"), "overdue")
        XCTAssertEqual(state("3. september 2025: milepæl 3 for indsats 15"), "coming-up")
        XCTAssertEqual(state("4. december 2025: milepæl 4 for indsats 15"), "later")
        // The same months in an evaluated plan are done, not overdue (plan 4: May, August, November).
        XCTAssertEqual(state("1. maj 2025: milepæl 1 for indsats 5"), "done")
        // Said in words too, not by colour alone.
        XCTAssertTrue(html.contains(#"<td class="state-overdue">⚠ overskredet</td>"#))
        XCTAssertTrue(html.contains(#"<td class="state-coming-up">◷ snart</td>"#))
        let overdue = html.components(separatedBy: #"data-state="overdue""#).count - 1
        XCTAssertTrue(html.contains(#"<span class="state-overdue" id="overdue-count">\#(overdue) overskredne</span>"#))
        XCTAssertEqual(overdue, 2, "only plan 14 lacks evaluations")
        // In English on request.
        let en = try runBinary(["report", "--db", db, "--format", "html", "--as-of", "2025-08-20", "--lang", "en"], self)
        XCTAssertTrue(en.out.contains(#"<html lang="en">"#) && en.out.contains("⚠ overdue"))
    }

    func testTheTextReportTellsEqualTitlesApartByTheirFiles() throws {
        let (dir, db) = try imported()
        let r = try runBinary(["report", "--db", db], self)
        XCTAssertEqual(r.status, 0, r.err)
        let line = try XCTUnwrap(r.out.split(separator: "\n").first { $0.contains(SamplePlans.title(3)) })
        // The first path in byte order, and the other one counted.
        XCTAssertTrue(line.contains("/plans/kopier/plan-3 (kopi).docx +1 kopi"), String(line))
        XCTAssertTrue(r.out.split(separator: "\n")[0].contains("Fil"))
        // The PDF is named in the text and the CSV report too.
        XCTAssertTrue(r.out.contains("Filer der ligner planer, men ikke er Word-filer (1); find Word-originalen og importér den:\n  \(dir)/plans/Målplan 2023.pdf (pdf)\n"), r.out)
        let csv = try runBinary(["report", "--db", db, "--format", "csv"], self)
        XCTAssertTrue(csv.out.contains("ikke læst;;;;;;;;\(dir)/plans/Målplan 2023.pdf;1;pdf;\"ligner en plan, men er ikke en Word-fil"), csv.out)
    }

    func testOnePlanWhole() throws {
        let (dir, db) = try imported()
        let r = try runBinary(["report", "--db", db, "--plan", dir + "/plans/kopier/plan-3 (kopi).docx", "--as-of", "2025-08-20"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix(SamplePlans.title(3) + "\n"), r.out)
        for expected in ["Ejer (afdelingschef): ", "Tovholder: ", "Bidragende arbejdspladser:\n  • ", "Mål 1\n", "Tegn:\n  • ",
                         "Filer:\n  • \(dir)/plans/kopier/plan-3 (kopi).docx\n  • \(dir)/plans/plan-3.docx\n", "Fase nået: UNDER 2"] {
            XCTAssertTrue(r.out.contains(expected), "\(expected) in \(r.out)")
        }
        // By id as well; an unknown one is one line and exit 2.
        let id = try query(db, "SELECT plan_id FROM sources WHERE path LIKE '%plan-3.docx'", Int.self)[0]
        XCTAssertEqual(try runBinary(["report", "--db", db, "--plan", String(id), "--as-of", "2025-08-20"], self).out, r.out)
        let bad = try runBinary(["report", "--db", db, "--plan", "findes-ikke.docx"], self)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.err.split(separator: "\n").count, 1, bad.err)
        // The id --plan takes is the text report's first column.
        let text = try runBinary(["report", "--db", db], self).out
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains(SamplePlans.title(3)) })
        XCTAssertTrue(line.hasPrefix("\(id) "), String(line))
        // A day the calendar does not have, and a language the tool does not speak: one line, exit 2.
        for args in [["--as-of", "2025-02-30"], ["--lang", "de"]] {
            let r = try runBinary(["report", "--db", db] + args, self)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        }
    }

    /// The Fixtures' import: a section for every plan, and the phase counts add up.
    func testTheFixturesReportHasEveryPlan() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/x.sqlite"
        XCTAssertLessThanOrEqual(try runBinary(["import", Paths.fixtures.path, "--db", db], self).status, 1)
        let html = try htmlReport(db, dir)
        let ids = try query(db, "SELECT id FROM plans", Int.self)
        XCTAssertGreaterThan(ids.count, 20)
        XCTAssertEqual(html.components(separatedBy: #"<section class="plan""#).count - 1, ids.count)
        for id in ids { XCTAssertTrue(html.contains(#"<section class="plan" id="plan-\#(id)""#)) }
        XCTAssertEqual(try phaseCounts(db).map(\.1).reduce(0, +), ids.count)
        for (phase, n) in try phaseCounts(db) { XCTAssertTrue(html.contains(#"data-phase-count="\#(phase)">\#(n)<"#), phase) }
        // Every failure of the import is in the page.
        for path in try query(db, "SELECT path FROM failures", String.self) { XCTAssertTrue(html.contains(path.replacingOccurrences(of: "&", with: "&amp;")), path) }
    }

    /// Help in the run's language: Danish by default, English with --lang en or MAALPLAN_LANG=en.
    func testHelpIsInTheRunsLanguage() throws {
        for (args, da) in [(["convert", "--help"], true), (["convert", "--help", "--lang", "en"], false),
                           (["report", "--help"], true), (["report", "--help", "--lang=en"], false), (["import", "--help", "--lang", "en"], false)] {
            let r = try runBinary(args, self)
            let text = r.out + r.err
            let danish = ["Omsæt én målplan", "Vis de importerede planer", "Læs filer og mapper"].contains { text.contains($0) }
            let english = ["Convert one plan", "Show the imported plans", "Read files and folders"].contains { text.contains($0) }
            XCTAssertEqual(danish, da, "\(args): \(text.prefix(200))")
            XCTAssertEqual(english, !da, "\(args): \(text.prefix(200))")
        }
    }

    func testEveryFailureCodeHasANameInBothLanguages() {
        for code in everyReadErrorReason.map({ ReadError($0).code }) + ["cannot-open-folder", "refused-by-database"] {
            XCTAssertNotEqual(FailureRow.reasonName(code, .da), code, "\(code) has a name of its own")
        }
    }

    func htmlReport(_ db: String, _ dir: String) throws -> String {
        let r = try runBinary(["report", "--db", db, "--format", "html", "--as-of", "2025-08-20"], self)
        XCTAssertEqual(r.status, 0, r.err)
        return r.out
    }

    func phaseCounts(_ db: String) throws -> [(String, Int)] {
        let rows = try query(db, "SELECT phase_reached || ':' || COUNT(*) FROM plans GROUP BY phase_reached", String.self)
        return rows.map { let p = $0.split(separator: ":"); return (String(p[0]), Int(p[1])!) }
    }
}

import Foundation
import TestSupport
import XCTest

/// Issue 14: the HTML report of the Fixtures' import in a real browser (Debian's chromium,
/// headless): it loads with no console message (a request the page's Content-Security-Policy
/// blocked, or a script error, would be one), its script runs, every plan's section and the
/// chart are in the DOM, and a screenshot at 1280 px and an A4 PDF print are made.
final class BrowserTests: XCTestCase {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium headless on the page with `args`; its standard output and error.
    func browse(_ page: String, _ args: [String], in dir: String) throws -> (out: String, err: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.chromium!)
        // A profile of its own; no network at all (a request would fail and be logged).
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir)/profile",
                       "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"] + args + ["file://" + page]
        // Through files: nothing waits on a full pipe.
        let outPath = dir + "/chromium.out", errPath = dir + "/chromium.err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        p.waitUntilExit()
        let o = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let e = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    func testTheFixturesReportInChromium() throws {
        guard Self.chromium != nil else {
            let reason = "BrowserTests skipped: no chromium (apt-get install chromium; .ci/run installs it)"
            print(reason)
            throw XCTSkip(reason)
        }
        let dir = try temporaryFolder(self)
        let db = dir + "/x.sqlite"
        XCTAssertLessThanOrEqual(try runBinary(["import", Paths.fixtures.path, "--db", db], self).status, 1)
        let page = dir + "/status.html"
        XCTAssertEqual(try runBinary(["report", "--db", db, "--format", "html", "--as-of", "2025-08-20", "-o", page], self).status, 0)
        let plans = try query(db, "SELECT id FROM plans", Int.self)
        XCTAssertGreaterThan(plans.count, 20)

        // The DOM after the script ran.
        let dom = try browse(page, ["--dump-dom"], in: dir)
        XCTAssertEqual(dom.status, 0, dom.err)
        let console = dom.err.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Refused to") || $0.contains("Uncaught") }
        XCTAssertEqual(console, [], "no console message, no blocked request")
        for id in plans { XCTAssertTrue(dom.out.contains(#"id="plan-\#(id)""#), "plan \(id)'s section") }
        XCTAssertTrue(dom.out.contains(#"<svg class="chart" id="phase-chart""#))
        XCTAssertTrue(dom.out.contains(">\(plans.count) planer vist</output>"), "the filter script ran")

        // A screenshot at 1280 px and a PDF print, as a reader would make them.
        let png = dir + "/status.png", pdf = dir + "/status.pdf"
        _ = try browse(page, ["--hide-scrollbars", "--window-size=1280,2000", "--screenshot=\(png)"], in: dir)
        _ = try browse(page, ["--print-to-pdf=\(pdf)", "--no-pdf-header-footer"], in: dir)
        let shot = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(shot.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // The PNG's width (IHDR, big-endian at byte 16) is the window's.
        XCTAssertEqual(shot.count > 24 ? Int(shot[16]) << 24 | Int(shot[17]) << 16 | Int(shot[18]) << 8 | Int(shot[19]) : 0, 1280)
        let printed = try Data(contentsOf: URL(fileURLWithPath: pdf))
        XCTAssertEqual(String(decoding: printed.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertGreaterThan(printed.count, 20_000)
        print("BrowserTests: \(plans.count) plans, page \(try Data(contentsOf: URL(fileURLWithPath: page)).count) bytes, "
              + "screenshot \(shot.count) bytes, PDF \(printed.count) bytes")
    }
}

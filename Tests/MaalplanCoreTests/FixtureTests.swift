import TestSupport
import Foundation
import MaalplanCore
import XCTest

/// Every fixture converts to its hand-written expected JSON, and every output validates against the schema.
final class FixtureTests: XCTestCase {
    func compare(_ doc: URL, expected: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let plan = try Pipeline.convert(path: doc.path)
        let got = try XCTUnwrap(parseJSON(plan.json.serialized()) as? [String: Any])
        let want = try XCTUnwrap(parseJSON(file: expected) as? [String: Any])
        for (key, value) in want where key != "source" && key != "findings" {
            XCTAssert(jsonEqual(got[key], value), "\(doc.lastPathComponent): \(key)\n got: \(compact(got[key]))\nwant: \(compact(value))",
                      file: file, line: line)
        }
    }

    func testEveryFixtureHasItsExpectedJSONAndMatches() throws {
        let docs = Paths.fixtureDocuments()
        XCTAssertGreaterThanOrEqual(docs.count, 20, "the fixtures are missing")
        for doc in docs {
            let exp = Paths.expected(for: doc)
            XCTAssert(FileManager.default.fileExists(atPath: exp.path), "no expected JSON for \(doc.lastPathComponent)")
            try compare(doc, expected: exp)
        }
    }

    func testOutputValidatesAgainstTheSchema() throws {
        let schema = try XCTUnwrap(parseJSON(file: Paths.repo.appendingPathComponent("docs/maalplan.schema.json")) as? [String: Any])
        let checker = SchemaChecker(root: schema)
        for doc in Paths.fixtureDocuments() {
            let out = try parseJSON(Pipeline.convert(path: doc.path).json.serialized())
            XCTAssertEqual(checker.check(out), [], doc.lastPathComponent)
        }
        // The checker itself rejects what the schema forbids.
        let bad: [String: Any] = ["schemaVersion": 2, "template": "x", "extra": 1]
        XCTAssertFalse(checker.check(bad).isEmpty)
    }

    func testSourceNamesTheFileAndItsFormat() throws {
        let dotx = Paths.fixtures.appendingPathComponent("2025-template.dotx")
        let plan = try Pipeline.convert(path: dotx.path)
        XCTAssertEqual(plan.source?.format, "dotx")
        XCTAssertEqual(plan.source?.path, dotx.path)
        XCTAssertEqual(plan.source?.bytes, try Data(contentsOf: dotx).count)
        XCTAssertEqual(plan.source?.sha256.count, 64)
        XCTAssertEqual(try Pipeline.convert(path: Paths.fixtures.appendingPathComponent("2025-macros.docm").path).source?.format, "docm")
    }

    /// The four documents of ../shared/reference convert to exactly their expected JSON.
    func testSharedReferenceDocuments() throws {
        let ref = Paths.shared.appendingPathComponent("reference")
        guard FileManager.default.fileExists(atPath: ref.path) else {
            print("skipped: \(ref.path) is absent (it is beside the repository in CI)")
            throw XCTSkip("../shared/reference is absent")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: ref.path).filter { $0.hasSuffix(".docx") }.sorted()
        XCTAssertEqual(names.count, 4)
        for n in names {
            let doc = ref.appendingPathComponent(n)
            try compare(doc, expected: Paths.expected(for: doc))
        }
    }
}

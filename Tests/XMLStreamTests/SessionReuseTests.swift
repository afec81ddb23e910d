import TestSupport
import DocxBuilder
import DocxPackage
import Foundation
import JSONOutput
import WordDocument
import XCTest

/// XMLPullReader reuses each thread's libxml2 parser context, and the names interned from it,
/// from part to part (xmlCtxtResetPush). A document read on a thread that has read many others,
/// refused ones among them, reads as it does on a new thread.
final class SessionReuseTests: XCTestCase {
    /// The model as JSON, or the refusal: what a read gives.
    static func outcome(_ bytes: [UInt8]) -> String {
        do {
            return try WordReader.read(bytes: bytes).json.serialized(pretty: false)
        } catch {
            return "refused: \(error.reason) \(error.part ?? "-") \(error.line.map(String.init) ?? "-")"
        }
    }

    /// On a thread of its own, so with no parser context made before.
    static func outcomeOnNewThread(_ bytes: [UInt8]) -> String {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var out = ""
        let t = Thread { out = outcome(bytes); done.signal() }
        t.start()
        done.wait()
        return out
    }

    func testReusedParserReadsAsANewOne() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var docs: [(String, [UInt8])] = []
        for dir in [repo.appendingPathComponent("Fixtures"), repo.deletingLastPathComponent().appendingPathComponent("shared/reference")] {
            guard let e = FileManager.default.enumerator(atPath: dir.path) else { continue }
            for f in e.compactMap({ $0 as? String }).sorted() where [".docx", ".docm", ".dotx", ".dotm"].contains(where: { f.lowercased().hasSuffix($0) }) {
                docs.append((dir.lastPathComponent + "/" + f, Array(try Data(contentsOf: dir.appendingPathComponent(f)))))
            }
        }
        XCTAssertGreaterThan(docs.count, 20)
        // Refused on the way: a DOCTYPE (the parser is stopped from a callback), a part that is not
        // well-formed (a fatal error half-way); and a prefix bound to no namespace (an error libxml2 goes on from).
        var dtd = DocxBuilder(body: DocxBuilder.paragraph("x"))
        dtd.rawParts["/word/document.xml"] = Array((#"<?xml version="1.0"?><!DOCTYPE w:document [<!ELEMENT w:document ANY>]>"#
            + "<w:document \(DocxBuilder.namespaces(.transitional))><w:body></w:body></w:document>").utf8)
        var broken = DocxBuilder(body: DocxBuilder.paragraph("x"))
        broken.rawParts["/word/document.xml"] = Array(("<w:document \(DocxBuilder.namespaces(.transitional))><w:body><w:p><w:r><w:t>a</w:p>"
            + String(repeating: "<w:p/>", count: 400) + "</w:body></w:document>").utf8)
        var unbound = DocxBuilder(body: DocxBuilder.paragraph("x"))
        unbound.rawParts["/word/document.xml"] = Array(("<w:document \(DocxBuilder.namespaces(.transitional))><w:body><q:p/>"
            + DocxBuilder.paragraph("y") + "</w:body></w:document>").utf8)
        let bad = [("dtd", try dtd.build()), ("broken", try broken.build()), ("unbound", try unbound.build())]
        for (name, bytes) in bad.prefix(2) {
            XCTAssertTrue(Self.outcome(bytes).hasPrefix("refused"), name)
        }

        let all = docs
        let fresh = Dictionary(uniqueKeysWithValues: (docs + bad).map { ($0.0, Self.outcomeOnNewThread($0.1)) })
        // One thread, every document twice (in order, then backwards), a refused one before each.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var mismatches: [String] = []
        let t = Thread {
            for (i, (name, bytes)) in (all + all.reversed()).enumerated() {
                let (badName, badBytes) = bad[i % bad.count]
                if Self.outcome(badBytes) != fresh[badName] { mismatches.append(badName + " after reuse") }
                if Self.outcome(bytes) != fresh[name] { mismatches.append(name) }
            }
            done.signal()
        }
        t.start()
        done.wait()
        XCTAssertEqual(mismatches, [])
    }
}

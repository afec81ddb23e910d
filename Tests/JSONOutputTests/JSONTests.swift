import Foundation
@testable import JSONOutput
import TestSupport
import XCTest

final class JSONTests: XCTestCase {
    func testStringsReadBackAsWritten() throws {
        var rng = SeededRandom("\(Self.self).\(#function)")
        let pieces = ["a", "æøå", "ÆØÅ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}",
                      "😀", "e\u{0301}", "/", " ", "€"]
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let text = JSON.string(s).serialized(pretty: false)
            XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(text.utf8)), s, text)
            XCTAssertFalse(text.contains("\u{2028}") || text.contains("\u{2029}"), "line ends to JavaScript are escaped")
        }
        XCTAssertEqual(JSON.string("Ø \"x\"\n\u{1}").serialized(pretty: false), #""Ø \"x\"\n\u0001""#, "æ, ø, å as they are")
    }

    func testObjectsKeepTheirKeyOrder() {
        let j = JSON.object([("b", .int(1)), ("a", .array([.null, .bool(true), .string("x")])), ("c", .object([]))])
        XCTAssertEqual(j.serialized(pretty: false), #"{"b":1,"a":[null,true,"x"],"c":{}}"#)
        XCTAssertEqual(j.serialized(), "{\n  \"b\": 1,\n  \"a\": [\n    null,\n    true,\n    \"x\"\n  ],\n  \"c\": {}\n}\n")
    }
}

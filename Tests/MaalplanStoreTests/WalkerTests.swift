import TestSupport
@testable import MaalplanStore
import XCTest

/// The walk's own extension helper gives what NSString's pathExtension gives.
final class WalkerExtensionTests: XCTestCase {
    func testBytesPrecedeAsLexicographic() {
        var rng = SeededRandom("\(Self.self).\(#function)")
        let alphabet: [UInt8] = [0x00, 0x2E, 0x41, 0x61, 0x7A, 0x7F, 0x80, 0xC3, 0xA5, 0xFF]
        for _ in 0..<20_000 {
            let a = (0..<Int.random(in: 0...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            XCTAssertEqual(Walker.bytesPrecede(a, b), a.lexicographicallyPrecedes(b), "\(a) \(b)")
        }
    }

    func testFileExtensionAsNSString() {
        let names = ["plan.docx", "Plan.DOCX", ".docx", "plan.", "plan", "a.b.dotm", "målplan 2025.docm", "x.tar.gz",
                     "~$plan.docx", "..docx", "plan..docx", "æøå.ødt", "plan.d o c", "."]
        for folder in ["", "/", "/data/", "/data/b.c/", "/data/.hidden/", "rel/"] {
            for n in names {
                let p = folder + n
                XCTAssertEqual(Walker.fileExtension(p), (p as NSString).pathExtension, p)
            }
        }
    }
}

import TestSupport
@testable import MaalplanStore
import XCTest

final class DanishOrderTests: XCTestCase {
    func testÆØÅComeAfterZ() {
        let words = ["Åbrinken", "Zoo", "Ørestad", "Abe", "Ærø", "Øvrige"]
        let sorted = words.sorted { Report.danishKey($0).lexicographicallyPrecedes(Report.danishKey($1)) }
        XCTAssertEqual(sorted, ["Abe", "Zoo", "Ærø", "Ørestad", "Øvrige", "Åbrinken"])
    }
}

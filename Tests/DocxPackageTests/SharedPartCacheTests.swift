import TestSupport
import DocxBuilder
@testable import DocxPackage
import JSONOutput
import WordDocument
import XCTest

/// Parts that packages share byte for byte (content types, relationships, styles, numbering) are
/// read once with a `SharedPartCache`. A document whose parts come from the cache reads as it does
/// without one; a part is only taken from the cache when its compressed bytes are the kept ones,
/// not because its CRC and sizes say so; limits count it as if it were read.
final class SharedPartCacheTests: XCTestCase {
    /// The document as JSON, or its refusal; read with `cache` when one is given.
    static func outcome(_ bytes: [UInt8], limits: ReadLimits = .default, cache: SharedPartCache? = nil) -> String {
        do {
            return try WordReader.read(package: DocxPackage(bytes: bytes, limits: limits, sharedParts: cache)).json.serialized(pretty: false)
        } catch {
            return "refused: \(error.code) \(error.part ?? "-")"
        }
    }

    static let styles = #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#
        + #"<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>"#
        + #"<w:style w:type="paragraph" w:styleId="Liste"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#
    static let numbering = #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>"#
        + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#

    /// A plan-like document: a heading and a bullet, which need the styles and the numbering.
    static func document(_ n: Int) throws -> [UInt8] {
        var b = DocxBuilder(body: DocxBuilder.paragraph("Mål \(n): tryghed i Ørestad", style: "Overskrift1")
            + DocxBuilder.paragraph("Prøvehandling \(n)", style: "Liste"))
        b.styles = styles
        b.numbering = numbering
        b.headers = [.init(.default, "<w:p><w:r><w:t>Sag 00.01.00-A00-\(n)-25</w:t></w:r></w:p>")]
        b.core = .init(title: "Målplan \(n)")
        return try b.build()
    }

    func testSharedPartsAreReadOnceAndGiveTheSameDocument() throws {
        let docs = try (1...4).map(Self.document)
        let fresh = docs.map { d in Self.outcome(d) }
        for f in fresh {
            XCTAssertFalse(f.hasPrefix("refused"), f)
            // The heading level comes from styles.xml, the bullet from numbering.xml.
            XCTAssertTrue(f.contains(#""headingLevel":1"#), f)
            XCTAssertTrue(f.contains(#""format":"bullet""#), f)
        }
        let cache = SharedPartCache()
        var outcomes: [String] = [], hits: [Int] = []
        for d in docs {
            outcomes.append(Self.outcome(d, cache: cache))
            hits.append(cache.hits)
        }
        XCTAssertEqual(outcomes, fresh)
        // Kept when met the second time; from the third document on, the five shared parts
        // ([Content_Types].xml, both .rels, styles, numbering) come from the cache.
        XCTAssertEqual(hits, [0, 0, 5, 10])
    }

    func testAPartClaimingAnothersCRCIsReadAsItself() throws {
        // Two styles.xml of one length: the second calls the heading style "Body Text" (no heading).
        let xml = { (name: String) in
            Array((#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "<w:styles \(DocxBuilder.namespaces(.transitional))>"
                + #"<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="\#(name)"/></w:style></w:styles>"#).utf8)
        }
        let real = xml("heading 1"), other = xml("Body Text")
        XCTAssertEqual(real.count, other.count)
        func package(_ styles: DeflatedPart) throws -> [UInt8] {
            var b = DocxBuilder(body: DocxBuilder.paragraph("Mål", style: "Rubrik"))
            b.styles = ""
            b.deflatedParts = [styles]
            return try b.build()
        }
        let original = try package(.stored(name: "word/styles.xml", data: real))
        // Same compressed size, size, method and CRC in the headers as `original`'s styles.xml; other bytes.
        let forged = try package(.stored(name: "word/styles.xml", data: other, crc: DeflatedPart.crc32(real)))
        let honest = try package(.stored(name: "word/styles.xml", data: other))

        let freshOriginal = Self.outcome(original)
        XCTAssertTrue(freshOriginal.contains(#""headingLevel":1"#), freshOriginal)
        let freshForged = Self.outcome(forged)
        XCTAssertTrue(freshForged.hasPrefix("refused: corrupt-zip /word/styles.xml"), freshForged)
        let freshHonest = Self.outcome(honest)
        XCTAssertFalse(freshHonest.contains("headingLevel"), freshHonest)

        let cache = SharedPartCache()
        _ = Self.outcome(original, cache: cache)
        _ = Self.outcome(original, cache: cache)
        let before = cache.hits
        let o = Self.outcome(original, cache: cache)
        XCTAssertGreaterThan(cache.hits, before, "the original's styles.xml is kept by now")
        let afterKept = [o, Self.outcome(forged, cache: cache), Self.outcome(honest, cache: cache), Self.outcome(forged, cache: cache)]
        XCTAssertEqual(afterKept, [freshOriginal, freshForged, freshHonest, freshForged])
    }

    func testKeptPartsCountTowardsThePackagesLimits() throws {
        let doc = try Self.document(7)
        // The smallest total a new thread accepts for this document.
        var lo = 1, hi = 1 << 20
        while lo < hi {
            let mid = (lo + hi) / 2
            var l = ReadLimits()
            l.maxTotalBytes = mid
            if Self.outcome(doc, limits: l).hasPrefix("refused") { lo = mid + 1 } else { hi = mid }
        }
        var enough = ReadLimits(), short = ReadLimits()
        enough.maxTotalBytes = lo
        short.maxTotalBytes = lo - 1
        let freshShort = Self.outcome(doc, limits: short)
        XCTAssertTrue(freshShort.hasPrefix("refused: too-large"), freshShort)
        let freshEnough = Self.outcome(doc, limits: enough)
        let cache = SharedPartCache()
        var outcomes: [String] = []
        for _ in 0..<4 {
            outcomes.append(Self.outcome(doc, limits: short, cache: cache))
            outcomes.append(Self.outcome(doc, limits: enough, cache: cache))
        }
        XCTAssertGreaterThan(cache.hits, 0)
        XCTAssertEqual(outcomes, Array(repeating: [freshShort, freshEnough], count: 4).flatMap { $0 })
    }

    /// A kept value is given back only under the limits a part's reading depends on: a lower depth
    /// limit reads (and refuses) the part as a new thread would.
    func testAKeptPartIsReadAgainUnderOtherLimits() throws {
        let doc = try Self.document(3)
        var shallow = ReadLimits()
        shallow.maxElementDepth = 2
        let freshShallow = Self.outcome(doc, limits: shallow)
        XCTAssertTrue(freshShallow.hasPrefix("refused: too-deep"), freshShallow)
        let fresh = Self.outcome(doc)
        let cache = SharedPartCache()
        let outcomes = [Self.outcome(doc, cache: cache), Self.outcome(doc, cache: cache), Self.outcome(doc, cache: cache),
                        Self.outcome(doc, limits: shallow, cache: cache), Self.outcome(doc, cache: cache)]
        XCTAssertEqual(outcomes, [fresh, fresh, fresh, freshShallow, fresh])
    }

    /// The same relationship bytes in another folder resolve against that folder.
    func testSameRelationshipsInAnotherFolderResolveThere() throws {
        func package(_ main: String) throws -> [UInt8] {
            var b = DocxBuilder(body: DocxBuilder.paragraph("Mål", style: "Overskrift1"))
            b.mainPart = main
            b.styles = Self.styles
            return try b.build()
        }
        let word = try package("/word/document.xml"), other = try package("/andet/document.xml")
        let freshOther = Self.outcome(other)
        XCTAssertTrue(freshOther.contains(#""headingLevel":1"#), freshOther)
        let cache = SharedPartCache()
        let outcomes = [word, word, word, other].map { Self.outcome($0, cache: cache) }
        XCTAssertEqual(outcomes.last, freshOther)
    }

    /// A part whose directory entry claims an enormous size is refused, not added up past Int.max.
    func testAPartClaimingAnEnormousSizeIsRefused() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("Mål", style: "Overskrift1"))
        b.styles = ""
        var part = DeflatedPart.stored(name: "word/styles.xml", data: Array("<w:styles \(DocxBuilder.namespaces(.transitional))/>".utf8))
        part.declaredSize = UInt64(Int.max)
        b.deflatedParts = [part]
        let bytes = try b.build()
        let cache = SharedPartCache()
        let outcomes = (0..<3).map { _ in Self.outcome(bytes, cache: cache) }
        for o in outcomes { XCTAssertTrue(o.hasPrefix("refused: too-large /word/styles.xml"), o) }
    }
}

import TestSupport
import XCTest
import DocxBuilder
import DocxPackage
import WordDocument

/// The builder itself: output that other zip readers accept, determinism, speed.
final class BuilderTests: XCTestCase {
    func testPartsAndMedia() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("x"))
        b.images = [.init()]
        b.styles = ""
        b.core = .init(title: "t")
        let names = Set(b.parts().map(\.name))
        XCTAssertEqual(names, ["/[Content_Types].xml", "/_rels/.rels", "/word/document.xml", "/word/_rels/document.xml.rels",
                               "/word/styles.xml", "/word/media/image1.png", "/docProps/core.xml"])
        let pkg = try DocxPackage(bytes: b.build())
        XCTAssertEqual(try pkg.readPart("/word/media/image1.png"), DocxBuilder.tinyPNG)
        XCTAssertEqual(pkg.contentType(of: "/word/media/image1.png"), "image/png")
        XCTAssertEqual(pkg.contentType(of: "/word/styles.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
        let rels = try pkg.relationships(of: "/word/document.xml")
        XCTAssertEqual(rels.first { $0.id == "rIdImage1" }?.target, "/word/media/image1.png")
        XCTAssertEqual(rels.first { $0.id == "rIdImage1" }?.kind, "image")
    }

    func testUnzipAcceptsOutput() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("Målplan"))
        b.footers = [.init(.default, DocxBuilder.paragraph("fod"))]
        let dir = NSTemporaryDirectory() + "maalplan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try b.write(to: dir + "/x.docx")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { throw XCTSkip("no unzip") }
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        proc.arguments = ["-tq", dir + "/x.docx"]
        proc.standardOutput = FileHandle.nullDevice
        try proc.run()
        proc.waitUntilExit()
        XCTAssertEqual(proc.terminationStatus, 0)
    }

    func testDeterministicAndStoreOption() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph(String(repeating: "gentaget ", count: 100)))
        XCTAssertEqual(try b.build(), try b.build())
        let deflated = try b.build().count
        b.compression = .store
        let stored = try b.build()
        XCTAssertGreaterThan(stored.count, deflated)
        XCTAssertEqual(try WordReader.read(bytes: stored).texts, [String(repeating: "gentaget ", count: 100)])
    }

    func testPlansOfDifferentContentAreDifferentBytes() throws {
        var sizes = Set<Int>()
        var packages = Set<[UInt8]>()
        for i in 0..<100 {
            var b = DocxBuilder(body: DocxBuilder.paragraph("Målplan \(i)", style: "Title")
                + table(columns: 2, row(textCell("Mål"), textCell(String(repeating: "x", count: i)))))
            b.core = .init(title: "Plan \(i)")
            let bytes = try b.build()
            sizes.insert(bytes.count)
            packages.insert(bytes)
        }
        XCTAssertEqual(packages.count, 100)
        XCTAssertGreaterThan(sizes.count, 1)
    }
}

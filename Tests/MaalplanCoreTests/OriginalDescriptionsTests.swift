import DocxPackage
import Foundation
@testable import MaalplanCore
import TestSupport
import XCTest

/// The images' descriptions of a .doc or .rtf, which LibreOffice's import drops, read from the
/// original (the logo's description names the organisation).
final class OriginalDescriptionsTests: XCTestCase {
    static let logo = "Albertslund Kommune, Økonomi & Stab, HR & Organisationsudvikling"

    /// An OfficeArt property table (MS-ODRAW 2.2.9, 0xF122 tertiary) with wzDescription as its
    /// complex property beside a simple one, as Word writes a picture's alt text in a .doc.
    static func propertyTable(_ description: String) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        var text: [UInt8] = []
        for u in description.utf16 { text += le16(Int(u)) }
        text += [0, 0]
        var properties = le16(0x8381) + le32(text.count)
        properties += le16(0x03BF) + le32(0x0001_0001)
        var record = le16(3 | 2 << 4) + le16(0xF122)
        record += le32(properties.count + text.count)
        return record + properties + text
    }

    func testAWordDocumentsPictureDescriptionIsReadFromItsDataStream() throws {
        var data = [UInt8](repeating: 0x5A, count: 700) + Self.propertyTable(Self.logo) + [UInt8](repeating: 0x11, count: 5000)
        // A record that does not add up (its property claims more than the record holds) is passed over.
        data += [0x33, 0x00, 0x0B, 0xF0, 0x06, 0x00, 0x00, 0x00, 0x81, 0x83, 0xFF, 0x00, 0x00, 0x00]
        let doc = compoundFile([("WordDocument", [0xEC, 0xA5] + [UInt8](repeating: 0, count: 600)), ("Data", data)])
        let file = try XCTUnwrap(CompoundFile(doc))
        XCTAssertEqual(file.streamNames, ["WordDocument", "Data"])
        XCTAssertEqual(file.stream("Data")?.prefix(data.count).elementsEqual(data), true)
        XCTAssertEqual(OriginalDescriptions.of(doc), [Self.logo])
    }

    func testABrokenChainEndsTheReadingNotTheRun() throws {
        var doc = compoundFile([("WordDocument", [0xEC, 0xA5] + [UInt8](repeating: 0, count: 600)), ("Data", Self.propertyTable(Self.logo))])
        // The FAT (sector 0, at 512) made to point the directory's chain back at itself.
        doc.replaceSubrange(516..<520, with: [1, 0, 0, 0])
        XCTAssertNil(CompoundFile(doc))
        XCTAssertEqual(OriginalDescriptions.of(doc), [])
        // One FAT sector named 109 times (and the count to match): refused, not a table 109 times the file.
        var repeated = compoundFile([("WordDocument", [0xEC, 0xA5] + [UInt8](repeating: 0, count: 600))])
        repeated.replaceSubrange(0x2C..<0x30, with: [109, 0, 0, 0])
        repeated.replaceSubrange(0x4C..<(0x4C + 4 * 109), with: [UInt8](repeating: 0, count: 4 * 109))
        XCTAssertNil(CompoundFile(repeated))
        XCTAssertEqual(OriginalDescriptions.of(Array(doc.prefix(300))), [])
    }

    func testAnRTFPicturesDescriptionWithItsEscapes() {
        let rtf = #"{\rtf1\ansi\ansicpg1252{\*\shppict{\pict{\*\picprop{\sp{\sn wzDescription}{\sv Albertslund Kommune, \u216\'d8konomi & Stab, HR \'26 \{Organisation\}}}{\sp{\sn wzName}{\sv Logo}}}\pngblip 89504e47}}}"#
        XCTAssertEqual(OriginalDescriptions.of(Array(rtf.utf8)), ["Albertslund Kommune, Økonomi & Stab, HR & {Organisation}"])
        // Word's own form: the Danish letter as \'hh in the code page, no \u.
        let word = #"{\rtf1{\sp{\sn wzDescription}{\sv K\'f8ge Kommune, Sundhed}}}"#
        XCTAssertEqual(OriginalDescriptions.of(Array(word.utf8)), ["Køge Kommune, Sundhed"])
        XCTAssertEqual(OriginalDescriptions.of(Array(#"{\rtf1{\sp{\sn wzDescription}{\sv "#.utf8)), [], "cut off: nothing")
        // A character past U+FFFF as two \u (signed 16-bit), a destination to ignore, numbers out of range.
        let hostile = #"{\rtf1{\sp{\sn wzDescription}{\sv Gr\u248\'f8n{\*\junk hidden} by \u-10179?\u-8704?, \u-100000?\u5000000000? Vej}}}"#
        XCTAssertEqual(OriginalDescriptions.of(Array(hostile.utf8)).count, 1)
        XCTAssertTrue(OriginalDescriptions.of(Array(hostile.utf8)).first?.hasPrefix("Grøn by 😀, ") == true,
                      "\(OriginalDescriptions.of(Array(hostile.utf8)))")
    }
}

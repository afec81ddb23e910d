import TestSupport
import DocxBuilder
import MaalplanMapping
import MaalplanModel
import WordDocument
import XCTest

/// Tables as staff leave them: split, with a label retyped, in one layout or the other. Each
/// document is built here, its expected plan written by hand beside it.
final class StructureTests: XCTestCase {
    func map(_ body: String, rules: MappingRules = .standard) throws -> MappingResult {
        Mapper.map(try readBody(DocxBuilder.paragraph("Målplan 2025") + body), rules: rules)
    }

    func codes(_ r: MappingResult) -> [FindingCode] { r.notes.map(\.message.code) }

    let foer = table(columns: 3, row(textCell("Ejer (afdelingschef)"), textCell("Tovholder"), textCell("Bidragende arbejdspladser")),
                     row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP")))
    let signs = table(columns: 2, row(textCell("Tegn"), textCell("Prøvehandling")),
                      row(textCell("Flere deltager"), textCell("Jobcafé")))

    func testAnUnknownLabelDoesNotTurnTheTableOnItsSide() throws {
        // The issue's case: one label of the Tegn | Prøvehandling table retyped to words the table of
        // labels does not have. Read as the 2025 table it is (labels over values), not as 2024's
        // label beside value, which stored the retyped label as the first sign.
        let t = table(columns: 2, row(textCell("Tegn"), textCell("Det vil vi afprøve")),
                      row(cell(DocxBuilder.paragraph("Flere deltager") + DocxBuilder.paragraph("Færre klager")), textCell("Jobcafé")))
        let r = try map(foer + t)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager", "Færre klager"])
        XCTAssertEqual(r.plan.goals.first?.trialActions, ["Jobcafé"])
        XCTAssertEqual(r.plan.template, .maalplan2025)
        XCTAssertEqual(r.unplaced, [])
        let note = try XCTUnwrap(r.notes.first { $0.message.code == .labelInferred })
        XCTAssertEqual(note.message, .labelInferred(found: "Det vil vi afprøve", assumed: .trialActions))
        XCTAssertEqual(note.location, Location(table: 2, row: 1, column: 2, label: "Det vil vi afprøve"))
    }

    func testEnglishLabelsAreLabels() throws {
        let t = table(columns: 2, row(textCell("Signs"), textCell("Trial actions")), row(textCell("Flere deltager"), textCell("Jobcafé")))
        let r = try map(foer + t)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.plan.goals.first?.trialActions, ["Jobcafé"])
        XCTAssertEqual(r.notes, [])
    }

    func testALabelThatNoTemplateTableExplainsIsReportedWithItsText() throws {
        // A fourth column: the FØR table no longer has the template's shape, nothing is inferred.
        let t = table(columns: 4, row(textCell("Ejer"), textCell("Tovholder"), textCell("Bidragende arbejdspladser"), textCell("Budget")),
                      row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP"), textCell("50.000 kr.")))
        let r = try map(t)
        XCTAssertEqual(r.plan.owner, "Lone Dahl")
        XCTAssertEqual(r.plan.contributingWorkplaces, ["SSP"])
        XCTAssertEqual(r.unplaced, [UnplacedText(location: Location(table: 1, row: 2, column: 4, label: "Budget"), label: "Budget",
                                                 text: "50.000 kr.")])
        XCTAssertFalse(codes(r).contains(.labelInferred))
    }

    func testATableSplitBetweenItsLabelsAndItsValues() throws {
        let labels = table(columns: 3, row(textCell("Ejer (afdelingschef)"), textCell("Tovholder"), textCell("Bidragende arbejdspladser")))
        let values = table(columns: 3, row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP")))
        let r = try map(labels + DocxBuilder.paragraph("") + values + signs)
        XCTAssertEqual(r.plan.owner, "Lone Dahl")
        XCTAssertEqual(r.plan.coordinator, "Omar Haddad")
        XCTAssertEqual(r.plan.contributingWorkplaces, ["SSP"])
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.unplaced, [])
        XCTAssertEqual(r.notes, [MappingNote(.info, .splitTable(first: 1, second: 2), location: Location(table: 2, row: 1))])
        // The value's place is where it is: table 2.
        XCTAssertEqual(r.fields[FieldPath(.coordinator)]?.location, Location(table: 2, row: 1, column: 2, label: "Tovholder"))
    }

    func testASplitTableWhoseSecondPartHasAnotherGrid() throws {
        // The value row's grid has four columns, its two cells two each (a merged cell's leftover).
        let labels = table(columns: 2, row(textCell("Tegn"), textCell("Prøvehandling")))
        let values = table(columns: 4, row(textCell("Flere deltager", tcPr: #"<w:gridSpan w:val="2"/>"#),
                                           textCell("Jobcafé", tcPr: #"<w:gridSpan w:val="2"/>"#)))
        let r = try map(foer + labels + values)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.plan.goals.first?.trialActions, ["Jobcafé"])
        XCTAssertEqual(r.unplaced, [])

        // Three cells under two labels: in proportion to the grids (columns 1–2 and 3–4 of four
        // under the first and second of two).
        let three = table(columns: 4, row(textCell("Flere deltager", tcPr: #"<w:gridSpan w:val="2"/>"#), textCell("Jobcafé"), textCell("Vandring")))
        let r3 = try map(foer + labels + three)
        XCTAssertEqual(r3.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r3.plan.goals.first?.trialActions, ["Jobcafé", "Vandring"])
    }

    func testLabelsWithTextAfterThemAreNotJoinedToTheNextTable() throws {
        // A row of labels, then a paragraph of text, then a table: the labels have no values here.
        let labels = table(columns: 3, row(textCell("Ejer"), textCell("Tovholder"), textCell("Bidragende arbejdspladser")))
        let other = table(columns: 3, row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP")))
        let r = try map(labels + DocxBuilder.paragraph("Noter fra mødet") + other)
        XCTAssertEqual(r.plan.owner, "")
        XCTAssertEqual(r.fields[FieldPath(.owner)]?.location.table, 1, "the label is where a person fills it in")
        XCTAssertEqual(Set(r.unplaced.map(\.text)), ["Noter fra mødet", "Lone Dahl", "Omar Haddad", "SSP"])
    }

    func testA2024TableWithARetypedLabelIsReadBesideAndTheLabelInferred() throws {
        let sheet = DocxBuilder.paragraph("FØR") + table(columns: 2,
            row(textCell("Ejer"), textCell("Lone Dahl")),
            row(textCell("Kontaktperson"), textCell("Omar Haddad")),
            row(textCell("Bidragende arbejdspladser"), textCell("SSP")),
            row(textCell("Mål og målgruppe"), textCell("Flere føler sig trygge.")),
            row(textCell("Målsætning og politik"), textCell("En tryg by.")),
            row(textCell("Udfordring"), textCell("Hvordan når vi dem?")))
        let r = try map(sheet)
        XCTAssertEqual(r.plan.template, .maalplan2024)
        XCTAssertEqual(r.plan.coordinator, "Omar Haddad")
        XCTAssertEqual(r.plan.goals.first?.challenge, "Hvordan når vi dem?")
        XCTAssertEqual(r.notes.map(\.message), [.labelInferred(found: "Kontaktperson", assumed: .coordinator)])
        XCTAssertEqual(r.notes.first?.location, Location(table: 1, row: 2, column: 1, label: "Kontaktperson", sheet: .FOER))
    }

    func testA2024TableOfShortValuesStaysBeside() throws {
        // Every value is as short as a label: the table's shape (a label in each row's first cell)
        // still says "label beside value".
        let t = table(columns: 2, row(textCell("Ejer"), textCell("Lone Dahl")), row(textCell("Tovholder"), textCell("Omar Haddad")),
                      row(textCell("Bidragende arbejdspladser"), textCell("SSP")))
        let r = try map(t)
        XCTAssertEqual([r.plan.owner, r.plan.coordinator], ["Lone Dahl", "Omar Haddad"])
        XCTAssertEqual(r.plan.contributingWorkplaces, ["SSP"])
        XCTAssertEqual(r.unplaced, [])
    }

    func testEmptyCopiesOfTheGoalTablesAreNoGoal() throws {
        let goal = { (g: String) in
            table(columns: 3, row(textCell("Mål & målgruppe"), textCell("Målsætning & politik"), textCell("Udfordring")),
                  row(textCell(g), textCell("En tryg by."), textCell("Hvordan?")))
        }
        let emptyGoal = table(columns: 3, row(textCell("Mål & målgruppe"), textCell("Målsætning & politik"), textCell("Udfordring")),
                              row(textCell(""), textCell(""), textCell("")))
            + table(columns: 2, row(textCell("Tegn"), textCell("Prøvehandling")),
                    row(textCell("Hvilke tegn vil I anvende for at se, om I nærmer jer målet?"), textCell("")))
        let r = try map(foer + goal("Første mål") + emptyGoal + goal("Andet mål") + emptyGoal)
        XCTAssertEqual(r.plan.goals.map(\.goal), ["Første mål", "Andet mål"])
        XCTAssertEqual(r.notes.filter { $0.message == .emptyGoal }.map(\.location?.table), [3, 6])
        XCTAssertEqual(r.fields[FieldPath(goal: 1, .goal)]?.location.table, 5, "the second goal's fields keep their places")
        XCTAssertNil(r.fields[FieldPath(goal: 2, .goal)])

        // A plan not begun keeps its one empty goal: there is nothing else to be its goal.
        let blank = try map(foer + emptyGoal)
        XCTAssertEqual(blank.plan.goals.count, 1)
        XCTAssertEqual(blank.notes, [])
    }

    // Found by trying documents as staff write them (one odd cell must not re-read a table).

    func testAValueThatIsALabelWordIsNoRowOfLabels() throws {
        // The owner written as the role: "Afdelingschef" is a synonym of the owner's label.
        let t = table(columns: 3, row(textCell("Ejer (afdelingschef)"), textCell("Tovholder"), textCell("Bidragende arbejdspladser")),
                      row(textCell("Afdelingschef"), textCell("Omar Haddad"), cell(DocxBuilder.paragraph("SSP") + DocxBuilder.paragraph("Vej & Park"))))
        let r = try map(t)
        XCTAssertEqual(r.plan.template, .maalplan2025)
        XCTAssertEqual(r.plan.owner, "", "a label is never a value")
        XCTAssertEqual(r.plan.coordinator, "Omar Haddad")
        XCTAssertEqual(r.plan.contributingWorkplaces, ["SSP", "Vej & Park"])
        XCTAssertEqual(r.fields[FieldPath(.owner)]?.location, Location(table: 1, row: 2, column: 1, label: "Ejer (afdelingschef)"))
    }

    func testTheSameLabelTwiceInARowIsInferredFromTheTemplate() throws {
        let t = table(columns: 3, row(textCell("Ejer"), textCell("Ejer"), textCell("Bidragende arbejdspladser")),
                      row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP")))
        let r = try map(t)
        XCTAssertEqual([r.plan.owner, r.plan.coordinator], ["Lone Dahl", "Omar Haddad"])
        XCTAssertEqual(r.notes.map(\.message), [.labelInferred(found: "Ejer", assumed: .coordinator)])

        // No template table explains it (a row of two labels): the second is no label, its value is
        // reported, nothing is overwritten.
        let odd = table(columns: 2, row(textCell("Ejer"), textCell("Ejer")), row(textCell("Lone Dahl"), textCell("Omar Haddad")))
        let r2 = try map(odd)
        XCTAssertEqual(r2.plan.owner, "Lone Dahl")
        XCTAssertEqual(r2.unplaced.map(\.text), ["Omar Haddad"])
    }

    func testAMergedCellUnderSeveralLabelsIsNoOnesValue() throws {
        let t = table(columns: 2, row(textCell("Tegn"), textCell("Prøvehandling")),
                      row(textCell("Flere deltager"), textCell("Jobcafé")),
                      row(textCell("Bemærkning: revideres i januar", tcPr: #"<w:gridSpan w:val="2"/>"#)))
        let r = try map(foer + t)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.plan.goals.first?.trialActions, ["Jobcafé"])
        XCTAssertEqual(r.unplaced, [UnplacedText(location: Location(table: 2, row: 3, column: 1), label: nil,
                                                 text: "Bemærkning: revideres i januar")])
    }

    func testA2024ValueIsTheOneCellBesideItsLabel() throws {
        let t = DocxBuilder.paragraph("FØR") + table(columns: 3, row(textCell("Ejer"), textCell("Lone Dahl"), textCell("Godkendt af direktion")),
                                                     row(textCell("Tovholder"), textCell("Omar Haddad"), textCell("")))
        let r = try map(t)
        XCTAssertEqual(r.plan.owner, "Lone Dahl")
        XCTAssertEqual(r.unplaced.map(\.text), ["Godkendt af direktion"])
    }

    func testALabelWithANoteBelowItInItsCell() throws {
        let t = table(columns: 3, row(cell(DocxBuilder.paragraph("Ejer (afdelingschef)") + DocxBuilder.paragraph("navn og titel")),
                                      textCell("Tovholder"), textCell("Bidragende arbejdspladser")),
                      row(textCell("Lone Dahl"), textCell("Omar Haddad"), textCell("SSP")))
        let r = try map(t)
        XCTAssertEqual([r.plan.owner, r.plan.coordinator], ["Lone Dahl", "Omar Haddad"])
        XCTAssertEqual(r.unplaced.map(\.text), ["navn og titel"], "the note is said, not dropped")
    }

    func testAHeaderRowTypedTwiceIsReadOnce() throws {
        let labels = row(textCell("Tegn"), textCell("Prøvehandling"))
        let t = table(columns: 2, labels, labels, row(textCell("Flere deltager"), textCell("Jobcafé")))
        let r = try map(foer + t)
        XCTAssertEqual(r.plan.goals.count, 1)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.notes, [])

        // The header copied below the values, nothing under it: no second goal.
        let after = table(columns: 2, labels, row(textCell("Flere deltager"), textCell("Jobcafé")), labels, row(textCell(""), textCell("")))
        let r2 = try map(foer + after)
        XCTAssertEqual(r2.plan.goals.count, 1)
        XCTAssertEqual(r2.plan.goals.first?.trialActions, ["Jobcafé"])
        XCTAssertEqual(r2.notes, [])
    }

    func testTheFieldsOwnLabelTypedInTheValueIsNoValue() throws {
        let t = table(columns: 2, row(textCell("Tegn"), textCell("Prøvehandling")),
                      row(cell(DocxBuilder.paragraph("Tegn:") + DocxBuilder.paragraph("Flere deltager")), textCell("Prøvehandling: Jobcafé")))
        let r = try map(foer + t)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.plan.goals.first?.trialActions, ["Jobcafé"])
    }

    // Found in the second round: tables that are not the template's.

    func testALaterTableWithTheSameLabelsDoesNotReplaceTheOwner() throws {
        let contacts = table(columns: 3, row(textCell("Ejer (afdelingschef)"), textCell("Tovholder"), textCell("Bidragende arbejdspladser")),
                             row(textCell("tlf. 4368 6001"), textCell("tlf. 4368 6002"), textCell("se bilag")))
        let r = try map(foer + signs + contacts)
        XCTAssertEqual([r.plan.owner, r.plan.coordinator], ["Lone Dahl", "Omar Haddad"])
        XCTAssertEqual(r.plan.contributingWorkplaces, ["SSP"])
        XCTAssertEqual(r.plan.goals.count, 1)
        XCTAssertEqual(r.notes.map(\.message.code), [.repeatedField, .repeatedField, .repeatedField])
        XCTAssertEqual(r.notes.first?.message, .repeatedField(FieldPath(.owner), text: "tlf. 4368 6001"))
        XCTAssertEqual(r.notes.first?.location, Location(table: 3, row: 2, column: 1, label: "Ejer (afdelingschef)"))

        // In the 2024 layout a later sheet's value wins: the goal restated on UNDER 1 is no repetition.
        let sheets = DocxBuilder.paragraph("FØR") + table(columns: 2, row(textCell("Mål og målgruppe"), textCell("Flere trygge.")))
            + DocxBuilder.paragraph("UNDER – udviklingsdage del 1") + table(columns: 2, row(textCell("Mål"), textCell("Flere trygge borgere.")),
                                                                         row(textCell("Tegn"), textCell("Færre klager")))
        let r2 = try map(sheets)
        XCTAssertEqual(r2.plan.goals.map(\.goal), ["Flere trygge borgere."])
        XCTAssertEqual(r2.notes, [])
    }

    func testATableWithOneLabelWordAmongItsOwnIsNoPlanTable() throws {
        // A budget with an "Evaluering" row, and a table of contents: reported, not read.
        let budget = table(columns: 2, row(textCell("Post"), textCell("Beløb")), row(textCell("Løn"), textCell("100.000")),
                           row(textCell("Materialer"), textCell("5.000")), row(textCell("Evaluering"), textCell("15.000")))
        let toc = table(columns: 2, row(textCell("Indhold"), textCell("Side")), row(textCell("Tegn"), textCell("2")),
                        row(textCell("Milepælsplan"), textCell("3")))
        let r = try map(foer + budget + toc + signs)
        XCTAssertEqual(r.plan.goals.count, 1)
        XCTAssertEqual(r.plan.goals.first?.evaluation, "")
        XCTAssertEqual(r.plan.goals.first?.signs, ["Flere deltager"])
        XCTAssertEqual(r.plan.template, .maalplan2025)
        XCTAssertTrue(r.unplaced.map(\.text).contains("15.000"), "the budget's text is said, not dropped")
    }

    func testASheetHeadingInATableRowBesideAColumnTitle() throws {
        let t = table(columns: 2, row(textCell("FØR"), textCell("Indhold")), row(textCell("Ejer"), textCell("Lone Dahl")),
                      row(textCell("Tovholder"), textCell("Omar Haddad")))
            + table(columns: 2, row(textCell("Ark 2 – UNDER – udviklingsdage del 1"), textCell("")), row(textCell("Mål"), textCell("Flere trygge.")),
                    row(textCell("Tegn"), textCell("Færre klager")))
        let r = try map(t)
        XCTAssertEqual(r.plan.template, .maalplan2024)
        XCTAssertEqual(r.plan.owner, "Lone Dahl")
        XCTAssertEqual(r.plan.goals.map(\.signs), [["Færre klager"]])
        XCTAssertEqual(r.fields[FieldPath(goal: 0, .signs)]?.location.sheet, .UNDER1)
    }

    func testA2024LabelMergedDownOverItsValues() throws {
        // "Tegn" merged over two rows, a sign in each (Word: Merge Cells on the label column).
        let t = DocxBuilder.paragraph("UNDER – udviklingsdage del 1") + table(columns: 2,
            row(textCell("Mål"), textCell("Flere trygge.")),
            row(textCell("Tegn", tcPr: #"<w:vMerge w:val="restart"/>"#), textCell("Færre klager")),
            row(cell("<w:p/>", tcPr: "<w:vMerge/>"), textCell("Flere til fællesspisning")))
        let r = try map(t)
        XCTAssertEqual(r.plan.goals.first?.signs, ["Færre klager", "Flere til fællesspisning"])
        XCTAssertEqual(r.unplaced, [])
    }
}

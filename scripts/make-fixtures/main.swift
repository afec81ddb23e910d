// Writes the builder-made fixtures of Fixtures/ (run: swift run make-fixtures Fixtures).
// Each variant is one way people fill in the 2025 or 2024 template; the JSON each must give
// is written by hand in Fixtures/*.expected.json (see scripts/fixture-expectations.py).
import DocxBuilder
import Foundation

let out = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Fixtures"

// MARK: The plan's content (the same plan as ../shared/reference).

struct Content {
    var owner = ["Lone Dahl Petersen"]
    var coordinator = ["Omar Haddad"]
    var workplaces = ["Boligsocialt Team", "SSP", "Kultur- og Fritidsafdelingen", "Vej & Park"]
    var goals: [GoalContent] = [GoalContent()]
}

struct GoalContent {
    var goal = ["Flere beboere i Hyldespjældet føler sig trygge, når de færdes i området efter mørkets frembrud. Målgruppe: beboere over 60 år og forældre til børn i indskolingen."]
    var objective = ["Albertslund skal være en tryg by for alle (Tryghedspolitikken)."]
    var challenge = ["Hvordan kan vi fremme deltagelsen i fællesskaber for at styrke Albertslund, nu og i fremtiden?"]
    var signs = ["Andelen af beboere, der føler sig trygge om aftenen, stiger fra 58 % til 70 % i tryghedsmålingen",
                 "Flere deltager i fællesspisning i beboerhuset"]
    var trialActions = ["Tryghedsvandring med beboere, politi og Vej & Park hvert kvartal",
                        "Bedre belysning på tre stier udpeget af beboerne",
                        "Aftenåbent beboerhus med frivillige værter"]
    var milestones = ["4.-5. marts 2025: Første tryghedsvandring", "2. kvartal 2025: Ny belysning etableret",
                      "uge 34 2025: Foreløbig evaluering", "december 2025: Endelig evaluering"]
    var evaluation = ["Tryghedsmålingen i november 2025 viser 66 % trygge. Beboerne peger på belysningen som den største forskel."]
    var learning = ["Tryghedsvandringer giver bedst resultat, når beboerne selv inviterer naboer. Vi fortsætter i 2026 med faste værter."]
}

let secondGoal: GoalContent = {
    var g = GoalContent()
    g.goal = ["Flere unge i Galgebakken deltager i fritidsjob. Målgruppe: unge mellem 15 og 17 år."]
    g.objective = ["Alle unge skal have en plads i fællesskabet (Børne- og ungepolitikken)."]
    g.challenge = ["Hvordan når vi de unge, der ikke selv søger hjælp?"]
    g.signs = ["Ti unge har fået et fritidsjob inden sommerferien"]
    g.trialActions = ["Jobcafé i ungdomsklubben hver onsdag"]
    g.milestones = ["1. februar 2025: Jobcaféen åbner", "ultimo juni 2025: Status på fritidsjob"]
    g.evaluation = ["Otte unge fik job; flere ønsker hjælp til ansøgninger."]
    g.learning = ["Personlig kontakt virker bedre end opslag."]
    return g
}()

let guidance = [
    "Tegn": ["Hvilke tegn vil I anvende for at se, om I nærmer jer målet? ",
             "Tegn angiver, om der sker de forandringer hos målgruppen, der tilsammen kan indfri målet. Tegn er dermed de trædesten, der viser, om vores prøvehandlinger har den ønskede effekt. Tegn kan både være kvalitative og kvantitative."],
    "Prøvehandling": ["Hvilken prøvehandling vil I igangsætte for at indfri målet? ",
                      "Prøvehandling indikerer forventningen om, at der afprøves nye handlinger og nye veje for at indfri målet. Prøvehandlingen kan udføres på tværs af arbejdspladser og afdelinger og sammen med borgere, foreninger og virksomheder. "],
    "Milepælsplan": ["Hvordan ser jeres milepælsplan ud med fokus på følgende nedslag:", "1. Hvornår opstartes den enkelte prøvehandling? ",
                     "2. Hvor lang tid skal I bruge på at indfri målet?", "3. Beskrive løbende milepæle?",
                     "3. Hvornår undervejs i forløbet vil I udarbejde en foreløbig evaluering på jeres arbejde med at indfri målet?",
                     "4. Hvornår forventer I at foretage den endelige evaluering af prøvehandlinger?"],
    "Evaluering": ["Hvad er resultatet af jeres evalueringer undervejs samt ved afslutning af jeres prøvehandlinger? ",
                   "I skal evaluere hvilken effekt og værdi som målgruppen har fået  som følge af jeres prøvehandlinger undervejs og ved afslutning af jeres prøvehandlinger"],
    "Læring": ["Hvilken læring har I fået undervejs og til sidst? ",
               "Her noteres hvilke nye indsigter og læringer I har fået undervejs og til slut i arbejdet og på denne baggrund, hvordan vil I gøre brug af denne læring fremadrettet, fx i forhold til vurdering af, om prøvehandlingen skal fortsætte eller slutte"],
]

// MARK: WordprocessingML helpers

func esc(_ s: String) -> String { DocxBuilder.escape(s) }

/// How a value's paragraphs are written.
struct Style {
    var splitRuns = false          // runs of three characters, proofing marks and bookmarks between
    var contentControls = false    // values inside w:sdt
    var bullets = false            // list fields as Word bullets
    var typedBullets = false       // list fields with typed "- " / "• "
    var guidance = false           // the template's guidance above the answers
    var nfd = false                // labels and values in decomposed Unicode, NBSP around "&"
    var tracked = false            // answers with tracked insertions and deletions
    var titleRows = false          // a merged title row above each table's labels
    var nestedMilestones = false   // the milestone plan as a nested table
    var placeholderOwner = false   // Ejer and Tovholder as placeholder content controls
}

/// The content filled in up to a phase: 1 FØR, 2 UNDER 1, 3 UNDER 2, 4 EFTER.
func upTo(_ phases: Int, _ c: Content) -> Content {
    var c = c
    c.goals = c.goals.map { g in
        var g = g
        if phases < 1 { g.goal = []; g.objective = []; g.challenge = [] }
        if phases < 2 { g.signs = [] }
        if phases < 3 { g.trialActions = [] }
        if phases < 4 { g.milestones = []; g.evaluation = []; g.learning = [] }
        return g
    }
    if phases < 1 { c.owner = []; c.coordinator = []; c.workplaces = [] }
    return c
}

func runs(_ text: String, _ s: Style) -> String {
    let t = s.nfd ? text.decomposedStringWithCanonicalMapping : text
    if !s.splitRuns { return #"<w:r><w:t xml:space="preserve">\#(esc(t))</w:t></w:r>"# }
    var out = ""
    var chunk = ""
    var n = 0
    for ch in t {
        chunk.append(ch)
        if chunk.count == 3 {
            out += #"<w:r><w:rPr><w:lang w:val="da-DK"/></w:rPr><w:t xml:space="preserve">\#(esc(chunk))</w:t></w:r>"#
            out += n % 2 == 0 ? #"<w:proofErr w:type="spellStart"/>"# : #"<w:bookmarkStart w:id="\#(n)" w:name="_Hlk\#(n)"/><w:bookmarkEnd w:id="\#(n)"/>"#
            chunk = ""
            n += 1
        }
    }
    if !chunk.isEmpty { out += #"<w:r><w:t xml:space="preserve">\#(esc(chunk))</w:t></w:r>"# }
    return out + #"<w:proofErr w:type="spellEnd"/>"#
}

func para(_ text: String, _ s: Style, list: Bool = false, style: String? = nil) -> String {
    var ppr = ""
    if let style { ppr += #"<w:pStyle w:val="\#(style)"/>"# }
    if list { ppr += #"<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"# }
    return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + runs(text, s) + "</w:p>"
}

func label(_ text: String, _ s: Style) -> String {
    var t = text
    if s.nfd { t = t.replacingOccurrences(of: " & ", with: "\u{00A0}&\u{00A0}") }
    return para(t, s)
}

func cell(_ inner: String, span: Int = 1) -> String {
    let gs = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
    return #"<w:tc><w:tcPr><w:tcW w:w="\#(3000 * span)" w:type="dxa"/>\#(gs)</w:tcPr>\#(inner.isEmpty ? "<w:p/>" : inner)</w:tc>"#
}

func table(_ rows: [[String]], columns: Int, title: String? = nil) -> String {
    var x = #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#
    x += String(repeating: #"<w:gridCol w:w="3000"/>"#, count: columns) + "</w:tblGrid>"
    if let title { x += "<w:tr>" + cell(para(title, Style()), span: columns) + "</w:tr>" }
    for r in rows { x += "<w:tr>" + r.joined() + "</w:tr>" }
    return x + "</w:tbl>"
}

/// A value cell's paragraphs.
func value(_ lines: [String], _ s: Style, list: Bool = false, guidanceKey: String? = nil, placeholder: Bool = false) -> String {
    var x = ""
    if s.guidance, let g = guidanceKey { x += guidance[g]!.map { para($0, Style()) }.joined() }
    if placeholder {
        return #"<w:sdt><w:sdtPr><w:id w:val="-1"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Klik eller tryk her for at angive tekst.</w:t></w:r></w:p></w:sdtContent></w:sdt>"#
    }
    var body = ""
    for (i, line) in lines.enumerated() {
        var text = line
        if list && s.typedBullets { text = (i % 2 == 0 ? "- " : "• ") + line }
        if s.tracked && i == 0 {
            // The first answer was rewritten with tracking on: an old version deleted, the new inserted.
            body += #"<w:p><w:del w:id="\#(900 + i)" w:author="Omar Haddad" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">Udkast: skal omskrives. </w:delText></w:r></w:del><w:ins w:id="\#(950 + i)" w:author="Omar Haddad" w:date="2025-03-01T10:00:00Z">\#(runs(text, s))</w:ins></w:p>"#
            continue
        }
        body += para(text, s, list: list && s.bullets)
    }
    if s.tracked && list {
        // A whole item deleted with tracking on: not content.
        body += #"<w:p><w:pPr><w:rPr><w:del w:id="990" w:author="Omar Haddad" w:date="2025-03-01T10:00:00Z"/></w:rPr></w:pPr><w:del w:id="991" w:author="Omar Haddad" w:date="2025-03-01T10:00:00Z"><w:r><w:delText>Slettet punkt</w:delText></w:r></w:del></w:p>"#
    }
    if s.contentControls {
        body = #"<w:sdt><w:sdtPr><w:alias w:val="Svar"/><w:id w:val="12345"/></w:sdtPr><w:sdtContent>\#(body)</w:sdtContent></w:sdt>"#
    }
    return x + body
}

func milestoneCell(_ lines: [String], _ s: Style) -> String {
    guard s.nestedMilestones else { return value(lines, s, list: true, guidanceKey: "Milepælsplan") }
    var rows = [[cell(para("Hvornår", Style())), cell(para("Hvad", Style()))]]
    for l in lines {
        let parts = l.components(separatedBy: ": ")
        rows.append([cell(para(parts[0], s)), cell(para(parts.dropFirst().joined(separator: ": "), s))])
    }
    return table(rows, columns: 2) + "<w:p/>"
}

let logoDescription = "Albertslund Kommune, Økonomi & Stab, Organisation & Politik, HR & Organisationsudvikling"

func plan2025(_ c: Content, _ s: Style) -> String {
    var x = "<w:p>" + DocxBuilder.inlineImage(descr: logoDescription) + "</w:p>"
    x += para("Målplan 2025", Style(), style: "Title")
    let t1 = table([
        [cell(label("Ejer (afdelingschef)", s)), cell(label("Tovholder", s)), cell(label("Bidragende arbejdspladser", s))],
        [cell(value(c.owner, s, placeholder: s.placeholderOwner)), cell(value(c.coordinator, s, placeholder: s.placeholderOwner)),
         cell(value(c.workplaces, s, list: true))],
    ], columns: 3, title: s.titleRows ? "Del 1: Ejerskab og parter" : nil)
    x += t1 + "<w:p/>"
    for (i, g) in c.goals.enumerated() {
        let n = c.goals.count > 1 ? " (\(i + 1))" : ""
        x += table([
            [cell(label("Mål & målgruppe", s)), cell(label("Målsætning & politik", s)), cell(label("Udfordring", s))],
            [cell(value(g.goal, s)), cell(value(g.objective, s)), cell(value(g.challenge, s))],
        ], columns: 3, title: s.titleRows ? "Del 2: Retning\(n)" : nil) + "<w:p/>"
        x += table([
            [cell(label("Tegn", s)), cell(label("Prøvehandling", s))],
            [cell(value(g.signs, s, list: true, guidanceKey: "Tegn")), cell(value(g.trialActions, s, list: true, guidanceKey: "Prøvehandling"))],
        ], columns: 2, title: s.titleRows ? "Del 3: Handling\(n)" : nil) + "<w:p/>"
        x += table([
            [cell(label("Milepælsplan", s)), cell(label("Evaluering", s)), cell(label("Læring", s))],
            [cell(milestoneCell(g.milestones, s)), cell(value(g.evaluation, s, guidanceKey: "Evaluering")), cell(value(g.learning, s, guidanceKey: "Læring"))],
        ], columns: 3, title: s.titleRows ? "Del 4: Opfølgning\(n)" : nil) + "<w:p/>"
    }
    return x
}

/// The 2024 layout: four sheets, each a heading over a label | value table; `filled` sheets have values.
func plan2024(_ c: Content, filled: Int) -> String {
    let s = Style()
    let g = c.goals[0]
    func rows(_ pairs: [(String, [String])], _ on: Bool) -> String {
        table(pairs.map { [cell(label($0.0, s)), cell(on ? value($0.1, s) : "")] }, columns: 2)
    }
    var x = "<w:p>" + DocxBuilder.inlineImage(descr: logoDescription) + "</w:p>"
    x += para("Målplan 2024", s, style: "Title")
    x += para("Borgere oplever større tryghed", s, style: "Heading1")
    x += para("FØR", s, style: "Heading1")
    x += rows([("Ejer", c.owner), ("Tovholder", c.coordinator), ("Bidragende arbejdspladser", c.workplaces),
               ("Mål og målgruppe", g.goal), ("Målsætning og politik", g.objective), ("Udfordring", g.challenge)], filled >= 1)
    x += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    x += para("UNDER - udviklingsdage del 1", s, style: "Heading1")
    x += rows([("Mål", g.goal), ("Tegn", g.signs)], filled >= 2)
    x += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    x += para("UNDER – udviklingsdage  del 2", s, style: "Heading1")
    x += rows([("Mål", g.goal), ("Prøvehandlinger", g.trialActions)], filled >= 3)
    x += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    x += para("EFTER", s, style: "Heading1")
    x += rows([("Prøvehandlinger", g.trialActions), ("Milepæle", g.milestones), ("Evaluering", g.evaluation), ("Læring", g.learning)], filled >= 4)
    return x
}

let styles = """
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
"""

let numbering = """
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""

func builder(_ body: String, title: String? = "Borgere oplever større tryghed") -> DocxBuilder {
    var b = DocxBuilder(body: body)
    b.styles = styles
    b.numbering = numbering
    b.images = [DocxBuilder.Image()]
    b.headers = [.init(.default, #"<w:p><w:r><w:t xml:space="preserve">Husk at gemme og løbende opdatere målplanen på sag: 00.01.00-A00-28-24</w:t></w:r></w:p>"#)]
    b.core = .init(title: title, creator: "maalplan make-fixtures", lastModifiedBy: "Omar Haddad",
                   created: "2024-11-28T09:30:00Z", modified: "2025-08-14T13:05:00Z")
    return b
}

func write(_ name: String, _ b: DocxBuilder) {
    let path = out + "/" + name
    do { try b.write(to: path); print("wrote \(path)") } catch { print("failed \(path): \(error)"); exit(1) }
}

let full = Content()

write("2025-guidance-deleted-bullets.docx", builder(plan2025(full, Style(bullets: true, typedBullets: false))))
var typed = Style(typedBullets: true)
write("2025-typed-bullets.docx", builder(plan2025({ var c = full; c.workplaces = ["Boligsocialt Team, SSP, Kultur- og Fritidsafdelingen; Vej & Park"]; return c }(), typed)))
write("2025-split-runs.docx", builder(plan2025(full, Style(splitRuns: true, guidance: true))))
write("2025-content-controls.docx", builder(plan2025(full, Style(contentControls: true))))
write("2025-tracked-changes.docx", builder(plan2025(full, Style(tracked: true))))
write("2025-placeholder-controls.docx", builder(plan2025(full, Style(placeholderOwner: true))))
write("2025-nfd-nbsp.docx", builder(plan2025(full, Style(nfd: true))))
write("2025-nested-milestones.docx", builder(plan2025(full, Style(nestedMilestones: true))))
write("2025-title-rows.docx", builder(plan2025(full, Style(titleRows: true))))
write("2025-two-goals.docx", builder(plan2025({ var c = full; c.goals.append(secondGoal); return c }(), Style(guidance: true))))
write("2024-complete.docx", builder(plan2024(full, filled: 4), title: nil))
write("2024-under1.docx", builder(plan2024(full, filled: 2), title: nil))
var strict = builder(plan2025(full, Style()))
strict.conformance = .strict
write("2025-strict.docx", strict)
var moved = builder(plan2025(full, Style()))
moved.mainPart = "/content/plan.xml"
write("2025-main-part-elsewhere.docx", moved)
var dotx = builder(plan2025(full, Style()))
dotx.format = .dotx
write("2025-template.dotx", dotx)
var docm = builder(plan2025(full, Style()))
docm.format = .docm
write("2025-macros.docm", docm)
write("2025-under1.docx", builder(plan2025(upTo(2, full), Style(guidance: true))))
write("2025-under2.docx", builder(plan2025(upTo(3, full), Style(guidance: true))))
write("2024-blank.docx", builder(plan2024(full, filled: 0), title: nil))
write("2024-foer.docx", builder(plan2024(full, filled: 1), title: nil))

// MARK: Fixtures made to trip the validator's warnings.

/// A table of labels over values (2025 layout) from (label, lines) pairs.
func table2025(_ pairs: [(String, [String])]) -> String {
    table([pairs.map { cell(label($0.0, Style())) }, pairs.map { cell(value($0.1, Style())) }], columns: pairs.count) + "<w:p/>"
}

func goalTables(_ g: GoalContent, signsCell: String? = nil) -> String {
    var x = table2025([("Mål & målgruppe", g.goal), ("Målsætning & politik", g.objective), ("Udfordring", g.challenge)])
    x += table([[cell(label("Tegn", Style())), cell(label("Prøvehandling", Style()))],
                [cell(signsCell ?? value(g.signs, Style())), cell(value(g.trialActions, Style()))]], columns: 2) + "<w:p/>"
    x += table2025([("Milepælsplan", g.milestones), ("Evaluering", g.evaluation), ("Læring", g.learning)])
    return x
}

do {
    // Stand-ins ("xx", "?"), an unknown label beside content, guidance partly kept above an answer,
    // milestones out of order and outside the year, an empty goal between filled ones, no case number.
    var g1 = GoalContent()
    g1.challenge = ["?"]
    g1.milestones = ["1. december 2025: Afslutning", "1. marts 2025: Opstart", "januar 2026: Opfølgning"]
    let edited = para("Hvilke tegn vil I anvende for at se, om I nærmer jer målet?", Style())
        + para("Tegn angiver, om der sker de forandringer hos målgruppen", Style())
        + para("Flere deltager i fællesspisning i beboerhuset", Style())
    let empty = GoalContent(goal: [], objective: [], challenge: [], signs: [], trialActions: [], milestones: [], evaluation: [], learning: [])
    var body = para("Målplan 2025", Style(), style: "Title")
    body += table2025([("Ejer (afdelingschef)", ["Lone Dahl Petersen"]), ("Tovholder", ["xx"]),
                       ("Bidragende arbejdspladser", ["Boligsocialt Team"]), ("Ressourcer", ["To medarbejdere i 2025"])])
    body += goalTables(g1, signsCell: edited)
    body += goalTables(empty)
    body += goalTables(secondGoal)
    var b = builder(body, title: "Tryghed med huller")
    b.headers = [.init(.default, #"<w:p><w:r><w:t xml:space="preserve">Husk at gemme og løbende opdatere målplanen på sag: </w:t></w:r></w:p>"#)]
    b.images = []
    write("2025-warnings.docx", b)

    // No "Målplan YYYY" anywhere: no year, so milestones without a year get no dates.
    var g2 = GoalContent()
    g2.milestones = ["uge 10: Opstart", "15. maj 2025: Evaluering"]
    var nb = builder(para("Målplan", Style(), style: "Title")
        + table2025([("Ejer", ["Lone Dahl Petersen"]), ("Tovholder", ["Omar Haddad"]), ("Bidragende arbejdspladser", ["SSP"])])
        + goalTables(g2), title: nil)
    nb.images = []
    write("2025-no-year.docx", nb)

    // A Word document that is not a plan at all.
    var np = DocxBuilder(body: para("Referat fra personalemødet", Style(), style: "Title")
        + para("Dagsorden: velkomst, budget og eventuelt.", Style())
        + table([[cell(para("Punkt", Style())), cell(para("Ansvarlig", Style()))],
                 [cell(para("Budget", Style())), cell(para("Økonomi", Style()))]], columns: 2))
    np.styles = styles
    write("not-a-plan.docx", np)
}

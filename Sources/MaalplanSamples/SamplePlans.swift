import DocxBuilder
import Foundation

/// Distinct, realistic målplaner in the 2025 layout, made with `DocxBuilder`: for the import
/// tests and the import benchmark (`make-plans N DIR`).
///
/// Plan `i` is always the same bytes (no timestamps), and no two indices give the same content:
/// the title, case number and goal carry the index. Phases vary with `i % 10`, so a folder
/// of them has plans at every phase: 0 → none filled, 1 → FØR, 2 → UNDER 1, 3 → UNDER 2,
/// anything else → EFTER (complete). Every seventh plan has two goals.
public enum SamplePlans {
    /// How far plan `i` is filled in: 0 (nothing), 1 FØR, 2 UNDER 1, 3 UNDER 2, 4 EFTER.
    public static func phasesFilled(_ i: Int) -> Int { min(i % 10, 4) }

    /// Goals in plan `i`.
    public static func goalCount(_ i: Int) -> Int { i % 7 == 6 ? 2 : 1 }

    /// The year plan `i` is for (2024 or 2025).
    public static func year(_ i: Int) -> Int { i % 3 == 0 ? 2024 : 2025 }

    /// The case number in plan `i`'s header, unique for every i below 10^6.
    public static func caseNumber(_ i: Int) -> String {
        String(format: "00.%02d.%02d-A00-%d-%02d", (i / 10_000) % 100, (i / 100) % 100, i % 100, year(i) % 100)
    }

    public static func title(_ i: Int) -> String { "\(topics[i % topics.count]) – indsats \(i + 1)" }

    /// The .docx bytes of plan `i`.
    public static func build(_ i: Int) throws -> [UInt8] { try builder(i).build() }

    /// Plan `i` with another title, or without its evaluations (milestones planned, not yet
    /// evaluated: what a plan looks like during the year), or filled only to `phases` (a draft).
    public static func build(_ i: Int, title other: String? = nil, evaluated: Bool = true, phases: Int? = nil) throws -> [UInt8] {
        try builder(i, title: other, evaluated: evaluated, phases: phases).build()
    }

    /// The department plan `i` belongs to, as the logo's description names it.
    public static func organisation(_ i: Int) -> [String] {
        ["Albertslund Kommune"] + departments[i % departments.count]
    }

    static let departments = [["Økonomi & Stab", "HR & Organisationsudvikling"], ["Børn & Skole", "Dagtilbud"],
                              ["Social & Sundhed", "Ældre & Pleje"], ["By & Miljø", "Vej & Park"],
                              ["Kultur & Fritid", "Bibliotekerne"], ["Social & Sundhed", "Jobcenter"],
                              ["Børn & Skole", "Skoler"]]

    /// Plan `i` in the 2024 layout: a sheet per phase (FØR, UNDER del 1 and 2, EFTER), each a
    /// heading over a table of labels beside their values.
    public static func build2024(_ i: Int) throws -> [UInt8] {
        let filled = phasesFilled(i)
        let owner = people[i % people.count], coordinator = people[(i * 5 + 3) % people.count]
        let wps = (0..<(2 + i % 3)).map { workplaces[(i + $0 * 3) % workplaces.count] }
        let t = goal(i, 0)
        func beside(_ rows: [(String, String)]) -> String {
            var x = #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>"#
            for (label, value) in rows { x += "<w:tr>" + cell(para(label)) + cell(value) + "</w:tr>" }
            return x + "</w:tbl><w:p/>"
        }
        func v(_ lines: [String], _ phase: Int, list: Bool = false) -> String { filled >= phase ? value(lines, list: list) : "" }
        var body = "<w:p>" + DocxBuilder.inlineImage(descr: organisation(i).joined(separator: ", ")) + "</w:p>"
        body += para("Målplan 2024", style: "Title")
        body += para(title(i), style: "Subtitle")
        body += para("FØR", style: "Heading1")
        body += beside([("Ejer", v([owner], 1)), ("Tovholder", v([coordinator], 1)), ("Bidragende arbejdspladser", v(wps, 1, list: true)),
                        ("Mål og målgruppe", v([t.goal], 1)), ("Målsætning og politik", v([t.objective], 1)), ("Udfordring", v([t.challenge], 1))])
        body += para("UNDER - udviklingsdage del 1", style: "Heading1")
        body += beside([("Mål", v([t.goal], 2)), ("Tegn", v(t.signs, 2, list: true))])
        body += para("UNDER – udviklingsdage del 2", style: "Heading1")
        body += beside([("Mål", v([t.goal], 3)), ("Prøvehandlinger", v(t.trialActions, 3, list: true))])
        body += para("EFTER", style: "Heading1")
        body += beside([("Prøvehandlinger", v(t.trialActions, 4, list: true)), ("Milepæle", v(t.milestones, 4, list: true)),
                        ("Evaluering", v([t.evaluation], 4)), ("Læring", v([t.learning], 4))])
        var b = DocxBuilder(body: body)
        b.styles = styles
        b.numbering = numbering
        b.images = [DocxBuilder.Image()]
        b.headers = [.init(.default, para("Husk at gemme og løbende opdatere målplanen på sag: \(caseNumber(i))"))]
        b.core = .init(title: title(i), creator: "maalplan make-plans", lastModifiedBy: owner,
                       created: "2023-11-28T09:30:00Z", modified: "2024-08-14T13:05:00Z")
        return try b.build()
    }

    /// Writes plan `i` to `path`.
    public static func write(_ i: Int, to path: String) throws { try builder(i).write(to: path) }

    static let topics = ["Tryghed i Hyldespjældet", "Fritidsjob til unge", "Ensomhed blandt ældre", "Grøn omstilling i dagtilbud",
                         "Sundhed på arbejdspladsen", "Læselyst i indskolingen", "Borgerinddragelse i byudvikling",
                         "Færre sygedage", "Digital hjælp til seniorer", "Bevægelse i hverdagen"]
    static let people = ["Lone Dahl Petersen", "Omar Haddad", "Mette Kjær", "Anders Holm", "Fatima Yilmaz", "Søren Bæk",
                         "Ida Østergaard", "Jens Møller", "Camilla Ravn", "Peter Ågesen", "Nadia Hussein", "Henrik Lund"]
    static let workplaces = ["Boligsocialt Team", "SSP", "Kultur- og Fritidsafdelingen", "Vej & Park", "Jobcenter Albertslund",
                             "Sundhedshuset", "Albertslund Bibliotek", "Børnehuset Solsikken", "Plejecenter Albertshøj",
                             "Ungdomsskolen"]
    static let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]

    struct GoalText {
        var goal, objective, challenge: String
        var signs, trialActions, milestones: [String]
        var evaluation, learning: String
    }

    static func goal(_ i: Int, _ g: Int) -> GoalText {
        let topic = topics[(i + g) % topics.count]
        let y = year(i)
        let n = 1 + (i + g) % 3
        return GoalText(
            goal: "\(topic): flere borgere oplever en forskel i løbet af \(y) (plan \(i + 1), mål \(g + 1)). Målgruppe: borgere i område \(i % 17 + 1).",
            objective: "Albertslund skal være en by, hvor alle kan deltage (politik nr. \(i % 9 + 1)).",
            challenge: "Hvordan når vi dem, der ikke selv søger hjælp, i indsats \(i + 1)?",
            signs: (0..<n).map { "Tegn \($0 + 1): andelen stiger fra \(40 + (i + $0) % 20) % til \(60 + (i + $0) % 30) % (plan \(i + 1))" },
            trialActions: (0..<(4 - n)).map { "Prøvehandling \($0 + 1): \(topic.lowercased()) – forsøg nr. \(i * 3 + $0 + 1)" },
            milestones: (0..<n + 1).map { k in
                let m = (i + k * 3) % 12
                return "\(k + 1). \(months[m]) \(y): milepæl \(k + 1) for indsats \(i + 1)"
            },
            evaluation: "Målingen i november \(y) viser \(50 + i % 40) % tilfredse i indsats \(i + 1).",
            learning: "Vi fortsætter med faste værter; læring nr. \(i + 1) deles med de andre arbejdspladser.")
    }

    static func esc(_ s: String) -> String { DocxBuilder.escape(s) }

    static func para(_ text: String, style: String? = nil, list: Bool = false) -> String {
        var ppr = ""
        if let style { ppr += #"<w:pStyle w:val="\#(style)"/>"# }
        if list { ppr += #"<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"# }
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>")
            + #"<w:r><w:rPr><w:lang w:val="da-DK"/></w:rPr><w:t xml:space="preserve">\#(esc(text))</w:t></w:r></w:p>"#
    }

    static func cell(_ inner: String) -> String {
        #"<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>\#(inner.isEmpty ? "<w:p/>" : inner)</w:tc>"#
    }

    static func table(_ labels: [String], _ values: [String]) -> String {
        var x = #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#
        x += String(repeating: #"<w:gridCol w:w="3000"/>"#, count: labels.count) + "</w:tblGrid>"
        x += "<w:tr>" + labels.map { cell(para($0)) }.joined() + "</w:tr>"
        x += "<w:tr>" + values.map(cell).joined() + "</w:tr>"
        return x + "</w:tbl><w:p/>"
    }

    static func value(_ lines: [String], list: Bool = false) -> String { lines.map { para($0, list: list) }.joined() }

    static func builder(_ i: Int, title other: String? = nil, evaluated: Bool = true, phases: Int? = nil) -> DocxBuilder {
        let filled = phases ?? phasesFilled(i)
        let owner = people[i % people.count], coordinator = people[(i * 5 + 3) % people.count]
        let wps = (0..<(2 + i % 3)).map { workplaces[(i + $0 * 3) % workplaces.count] }
        var body = "<w:p>" + DocxBuilder.inlineImage(descr: organisation(i).joined(separator: ", ")) + "</w:p>"
        body += para("Målplan \(year(i))", style: "Title")
        body += para(other ?? title(i), style: "Subtitle")
        body += table(["Ejer (afdelingschef)", "Tovholder", "Bidragende arbejdspladser"],
                      filled >= 1 ? [value([owner]), value([coordinator]), value(wps, list: true)] : ["", "", ""])
        for g in 0..<goalCount(i) {
            let t = goal(i, g)
            body += table(["Mål & målgruppe", "Målsætning & politik", "Udfordring"],
                          filled >= 1 ? [value([t.goal]), value([t.objective]), value([t.challenge])] : ["", "", ""])
            body += table(["Tegn", "Prøvehandling"],
                          [filled >= 2 ? value(t.signs, list: true) : "", filled >= 3 ? value(t.trialActions, list: true) : ""])
            body += table(["Milepælsplan", "Evaluering", "Læring"],
                          filled >= 4 ? [value(t.milestones, list: true), evaluated ? value([t.evaluation]) : "",
                                         evaluated ? value([t.learning]) : ""] : ["", "", ""])
        }
        var b = DocxBuilder(body: body)
        b.styles = styles
        b.numbering = numbering
        b.images = [DocxBuilder.Image()]
        b.headers = [.init(.default, para("Husk at gemme og løbende opdatere målplanen på sag: \(caseNumber(i))"))]
        b.core = .init(title: other ?? title(i), creator: "maalplan make-plans", lastModifiedBy: owner,
                       created: "\(year(i) - 1)-11-28T09:30:00Z", modified: "\(year(i))-08-14T13:05:00Z")
        return b
    }

    static let styles = """
    <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault></w:docDefaults>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
    """

    static let numbering = """
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    """
}

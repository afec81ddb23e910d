import DocxPackage
import MaalplanModel

/// Messages for users, Danish by default.
struct Messages {
    let language: MessageLanguage
    var da: Bool { language == .da }


    /// "»Tegn« for mål 2" / "»Signs« of goal 2".
    func name(_ path: String) -> String {
        let n = FieldLabels.name(ofPath: path, danish: da)
        if path.hasPrefix("goals["), let close = path.firstIndex(of: "]"),
           let i = Int(path[path.index(path.startIndex, offsetBy: 6)..<close]) {
            return da ? "»\(n)« for mål \(i + 1)" : "»\(n)« of goal \(i + 1)"
        }
        return "»\(n)«"
    }

    func phaseName(_ p: Phase) -> String { p.danishName }

    func missing(_ path: String, phase: Phase, labelPresent: Bool) -> String {
        if da {
            return "\(name(path)) mangler (\(phaseName(phase)))" + (labelPresent ? "" : "; feltet findes ikke i dokumentet")
        }
        return "\(name(path)) is missing (\(phaseName(phase)))" + (labelPresent ? "" : "; the field is not in the document")
    }

    func standIn(_ path: String) -> String {
        da ? "\(name(path)) ser udfyldt ud, men indeholder kun en pladsholder som »?«, »xx« eller »udfyldes«"
           : "\(name(path)) looks filled but holds only a stand-in like \"?\", \"xx\" or \"udfyldes\""
    }

    func guidanceOnly(_ path: String) -> String {
        da ? "\(name(path)) indeholder kun skabelonens vejledning, intet svar"
           : "\(name(path)) holds only the template's guidance, no answer"
    }

    func placeholderOnly(_ path: String) -> String {
        da ? "\(name(path)) indeholder kun pladsholdertekst (»Klik eller tryk her ...«)"
           : "\(name(path)) holds only placeholder text (\"Click or tap here ...\")"
    }

    func guidanceLeft(_ path: String) -> String {
        da ? "Skabelonens vejledning står stadig i \(name(path)); den er ikke læst som indhold"
           : "The template's guidance is still in \(name(path)); it was not read as content"
    }

    func outsideYear(_ text: String, year: Int) -> String {
        da ? "Milepælen »\(text)« ligger uden for planens år \(year)" : "The milestone \"\(text)\" lies outside the plan's year \(year)"
    }

    func outOfOrder(_ text: String) -> String {
        da ? "Milepælen »\(text)« ligger før milepælen over den" : "The milestone \"\(text)\" comes before the one above it"
    }

    var noCaseNumber: String {
        da ? "Intet sagsnummer (»... på sag: <nummer>« i sidehovedet)" : "No case number (\"... på sag: <number>\" in the header)"
    }

    var noYear: String {
        da ? "Intet år (overskriften »Målplan ÅÅÅÅ« mangler)" : "No year (the heading \"Målplan YYYY\" is missing)"
    }

    func short(_ s: String) -> String {
        let one = s.replacing("\n", with: " / ")
        return one.count > 80 ? String(one.prefix(77)) + "..." : one
    }

    func unrecognisedLabel(_ label: String, _ text: String) -> String {
        if text.isEmpty {
            return da ? "Feltet »\(label)« står uden for en tabel og blev ikke læst" : "The label \"\(label)\" stands outside a table and was not read"
        }
        return da ? "Ukendt felt »\(label)« med indhold: »\(short(text))« – det er ikke læst ind"
                  : "Unrecognised label \"\(label)\" with content: \"\(short(text))\" – it was not read"
    }

    func unplaced(_ text: String) -> String {
        da ? "Tekst uden felt: »\(short(text))« – den er ikke læst ind" : "Text outside any field: \"\(short(text))\" – it was not read"
    }

    func emptyGoal(_ i: Int) -> String {
        da ? "Mål \(i + 1) er tomt, mens mål efter det er udfyldt" : "Goal \(i + 1) is empty while goals after it are filled"
    }

    var notAMaalplan: String {
        da ? "Dokumentet har ingen målplan-felter (Ejer, Tovholder, Mål & målgruppe ...); er det en målplan?"
           : "The document has no målplan fields (Ejer, Tovholder, Mål & målgruppe ...); is it a plan?"
    }
}

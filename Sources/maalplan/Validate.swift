import ArgumentParser
import MaalplanCLI
import Glibc
import DocxPackage
import JSONOutput
import MaalplanModel
import MaalplanCore
import MaalplanValidation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: helpText(da: "Vis hvad der mangler i målplaner, fase for fase (FØR, UNDER 1, UNDER 2, EFTER).",
                           en: "Show what plans lack, phase by phase (FØR, UNDER 1, UNDER 2, EFTER)."),
        discussion: helpText(da: """
        Uden --phase: hver plans nåede fase, og hvad der mangler til den næste, som advarsler.
        Med --phase P: alt hvad der mangler til P eller en fase før, er en fejl.
        Afslutter med 0 når ingen plan har fejl, 1 når en plan har fejl, 2 når en fil ikke kunne læses
        (alle filer vises stadig).
        """, en: """
        Without --phase: each plan's phase reached, and what is missing for the next phase, as warnings.
        With --phase P: whatever is missing for P or a phase before it is an error.
        Exit status: 0 when no plan has an error, 1 when some plan has errors, 2 when some file could not be read
        (every file is still reported).
        """)
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum PhaseArgument: String, ExpressibleByArgument, CaseIterable {
        case foer, under1, under2, efter
        var phase: Phase {
            switch self {
            case .foer: return .FOER
            case .under1: return .UNDER1
            case .under2: return .UNDER2
            case .efter: return .EFTER
            }
        }
    }

    @Argument(help: help(da: "En eller flere målplaner.", en: "One or more plans."))
    var files: [String]

    @Option(name: .long, help: help(da: "Fasen planerne skal have nået: foer, under1, under2 eller efter.", en: "The phase the plans must have reached: foer, under1, under2 or efter."))
    var phase: PhaseArgument?

    @Option(name: .long, help: help(da: "Uddata: text (til terminalen) eller json.", en: "Output: text (for the terminal) or json."))
    var format: OutputFormat = .text

    @OptionGroup var labels: LabelsOption

    @OptionGroup var soffice: ConverterOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.language
        let rules = try labels.rules(lang)
        let converter = try soffice.converter(lang)
        var anyError = false
        var unreadable = false
        var plans: [JSON] = []
        let out = FileHandleOutput.stdout
        let colour = format == .text && out.isTerminal && getenv("NO_COLOR") == nil
        for file in files {
            do {
                let (plan, report) = try Pipeline.analyse(path: file, target: phase?.phase, language: lang, rules: rules, converter: converter)
                if report.findings.contains(where: { $0.severity == .error }) { anyError = true }
                switch format {
                case .json: plans.append(Self.json(plan, report))
                case .text: out.write(TextReport(language: lang, colour: colour).render(file: file, plan: plan, report: report))
                }
            } catch {
                unreadable = true
                reportFailure(file, error, lang)
                if format == .json {
                    plans.append(.object([
                        ("source", .object([("path", .string(file))])),
                        ("error", .object([("code", .string(error.code)), ("message", .string(error.message(lang)))])),
                    ]))
                } else {
                    out.write("\(file)\n  \(lang == .da ? "kan ikke læses" : "cannot be read"): \(error.message(lang))\n\n")
                }
            }
        }
        if format == .json { out.write(JSON.object([("plans", .array(plans))]).serialized()) }
        if unreadable { throw ExitCode(2) }
        if anyError { throw ExitCode(1) }
    }

    static func json(_ plan: Plan, _ report: ValidationReport) -> JSON {
        .object([
            ("source", plan.source?.json ?? .null),
            ("template", .string(plan.template.rawValue)),
            ("phaseReached", .string(report.phaseReached.rawValue)),
            ("phases", .object(Phase.allCases.map { ph in
                let st = report.phases[ph]!
                return (ph.rawValue, .object([("complete", .bool(st.complete)), ("missing", .strings(st.missing.map(\.description)))]))
            })),
            ("findings", .array(report.findings.map(\.json))),
        ])
    }
}

/// The validation report for a terminal: grouped by file, then phase, with locations.
struct TextReport {
    let language: MessageLanguage
    let colour: Bool
    var da: Bool { language == .da }

    func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func severity(_ s: Severity) -> String {
        let name = s.name(language).padding(toLength: 8)
        switch s {
        case .error: return paint(name, "31;1")
        case .warning: return paint(name, "33")
        case .info: return paint(name, "36")
        }
    }

    func line(_ f: Finding) -> String {
        var s = "    \(severity(f.severity))  \(f.message)"
        if let loc = f.location?.describe(language), !loc.isEmpty { s += "\n              " + paint("→ " + loc, "2") }
        s += "  " + paint("[\(f.code.rawValue)]", "2")
        return s + "\n"
    }

    func render(file: String, plan: Plan, report: ValidationReport) -> String {
        var s = paint(file, "1") + "\n"
        var meta: [String] = [plan.template.rawValue]
        if let y = plan.year { meta.append(String(y)) }
        if let c = plan.caseNumber { meta.append((da ? "sag " : "case ") + c) }
        if let t = plan.title { meta.append("»\(t)«") }
        s += "  " + meta.joined(separator: ", ") + "\n"
        s += "  " + (da ? "Nået: " : "Reached: ") + paint(report.phaseReached.name(language), "1") + "\n"
        for ph in Phase.allCases {
            let st = report.phases[ph]!
            let fs = report.findings.filter { $0.phase == ph }
            let status = st.complete ? (da ? "komplet" : "complete") : (da ? "mangler \(st.missing.count)" : "\(st.missing.count) missing")
            s += "  \(ph.name): \(status)\n"
            for f in fs { s += line(f) }
        }
        let other = report.findings.filter { $0.phase == nil }
        if !other.isEmpty {
            s += "  " + (da ? "Øvrigt:" : "Other:") + "\n"
            for f in other { s += line(f) }
        }
        return s + "\n"
    }
}

extension String {
    /// The text with spaces after it up to `length` characters.
    func padding(toLength length: Int) -> String { count >= length ? self : self + String(repeating: " ", count: length - count) }
}

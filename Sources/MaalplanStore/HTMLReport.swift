import Foundation
import MaalplanModel
import Mustache

/// `maalplan report --format html`: one self-contained page (no network: CSS, SVG and the
/// filter script inside), made from `StatusData` through a Mustache template, which escapes
/// every value it is given (`{{ }}`); the page's own markup is the template's, never a value's.
public enum HTMLReport {
    /// The page, as of `asOf` (yyyy-mm-dd).
    public static func render(_ data: StatusData, asOf: String, generated: String, lang: MessageLanguage) throws -> String {
        let template = try MustacheTemplate(string: HTMLTemplate.page)
        return template.render(context(data, asOf: asOf, generated: generated, lang: lang))
    }

    /// yyyy-mm-dd plus `days`.
    static func adding(_ days: Int, to iso: String) -> String {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        guard let d = f.date(from: iso) else { return iso }
        return f.string(from: d.addingTimeInterval(Double(days) * 86_400))
    }

    /// Day of the year, 0-based, and the year's length, of a yyyy-mm-dd date.
    static func dayOfYear(_ iso: String) -> (year: Int, day: Int, days: Int)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m) else { return nil }
        return (y, lengths.prefix(m - 1).reduce(0, +) + d - 1, leap ? 366 : 365)
    }

    static func anchor(_ id: Int64) -> String { "plan-\(id)" }

    static func context(_ data: StatusData, asOf: String, generated: String, lang: MessageLanguage) -> [String: Any] {
        let da = lang == .da
        let in30 = adding(30, to: asOf)
        let phases = PhaseReached.allCases
        func phaseName(_ p: PhaseReached) -> String { p.shortName(lang) }

        // Overview: plans by phase reached, as a chart and a table, and by year.
        var byPhase: [PhaseReached: Int] = [:]
        var byYear: [Int?: [PhaseReached: Int]] = [:]
        for s in data.plans {
            byPhase[s.plan.phaseReached, default: 0] += 1
            byYear[s.plan.year, default: [:]][s.plan.phaseReached, default: 0] += 1
        }
        let most = max(1, byPhase.values.max() ?? 1)
        let chartWidth = 600.0, barHeight = 28.0, labelWidth = 90.0
        let bars: [[String: Any]] = phases.enumerated().map { i, p in
            let n = byPhase[p] ?? 0
            let w = n == 0 ? 0 : max(2, (chartWidth - labelWidth - 60) * Double(n) / Double(most))
            return ["name": phaseName(p), "count": n, "y": fmt(Double(i) * (barHeight + 8)), "textY": fmt(Double(i) * (barHeight + 8) + 19),
                    "x": fmt(labelWidth), "width": fmt(w), "numberX": fmt(labelWidth + w + 8), "height": fmt(barHeight), "phase": p.rawValue]
        }
        let years: [[String: Any]] = byYear.keys.sorted { ($0 ?? 0) < ($1 ?? 0) }.map { y in
            ["year": y.map(String.init) ?? "–", "cells": phases.map { ["count": byYear[y]?[$0] ?? 0] },
             "total": byYear[y]?.values.reduce(0, +) ?? 0]
        }

        // Every plan as a row of the lists and as a section of its own.
        func row(_ s: PlanStatus) -> [String: Any] {
            let missing = s.missingText(lang)
            let search = [s.title, s.plan.caseNumber ?? "", s.plan.owner, s.plan.coordinator, s.plan.organisation.joined(separator: " ")]
                + s.paths
            return ["id": s.id, "anchor": anchor(s.id), "title": s.title, "caseNumber": s.plan.caseNumber ?? "–",
                    "owner": s.plan.owner.isEmpty ? "–" : s.plan.owner, "coordinator": s.plan.coordinator.isEmpty ? "–" : s.plan.coordinator,
                    "phase": phaseName(s.plan.phaseReached), "phaseCode": s.plan.phaseReached.rawValue, "missing": missing,
                    "search": search.joined(separator: " ").lowercased(), "ownerKey": s.plan.owner,
                    "firstPath": s.paths.first ?? "", "copies": max(0, s.paths.count - 1)]
        }
        let rows = data.plans.map(row)
        func grouped(_ key: (PlanStatus) -> String, none: String) -> [[String: Any]] {
            var groups: [String: [[String: Any]]] = [:]
            for (s, r) in zip(data.plans, rows) { groups[key(s).isEmpty ? none : key(s), default: []].append(r) }
            return groups.keys.sorted { Report.danishKey($0).lexicographicallyPrecedes(Report.danishKey($1)) }
                .map { ["name": $0, "plans": groups[$0]!, "count": groups[$0]!.count] }
        }
        let noOne = da ? "(ikke udfyldt)" : "(not filled in)"
        let owners = grouped({ $0.plan.owner }, none: noOne)
        let coordinators = grouped({ $0.plan.coordinator }, none: noOne)
        let organisations = grouped({ $0.plan.organisation.joined(separator: " › ") }, none: da ? "(ingen organisation i logoet)" : "(no organisation in the logo)")

        // Milestones: per plan a row on its year's axis; undated ones apart.
        var timelineRows: [Int: [[String: Any]]] = [:]
        var undated: [[String: Any]] = []
        var milestoneList: [[String: Any]] = []
        var overdue = 0, comingUp = 0
        let axisWidth = 720.0, axisLeft = 240.0, rowHeight = 22.0
        for s in data.plans {
            var marks: [Int: [[String: Any]]] = [:]
            for (gi, g) in s.plan.goals.enumerated() {
                for m in g.milestones {
                    guard let state = MilestoneState.of(m, goal: g, asOf: asOf, in30Days: in30),
                          let from = m.from, let to = m.to, let a = dayOfYear(from), let b = dayOfYear(to) else {
                        undated.append(["plan": s.title, "anchor": anchor(s.id), "goal": gi + 1, "text": m.text])
                        continue
                    }
                    if state == .overdue { overdue += 1 }
                    if state == .comingUp { comingUp += 1 }
                    let endDay = b.year > a.year ? a.days - 1 : b.day
                    let x = axisLeft + axisWidth * Double(a.day) / Double(a.days)
                    let w = max(3, axisWidth * Double(endDay - a.day + 1) / Double(a.days))
                    marks[a.year, default: []].append(["x": fmt(x), "width": fmt(w), "state": state.rawValue,
                                                       "label": "\(m.text) (\(from) – \(to)): \(state.word(lang))"])
                    milestoneList.append(["plan": s.title, "anchor": anchor(s.id), "goal": gi + 1, "text": m.text, "from": from, "to": to,
                                          "state": state.rawValue, "word": state.word(lang), "sort": from])
                }
            }
            for (year, list) in marks {
                timelineRows[year, default: []].append(["plan": s.title, "anchor": anchor(s.id), "marks": list,
                                                        "anyOverdue": list.contains { ($0["state"] as? String) == MilestoneState.overdue.rawValue }])
            }
        }
        milestoneList.sort { ($0["sort"] as! String) < ($1["sort"] as! String) }
        let monthNames = da ? ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
                            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let timelines: [[String: Any]] = timelineRows.keys.sorted().map { year in
            let list = timelineRows[year]!
            let height = Double(list.count) * rowHeight + 30
            let months: [[String: Any]] = (0..<12).map { m in
                let day = dayOfYear(String(format: "%04d-%02d-01", year, m + 1))!
                let x = axisLeft + axisWidth * Double(day.day) / Double(day.days)
                return ["x": fmt(x), "textX": fmt(x + 3), "name": monthNames[m], "height": fmt(height)]
            }
            var today: [String: Any]? = nil
            if let t = dayOfYear(asOf), t.year == year {
                today = ["x": fmt(axisLeft + axisWidth * Double(t.day) / Double(t.days)), "height": fmt(height)]
            }
            let rows: [[String: Any]] = list.enumerated().map { i, r in
                var r = r
                let y = 24 + Double(i) * rowHeight
                r["y"] = fmt(y)
                r["textY"] = fmt(y + 14)
                r["marks"] = (r["marks"] as! [[String: Any]]).map { m in var m = m; m["y"] = fmt(y + 3); m["symbolY"] = fmt(y + 15); return m }
                r["overdueMark"] = (r["anyOverdue"] as! Bool)
                return r
            }
            return ["year": year, "height": fmt(height), "width": fmt(axisLeft + axisWidth + 10), "months": months, "rows": rows,
                    "today": today as Any, "hasToday": today != nil]
        }

        // One section per plan.
        let fieldLabel = { (f: Field) in f.label(lang) }
        let sections: [[String: Any]] = zip(data.plans, rows).map { s, r in
            let p = s.plan
            var section = r
            section["template"] = p.template.rawValue
            section["year"] = p.year.map(String.init) ?? "–"
            section["organisation"] = p.organisation.isEmpty ? "–" : p.organisation.joined(separator: " › ")
            section["paths"] = s.paths.map { ["path": $0] }
            section["steps"] = Phase.allCases.map { ph -> [String: Any] in
                let reached: Bool = { if case .phase(let q) = p.phaseReached { return q >= ph }; return false }()
                let isNext = p.phaseReached.next == ph
                return ["name": ph.shortName, "reached": reached, "next": isNext,
                        "word": reached ? (da ? "✓ nået" : "✓ reached") : isNext ? (da ? "→ næste" : "→ next") : (da ? "○ ikke nået" : "○ not reached")]
            }
            func value(_ text: String) -> [String: Any] { ["text": text, "empty": text.isEmpty] }
            func list(_ items: [String]) -> [String: Any] { ["items": items.map { ["text": $0] }, "empty": items.isEmpty] }
            section["head"] = [
                ["label": fieldLabel(.owner)].merging(value(p.owner)) { a, _ in a },
                ["label": fieldLabel(.coordinator)].merging(value(p.coordinator)) { a, _ in a },
                ["label": fieldLabel(.contributingWorkplaces), "isList": true].merging(list(p.contributingWorkplaces)) { a, _ in a },
            ]
            section["goals"] = p.goals.enumerated().map { gi, g -> [String: Any] in
                let fields: [[String: Any]] = [
                    ["label": fieldLabel(.goal)].merging(value(g.goal)) { a, _ in a },
                    ["label": fieldLabel(.objective)].merging(value(g.objective)) { a, _ in a },
                    ["label": fieldLabel(.challenge)].merging(value(g.challenge)) { a, _ in a },
                    ["label": fieldLabel(.signs), "isList": true].merging(list(g.signs)) { a, _ in a },
                    ["label": fieldLabel(.trialActions), "isList": true].merging(list(g.trialActions)) { a, _ in a },
                    ["label": fieldLabel(.milestones), "isList": true].merging(list(g.milestones.map { m in
                        let state = MilestoneState.of(m, goal: g, asOf: asOf, in30Days: in30)
                        return m.text + (state.map { " — " + $0.word(lang) } ?? (m.from == nil ? (da ? " — uden dato" : " — undated") : ""))
                    })) { a, _ in a },
                    ["label": fieldLabel(.evaluation)].merging(value(g.evaluation)) { a, _ in a },
                    ["label": fieldLabel(.learning)].merging(value(g.learning)) { a, _ in a },
                ]
                return ["number": gi + 1, "fields": fields]
            }
            section["findings"] = p.findings.map { f -> [String: Any] in
                ["severity": f.severity.rawValue, "severityWord": f.severity.name(lang), "message": f.message,
                 "location": f.location?.describe(lang) ?? "", "hasLocation": f.location != nil]
            }
            section["hasFindings"] = !p.findings.isEmpty
            return section
        }

        let failures: [[String: Any]] = data.failures.map {
            ["path": $0.path, "reason": FailureRow.reasonName($0.reason, lang), "message": $0.message, "when": $0.failedAt]
        }
        let unread: [[String: Any]] = data.unread.map { ["path": $0.path, "kind": $0.kind] }

        let t: [String: String] = [
            "lang": lang.rawValue,
            "title": da ? "Status på målplaner" : "Status of the plans",
            "asOfLabel": da ? "Status pr." : "Status as of",
            "generatedLabel": da ? "Lavet" : "Made",
            "contents": da ? "Indhold" : "Contents",
            "overview": da ? "Overblik" : "Overview",
            "byPhase": da ? "Planer efter nået fase" : "Plans by phase reached",
            "chartLabel": da ? "Søjlediagram: antal planer efter nået fase" : "Bar chart: plans by phase reached",
            "phase": da ? "Fase nået" : "Phase reached",
            "count": da ? "Antal" : "Number",
            "byYear": da ? "Efter år" : "By year",
            "year": da ? "År" : "Year",
            "total": da ? "I alt" : "Total",
            "plans": da ? "planer" : "plans",
            "byOwner": da ? "Efter ejer (afdelingschef)" : "By owner (head of department)",
            "byCoordinator": da ? "Efter tovholder" : "By coordinator",
            "byOrganisation": da ? "Efter organisation" : "By organisation",
            "plan": da ? "Plan" : "Plan",
            "caseNumber": da ? "Sag" : "Case",
            "owner": da ? "Ejer" : "Owner",
            "coordinator": da ? "Tovholder" : "Coordinator",
            "missing": da ? "Mangler til næste fase" : "Missing for the next phase",
            "milestones": da ? "Milepæle" : "Milestones",
            "milestonesIntro": da ? "Hver plans daterede milepæle på årets akse. ⚠ overskredet: slutdatoen er passeret, og målet har ingen evaluering endnu. ◷ snart: inden for 30 dage."
                                  : "Every plan's dated milestones on the year's axis. ⚠ overdue: the end has passed and the goal has no evaluation yet. ◷ coming up: within 30 days.",
            "timelineLabel": da ? "Tidslinje over milepæle" : "Time line of milestones",
            "overdue": da ? "overskredne" : "overdue",
            "comingUp": da ? "snart" : "coming up",
            "milestone": da ? "Milepæl" : "Milestone",
            "from": da ? "Fra" : "From",
            "to": da ? "Til" : "To",
            "state": da ? "Status" : "State",
            "goal": da ? "Mål" : "Goal",
            "undated": da ? "Milepæle uden dato" : "Undated milestones",
            "plansHeading": da ? "Planerne" : "The plans",
            "file": da ? "Fil" : "File",
            "files": da ? "Filer" : "Files",
            "copies": da ? "kopier" : "copies",
            "template": da ? "Skabelon" : "Template",
            "organisation": da ? "Organisation" : "Organisation",
            "steps": da ? "Faser" : "Phases",
            "notFilled": da ? "ikke udfyldt" : "not filled in",
            "findings": da ? "Fund" : "Findings",
            "noFindings": da ? "Ingen fund." : "No findings.",
            "where": da ? "Hvor" : "Where",
            "severity": da ? "Art" : "Kind",
            "message": da ? "Besked" : "Message",
            "notRead": da ? "Hvad der ikke kunne læses" : "What could not be read",
            "failures": da ? "Filer der ikke kunne læses" : "Files that could not be read",
            "reason": da ? "Årsag" : "Reason",
            "noFailures": da ? "Ingen." : "None.",
            "unread": da ? "Filer der ligner planer, men ikke er Word-filer" : "Files that look like plans but are not Word files",
            "unreadAdvice": da ? "De er ikke læst. Find Word-originalen (.docx) og importér den." : "They were not read. Find the Word original (.docx) and import it.",
            "kind": da ? "Slags" : "Kind",
            "filter": da ? "Filtrér planerne" : "Filter the plans",
            "filterText": da ? "Tekst (titel, ejer, tovholder, sag, fil)" : "Text (title, owner, coordinator, case, file)",
            "allPhases": da ? "Alle faser" : "All phases",
            "allOwners": da ? "Alle ejere" : "All owners",
            "shown": da ? "planer vist" : "plans shown",
            "toTop": da ? "Til toppen" : "To the top",
        ]
        return [
            "t": t, "asOf": asOf, "generated": generated, "planCount": data.plans.count,
            "bars": bars, "chartHeight": fmt(Double(phases.count) * (barHeight + 8)), "chartWidth": fmt(chartWidth),
            "phases": phases.map { ["name": phaseName($0), "code": $0.rawValue, "count": byPhase[$0] ?? 0] },
            "years": years, "rows": rows, "owners": owners, "coordinators": coordinators, "organisations": organisations,
            "timelines": timelines, "hasTimelines": !timelines.isEmpty, "milestoneList": milestoneList,
            "overdueCount": overdue, "comingUpCount": comingUp,
            "undated": undated, "hasUndated": !undated.isEmpty, "sections": sections,
            "failures": failures, "hasFailures": !failures.isEmpty, "unread": unread, "hasUnread": !unread.isEmpty,
            "ownerNames": owners.map { ["name": $0["name"]!] },
        ]
    }

    /// A coordinate with at most one decimal.
    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

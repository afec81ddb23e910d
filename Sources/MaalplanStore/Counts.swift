import MaalplanModel

/// What a run did to files and plans, counted in one place: each batch adds its counts to the
/// run's, the run's row in `imports` holds them, and the summary shows them.
public struct ImportCounts: Equatable, Sendable {
    /// Word files found (and .doc/.dot/.rtf/.odt, which are tried and fail), plus unreadable folders.
    public var candidates = 0
    /// Files whose plan is now linked to their path: new plans, new paths, changed contents.
    public var imported = 0
    public var plansAdded = 0
    /// Paths seen for the first time.
    public var sourcesAdded = 0
    /// Known paths whose content changed.
    public var changed = 0
    public var unchanged = 0
    /// Files passed over (not counting folders).
    public var skipped = 0
    public var failed = 0
    /// Plans no path holds any more (their only path got other content, or became unreadable).
    public var plansRemoved = 0

    public init() {}

    static func += (a: inout ImportCounts, b: ImportCounts) {
        a.candidates += b.candidates; a.imported += b.imported; a.plansAdded += b.plansAdded
        a.sourcesAdded += b.sourcesAdded; a.changed += b.changed; a.unchanged += b.unchanged
        a.skipped += b.skipped; a.failed += b.failed; a.plansRemoved += b.plansRemoved
    }
}

/// What happened to one file in a run (`maalplan import --verbose`).
public enum FileOutcome: String, Sendable {
    /// A plan not seen before.
    case new
    /// Content some plan already has, at a new path: linked, not parsed.
    case copy
    /// A known path with other content now.
    case changed
    case unchanged
    case failed

    public func name(_ lang: MessageLanguage) -> String {
        switch self {
        case .new: return lang.pick(da: "ny", en: "new")
        case .copy: return lang.pick(da: "kopi af kendt plan", en: "copy of a known plan")
        case .changed: return lang.pick(da: "ændret", en: "changed")
        case .unchanged: return lang.pick(da: "uændret", en: "unchanged")
        case .failed: return lang.pick(da: "fejl", en: "failed")
        }
    }
}

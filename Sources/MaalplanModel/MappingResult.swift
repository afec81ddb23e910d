/// Where a field's value was found, and what was removed from it on the way.
public struct FieldTrace: Equatable, Sendable {
    /// The value cell (or the label's, when there is no value cell), with the label's text.
    public var location: Location
    /// The template's guidance text stood in the cell and was removed.
    public var hadGuidance = false
    /// A content control showing its placeholder, or a typed placeholder, stood in the cell.
    public var hadPlaceholder = false
    /// The line as written, when the items were split from one line ("A, B og C").
    public var splitFrom: String?

    public init(location: Location, hadGuidance: Bool = false, hadPlaceholder: Bool = false) {
        self.location = location; self.hadGuidance = hadGuidance; self.hadPlaceholder = hadPlaceholder
    }
}

/// Text the mapper met but could not place: it is reported, never dropped silently.
public struct UnplacedText: Equatable, Sendable {
    public var location: Location
    /// The label-like text, when it stood in a label position.
    public var label: String?
    public var text: String

    public init(location: Location, label: String?, text: String) {
        self.location = location; self.label = label; self.text = text
    }
}

/// Something the mapper did that a person should know of: a label it inferred, tables it read as
/// one, goal tables it did not read as a goal. The validator reports each as a finding.
public struct MappingNote: Equatable, Sendable {
    public var severity: Severity
    public var message: FindingMessage
    public var field: FieldPath?
    public var location: Location?

    public init(_ severity: Severity, _ message: FindingMessage, field: FieldPath? = nil, location: Location?) {
        self.severity = severity; self.message = message; self.field = field; self.location = location
    }
}

/// A plan as the mapper read it, with what validation needs to tell where things are: the
/// mapping's answer to the validator.
public struct MappingResult: Sendable {
    public var plan: Plan
    /// Where each field was found in the document.
    public var fields: [FieldPath: FieldTrace] = [:]
    public var unplaced: [UnplacedText] = []
    /// What the mapper read in an unusual way, in document order.
    public var notes: [MappingNote] = []
    /// How many labels were recognised.
    public var labelCount = 0
    /// Where the case number and year were looked for (the header, else the title).
    public var caseNumberLocation: Location?
    public var yearLocation: Location?

    public init(plan: Plan) { self.plan = plan }
}

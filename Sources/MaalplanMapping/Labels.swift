import MaalplanModel

/// What a label names: a field, or (`addsToField`) a second half of one that the template joins
/// in one label, "Målgruppe" of "Mål & målgruppe", "Politik" of "Målsætning & politik": its text
/// is added to the field's.
public struct Label: Hashable, Sendable {
    public var field: Field
    public var addsToField: Bool

    public init(_ field: Field, addsToField: Bool = false) {
        self.field = field
        self.addsToField = addsToField
    }
}

/// Small text helpers for the stages after the reader, without Foundation (which costs
/// every process milliseconds of start-up).
extension String {
    /// Unicode NFC. Text with no byte ≥ 0xCC has no combining mark (U+0300 and up) and no
    /// Hangul jamo, so it is already NFC and comes back as it is.
    public var nfc: String {
        for b in utf8 where b >= 0xCC { return String(decoding: _nfcCodeUnits, as: UTF8.self) }
        return self
    }

    /// Without leading and trailing white space (non-breaking spaces included).
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isBlank })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// White space, the non-breaking spaces included.
    public var isBlank: Bool {
        properties.isWhitespace || self == "\u{00A0}" || self == "\u{202F}" || self == "\u{FEFF}"
    }
}

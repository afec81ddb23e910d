import Glibc

/// The language of messages for users: Danish by default, English on request (`--lang en`,
/// `MAALPLAN_LANG=en`). Every message is written once, with both languages side by side:
/// `language.pick(da: "...", en: "...")`.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case da, en

    /// `MAALPLAN_LANG=en` switches the default; anything else is Danish.
    public static var fromEnvironment: MessageLanguage {
        if let v = getenv("MAALPLAN_LANG"), let lang = MessageLanguage(rawValue: String(cString: v)) {
            return lang
        }
        return .da
    }

    /// The text in this language.
    @inline(__always)
    public func pick(da: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        self == .da ? da() : en()
    }
}

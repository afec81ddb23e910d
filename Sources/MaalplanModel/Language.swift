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

extension MessageLanguage {
    /// The system's reason for an error number, in this language: the reasons people meet
    /// said in Danish, the rest as the C library says them.
    public func system(_ code: Int32) -> String {
        if self == .da {
            switch code {
            case ENOENT: return "findes ikke"
            case EACCES, EPERM: return "ingen adgang"
            case ENOSPC: return "der er ikke mere plads på disken"
            case EDQUOT: return "diskkvoten er brugt op"
            case EROFS: return "filsystemet er skrivebeskyttet"
            case ENAMETOOLONG: return "navnet er for langt"
            case EIO: return "I/O-fejl"
            case ENOTDIR: return "en del af stien er ikke en mappe"
            case EISDIR: return "stien er en mappe"
            case EEXIST: return "findes allerede"
            case EMFILE, ENFILE: return "for mange åbne filer"
            case ELOOP: return "for mange symbolske links"
            default: break
            }
        }
        return String(cString: strerror(code))
    }
}

import HashiContent
import HashiSupport

/// What a template reads: a page's context as plain typed values, so that each lookup is a
/// dictionary read and each value is written straight into the page's bytes.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text already in UTF-8 (a page's body), shown as a string is.
    case bytes([UInt8])
    case bool(Bool)
    /// A number, kept as the text it is shown as; true in a section.
    case scalar(String)
    /// Nothing: shown as nothing and false in a section, but it hides a name further up the stack.
    case null
    case list([TemplateValue])
    case object(TemplateObject)

    func child(_ name: String) -> TemplateValue? {
        child(TemplateObject.Name(name))
    }

    /// The member `name` of an object, by the hash worked out once for the template's tag.
    func child(_ name: TemplateObject.Name) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[name]
    }

    /// Whether a section over this value renders its content (once, or once an item for a list).
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .null: return false
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }

    /// The value as text; a list or an object has none.
    func append(to out: inout [UInt8]) {
        switch self {
        case .string(let text): out += text.utf8
        case .bytes(let bytes): out += bytes
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .scalar(let text): out += text.utf8
        case .null, .list, .object: break
        }
    }

    /// The value as text with `& < > " '` escaped (`HTMLEscaping`), byte by byte.
    func appendEscaped(to out: inout [UInt8]) {
        switch self {
        case .string(var text): text.withUTF8 { HTMLEscaping.append($0, to: &out) }
        case .bytes(let bytes): bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &out) }
        case .scalar(var text): text.withUTF8 { HTMLEscaping.append($0, to: &out) }
        default: append(to: &out)
        }
    }
}

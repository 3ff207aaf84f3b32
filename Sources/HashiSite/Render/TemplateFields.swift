import HashiContent
import HashiSupport

/// A typed part of what templates see. Its stored properties are the names a template can use:
/// the values reach the engine through `addMembers(to:)`, and the template checker reads the
/// names off a default value (`names`). The synthesized `Encodable` conformance, read by
/// `TemplateValueEncoder`, is the plain twin `addMembers(to:)` is tested against
/// (`TemplateContextTests`), so adding a name is a property and its line in `addMembers(to:)`.
protocol TemplateFields: Encodable, Sendable {
    /// A value with every property at its default, for reading the names.
    init()

    /// Each property under its own name, a nil one left out: what `TemplateValueEncoder` makes of
    /// the value, written straight into the page's context.
    func addMembers(to members: inout TemplateMembers)
}

extension TemplateFields {
    /// The names of this part, and of the items of its lists.
    static var names: Set<String> {
        var names: Set<String> = []
        for child in Mirror(reflecting: Self()).children {
            guard let label = child.label else { continue }
            names.insert(label)
            if let nested = child.value as? any NestedTemplateFields {
                names.formUnion(type(of: nested).nestedNames)
            }
        }
        return names
    }
}

/// A property that holds more fields (a list of items), whose names the checker knows too.
protocol NestedTemplateFields {
    static var nestedNames: Set<String> { get }
}

extension Array: NestedTemplateFields where Element: TemplateFields {
    static var nestedNames: Set<String> { Element.names }
}

extension Optional: NestedTemplateFields where Wrapped: TemplateFields {
    static var nestedNames: Set<String> { Wrapped.names }
}

/// A value already in the engine's form (the UI strings of a language, shared by every page).
extension TemplateValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        (encoder as? TemplateValueEncoder)?.result = self
    }
}

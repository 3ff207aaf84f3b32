import HashiContent
import HashiSupport

/// A typed part of what templates see. Its stored properties are the names a template can use:
/// the values reach the engine through `Encodable` (`TemplateValueEncoder`), and the template
/// checker reads the names off a default value (`names`), so adding a name is one property.
protocol TemplateFields: Encodable, Sendable {
    /// A value with every property at its default, for reading the names.
    init()
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

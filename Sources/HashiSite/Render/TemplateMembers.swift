import HashiContent
import HashiSupport

/// The members of a context object, written one name at a time by each `TemplateFields` part
/// (`addMembers(to:)`): what `TemplateValueEncoder` makes of the same parts through `Encodable`,
/// without its generic calls, which were most of the cost of a page's context.
struct TemplateMembers {
    private(set) var values: TemplateObject

    init(capacity: Int) {
        values = TemplateObject(minimumCapacity: capacity)
    }

    /// The members of every part in one object; a later part's name wins.
    static func object(_ parts: [any TemplateFields], capacity: Int = 56) -> TemplateValue {
        var members = TemplateMembers(capacity: capacity)
        for part in parts { part.addMembers(to: &members) }
        return .object(members.values)
    }

    /// Every member of `other`, as its part would write them (`SiteMembers`).
    mutating func merge(_ other: TemplateObject) { values.merge(other) }

    mutating func set(_ name: String, _ value: consuming TemplateValue) { values.set(value, for: TemplateObject.Name(name)) }
    mutating func set(_ name: String, _ value: String) { set(name, .string(value)) }
    mutating func set(_ name: String, _ value: Bool) { set(name, .bool(value)) }
    mutating func set(_ name: String, _ value: Int) { set(name, .scalar(Self.text(of: value))) }

    /// `String(value)`, a number under ten (a heading's level) from a table without the generic call.
    private static let digits = (0...9).map { String($0) }
    private static func text(of value: Int) -> String { (0...9).contains(value) ? digits[value] : String(value) }
    mutating func set(_ name: String, _ value: [String]) { set(name, .list(value.map { .string($0) })) }
    mutating func set(_ name: String, _ items: [some TemplateFields]) { set(name, .list(items.map(\.templateValue))) }

    /// A nil value leaves its name out, as `Encodable` does, so a section over it is skipped.
    mutating func set(_ name: String, _ value: String?) {
        if let value { set(name, .string(value)) }
    }

    mutating func set(_ name: String, _ value: TemplateValue?) {
        if let value { set(name, value) }
    }
}

extension TemplateFields {
    /// This part alone, as the engine reads it (an item of a list).
    var templateValue: TemplateValue {
        var members = TemplateMembers(capacity: 8)
        addMembers(to: &members)
        return .object(members.values)
    }
}

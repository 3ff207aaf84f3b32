import HashiContent
import HashiSupport

/// The members of a context object, written one name at a time by each `TemplateFields` part
/// (`addMembers(to:)`): what `TemplateValueEncoder` makes of the same parts through `Encodable`,
/// without its generic calls, which were most of the cost of a page's context.
struct TemplateMembers {
    private(set) var values: [String: TemplateValue]

    init(capacity: Int) {
        values = Dictionary(minimumCapacity: capacity)
    }

    /// The members of every part in one object; a later part's name wins.
    static func object(_ parts: [any TemplateFields], capacity: Int = 56) -> TemplateValue {
        var members = TemplateMembers(capacity: capacity)
        for part in parts { part.addMembers(to: &members) }
        return .object(members.values)
    }

    mutating func set(_ name: String, _ value: TemplateValue) { values[name] = value }
    mutating func set(_ name: String, _ value: String) { values[name] = .string(value) }
    mutating func set(_ name: String, _ value: Bool) { values[name] = .bool(value) }
    mutating func set(_ name: String, _ value: Int) { values[name] = .scalar(String(value)) }
    mutating func set(_ name: String, _ value: [String]) { values[name] = .list(value.map { .string($0) }) }
    mutating func set(_ name: String, _ items: [some TemplateFields]) { values[name] = .list(items.map(\.templateValue)) }

    /// A nil value leaves its name out, as `Encodable` does, so a section over it is skipped.
    mutating func set(_ name: String, _ value: String?) {
        if let value { values[name] = .string(value) }
    }

    mutating func set(_ name: String, _ value: TemplateValue?) {
        if let value { values[name] = value }
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

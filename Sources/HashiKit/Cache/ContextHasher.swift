/// Hashes a template context the same way in every run: keys in order, each value tagged by its
/// type. Two pages with the same context hash render to the same bytes with the same templates.
///
/// The UI strings (`t`) are left out: they come from the theme's `i18n/` files, which the template
/// key already covers, and the language, which the context names; hashing them on every page was
/// a third of the cost.
enum ContextHasher {
    static func combine(_ value: Any, into hasher: inout StableHasher) {
        switch value {
        case let text as String:
            hasher.combine(1)
            hasher.combine(text)
        case let flag as Bool:
            hasher.combine(2)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(3)
            hasher.combine(number)
        case let members as [String: Any]:
            hasher.combine(5)
            hasher.combine(members.count)
            for key in members.keys.sorted() where key != "t" {
                hasher.combine(key)
                combine(members[key]!, into: &hasher)
            }
        case let items as [[String: Any]]:
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case let items as [Any]:
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        default:
            hasher.combine(7)
            hasher.combine(String(reflecting: value))
        }
    }
}

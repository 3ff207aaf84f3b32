/// Hashes a template context the same way in every run: keys in order, each value tagged by its
/// type. Two pages with the same context hash render to the same bytes with the same templates.
///
/// Members named `skipping` are left out at every depth: the caller names values that another
/// part of its key already covers.
enum ContextHasher {
    static func combine(_ value: Any, into hasher: inout StableHasher, skipping skipped: String? = nil) {
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
            for key in members.keys.sorted() where key != skipped {
                hasher.combine(key)
                combine(members[key]!, into: &hasher, skipping: skipped)
            }
        // Lists of the types contexts hold are cast as they are, before `[Any]`, which boxes each element.
        case let items as [[String: Any]]:
            combine(list: items, into: &hasher, skipping: skipped)
        case let items as [String]:
            combine(list: items, into: &hasher, skipping: skipped)
        case let items as [Any]:
            combine(list: items, into: &hasher, skipping: skipped)
        case let table as UIStringTable:
            // The strings are in the template key; asked after the collections, whose casts cost less.
            hasher.combine(8)
            hasher.combine(table.language)
        default:
            hasher.combine(7)
            hasher.combine(String(reflecting: value))
        }
    }

    private static func combine<Items: Collection>(list items: Items, into hasher: inout StableHasher, skipping skipped: String?) {
        hasher.combine(6)
        hasher.combine(items.count)
        for item in items { combine(item, into: &hasher, skipping: skipped) }
    }
}

extension TemplateValue {
    /// Feeds the value to `hasher` for a page key, as `ContextHasher` does for the dictionary it
    /// was made from; members named `skipped` are left out, at every depth.
    func combine(into hasher: inout StableHasher, skipping skipped: String) {
        switch self {
        case .string(let text):
            hasher.combine(1)
            hasher.combine(text)
        case .bytes(let bytes):
            hasher.combine(1)
            hasher.combine(String(decoding: bytes, as: UTF8.self))
        case .bool(let flag):
            hasher.combine(2)
            hasher.combine(flag)
        case .scalar(let text):
            hasher.combine(3)
            hasher.combine(text)
        case .object(let members, _):
            hasher.combine(5)
            hasher.combine(members.count)
            for key in members.keys.sorted() where key != skipped {
                hasher.combine(key)
                members[key]!.combine(into: &hasher, skipping: skipped)
            }
        case .list(let items, _):
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { item.combine(into: &hasher, skipping: skipped) }
        }
    }
}

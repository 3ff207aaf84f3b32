import HashiContent
import HashiSupport

extension TemplateValue {
    /// Feeds a page's context to `hasher` the same way in every run, for the page's key: keys in
    /// order, each value tagged by its type. Two pages with the same context render to the same
    /// bytes with the same templates.
    ///
    /// Members named `skipped` are left out at every depth: the caller names values that another
    /// part of its key already covers.
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
        case .null:
            hasher.combine(4)
        case .object(let members):
            hasher.combine(5)
            hasher.combine(members.count)
            for (key, value) in members.sorted(by: { $0.key < $1.key }) where key != skipped {
                hasher.combine(key)
                value.combine(into: &hasher, skipping: skipped)
            }
        case .list(let items):
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { item.combine(into: &hasher, skipping: skipped) }
        }
    }
}

import HashiContent
import HashiSupport

/// The members of a template object (a page's context, an item of a list, a language's UI
/// strings): each name once, with its value. The fast path of `[String: TemplateValue]`, made for
/// the engine's two jobs, a context written name by name for every page and each `{{name}}` read
/// from it: a name is found by a plain hash of its bytes, worked out once for a name of a
/// template (`Name`), where `Dictionary` hashes the whole `String` with its seeded hasher at every
/// read and write. A small object is searched in order; a larger one keeps a table of slots.
/// `TemplateObjectTests` holds it against a dictionary on random names.
struct TemplateObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// A name and its hash, worked out once (a template's tag).
    struct Name: Sendable {
        let text: String
        let hash: UInt64

        init(_ text: String) {
            self.init(text: text, hash: Self.hash(text))
        }

        fileprivate init(text: String, hash: UInt64) {
            self.text = text
            self.hash = hash
        }

        static func hash(_ text: String) -> UInt64 { StableHasher.hash(text) }
    }

    private struct Entry: Sendable {
        let hash: UInt64
        let name: String
        var value: TemplateValue
    }

    /// Up to this many members, an object is searched in order.
    private static let linearCount = 12
    /// In the order they were first set.
    private var entries: [Entry] = []
    /// Empty while the object is small; then a power of two, at least twice the members: open
    /// addressing by hash, each slot the index of its entry plus one, or 0.
    private var slots: [Int32] = []

    init(minimumCapacity: Int = 0) {
        entries.reserveCapacity(minimumCapacity)
        if minimumCapacity > Self.linearCount { slots = Array(repeating: 0, count: Self.slotCount(for: minimumCapacity)) }
    }

    init(_ members: [String: TemplateValue]) {
        self.init(minimumCapacity: members.count)
        for (name, value) in members { self[name] = value }
    }

    init(dictionaryLiteral members: (String, TemplateValue)...) {
        self.init(minimumCapacity: members.count)
        for (name, value) in members { self[name] = value }
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    /// The names, in the order they were first set.
    var keys: [String] { entries.map(\.name) }

    subscript(name: Name) -> TemplateValue? {
        index(of: name.text, hash: name.hash).map { entries[$0].value }
    }

    /// A value set to nil is left as it was: members are only added and replaced.
    subscript(name: String) -> TemplateValue? {
        get { self[Name(name)] }
        set { if let newValue { set(newValue, for: Name(name)) } }
    }

    /// Sets `name` to `value`: a name set before keeps its place and takes the new value.
    mutating func set(_ value: consuming TemplateValue, for name: Name) {
        if let index = index(of: name.text, hash: name.hash) {
            entries[index].value = value
            return
        }
        entries.append(Entry(hash: name.hash, name: name.text, value: value))
        if entries.count * 2 > slots.count {
            if entries.count > Self.linearCount { rebuildSlots() }
        } else {
            insertSlot(of: entries.count - 1)
        }
    }

    /// Sets each member of `other` as `set(_:for:)` does, with the hashes it has already.
    mutating func merge(_ other: TemplateObject) {
        for entry in other.entries { set(entry.value, for: Name(text: entry.name, hash: entry.hash)) }
    }

    private func index(of text: String, hash: UInt64) -> Int? {
        guard !slots.isEmpty else {
            return entries.withUnsafeBufferPointer { entries in
                entries.firstIndex { $0.hash == hash && $0.name == text }
            }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash && entries[index].name == text { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func slotCount(for count: Int) -> Int {
        var slots = 32
        while slots < count * 4 { slots *= 2 }
        return slots
    }

    private mutating func rebuildSlots() {
        slots = Array(repeating: 0, count: Self.slotCount(for: entries.count))
        for index in entries.indices { insertSlot(of: index) }
    }

    private mutating func insertSlot(of index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// The same names with the same values, in any order, as two dictionaries are equal.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { entry in
            rhs.index(of: entry.name, hash: entry.hash).map { rhs.entries[$0].value == entry.value } ?? false
        }
    }

    /// The members as a dictionary, the plain form.
    var dictionary: [String: TemplateValue] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.value) })
    }

    func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        entries.lazy.map { (key: $0.name, value: $0.value) }.makeIterator()
    }
}

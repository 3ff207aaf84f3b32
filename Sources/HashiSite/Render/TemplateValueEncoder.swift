import HashiContent
import HashiSupport

/// Turns typed context parts into one `TemplateValue` through their synthesized `Encodable`
/// conformances, which name each property once and leave a missing optional out: the plain twin
/// of `TemplateFields.addMembers(to:)`, which builds the pages' contexts and is tested against
/// this. Made for those synthesized conformances, which write plain values only: nested
/// containers are not supported.
final class TemplateValueEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded: a value, or the members and items gathered below.
    var result: TemplateValue = .null
    fileprivate var members: [String: TemplateValue]?
    fileprivate var items: [TemplateValue]?

    /// The members of every part in one object; a later part's name wins.
    static func object(_ parts: [any Encodable]) -> TemplateValue {
        let encoder = TemplateValueEncoder()
        encoder.members = [:]
        encoder.members!.reserveCapacity(48)
        for part in parts { try? part.encode(to: encoder) }
        return .object(TemplateObject(encoder.members!))
    }

    static func value<Value: Encodable>(_ value: Value) -> TemplateValue {
        let encoder = TemplateValueEncoder()
        try? value.encode(to: encoder)
        if let members = encoder.members { return .object(TemplateObject(members)) }
        if let items = encoder.items { return .list(items) }
        return encoder.result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Room for the few members of an item of a list (a TOC entry, a child page) at once: grown
        // one by one, a dictionary was made three times over.
        if members == nil { members = Dictionary(minimumCapacity: 6) }
        return KeyedEncodingContainer(Members(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if items == nil { items = [] }
        return Items(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    fileprivate static func scalar(_ value: some BinaryInteger) -> TemplateValue { .scalar(String(value)) }

    private struct Members<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }

        private func set(_ value: TemplateValue, _ key: Key) { encoder.members![key.stringValue] = value }

        mutating func encodeNil(forKey key: Key) { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) { set(TemplateValueEncoder.scalar(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) { set(.scalar(String(describing: value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(TemplateValueEncoder.value(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("template contexts encode nested values as values")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("template contexts encode nested values as values")
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }

    private struct Items: UnkeyedEncodingContainer {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.items!.count }

        mutating func encodeNil() { encoder.items!.append(.null) }
        mutating func encode(_ value: Bool) { encoder.items!.append(.bool(value)) }
        mutating func encode(_ value: String) { encoder.items!.append(.string(value)) }
        mutating func encode(_ value: Int) { encoder.items!.append(TemplateValueEncoder.scalar(value)) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.items!.append(TemplateValueEncoder.value(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("template contexts encode nested values as values")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("template contexts encode nested values as values")
        }
        mutating func superEncoder() -> any Encoder { encoder }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: TemplateValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.result = .null }
        mutating func encode(_ value: Bool) { encoder.result = .bool(value) }
        mutating func encode(_ value: String) { encoder.result = .string(value) }
        mutating func encode(_ value: Int) { encoder.result = TemplateValueEncoder.scalar(value) }
        mutating func encode(_ value: Double) { encoder.result = .scalar(String(describing: value)) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.result = TemplateValueEncoder.value(value) }
    }
}

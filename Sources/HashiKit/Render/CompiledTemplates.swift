/// The theme's Mustache templates compiled to trees that render straight into bytes.
///
/// swift-mustache parses every template first: its errors are the diagnostics, and it renders what
/// this compiler leaves alone (transforms, dynamic partials, set delimiters, pragmas, and the rare
/// text where its grapheme-based reading and this byte-based one could differ). For the rest the
/// output is swift-mustache's byte for byte, including its handling of standalone lines and of
/// indented partials; `CompiledTemplateTests` compares the two. The point is speed: swift-mustache
/// looks up every name through dynamic casts of `Any` and builds each page from many small strings.
struct CompiledTemplates: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        /// `{{>name}}` (`overrides` nil) or `{{<name}}…{{/name}}`; `indentation` is set when the tag
        /// stands alone, and always for `{{<name}}`, as swift-mustache does.
        case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` outside a `{{<parent}}`: a block a child template may replace.
        case block(String, defaults: [Node], indentation: [UInt8])
        /// `{{$name}}…{{/name}}` inside a `{{<parent}}`: the child's replacement; only collected.
        case override(String, [Node])
    }

    /// How a tag names its value: `.` (the current value), `.a.b` (from the current value only),
    /// or `a.b` (the first value up the stack that has `a`).
    enum Path: Sendable {
        case current
        case fromCurrent([String])
        case fromStack([String])

        init(_ name: String) {
            let names = name.split(separator: ".").map(String.init)
            if name == "." || names.isEmpty {
                self = .current
            } else if name.hasPrefix(".") {
                self = .fromCurrent(names)
            } else {
                self = .fromStack(names)
            }
        }
    }

    private let templates: [String: [Node]]

    /// nil when one of the templates uses something only swift-mustache renders.
    init?(sources: [String: String]) {
        var templates: [String: [Node]] = [:]
        for (name, source) in sources {
            var parser = TemplateParser(source)
            guard Self.isPlain(source), let nodes = try? parser.parseAll() else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
    }

    /// The template `name` filled from `context`, or nil when there is no such template.
    func render(_ name: String, context: TemplateValue) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        render(nodes, RenderState(stack: [context], indentation: nil, overrides: nil), into: &out)
        return out
    }

    /// Text read the same byte by byte as character by character: no lone carriage return, no
    /// other line separator, and no mark or format character that would join the character
    /// before it (a `{` or a newline) into one grapheme.
    static func isPlain(_ source: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in source.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return false
            default: break
            }
            if previous == "\r" && scalar != "\n" { return false }
            if !scalar.isASCII {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .format: return false
                default: break
                }
            }
            previous = scalar
        }
        return previous != "\r"
    }

    private struct RenderState {
        var stack: [TemplateValue]
        var indentation: [UInt8]?
        var overrides: [String: [Node]]?

        func pushing(_ value: TemplateValue) -> Self {
            var state = self
            state.stack.append(value)
            return state
        }
    }

    private func render(_ nodes: [Node], _ state: RenderState, into out: inout [UInt8]) {
        guard let indentation = state.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, state, into: &out) }
            return
        }
        // As swift-mustache does: a node's output that starts a line of this template's output
        // gets the indentation first.
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, state, into: &out)
            if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n"),
               before - 1 == start || out[before - 2] != UInt8(ascii: "\r") {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private func render(_ node: Node, _ state: RenderState, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out += bytes
        case let .variable(path, escaped):
            guard let value = Self.lookUp(path, in: state.stack) else { return }
            if escaped {
                value.appendEscaped(to: &out)
            } else {
                value.append(to: &out)
            }
        case let .section(path, nodes, inverted):
            let value = Self.lookUp(path, in: state.stack)
            switch value {
            case nil:
                if inverted { render(nodes, state, into: &out) }
            case .bool(let flag)?:
                if flag != inverted { render(nodes, state, into: &out) }
            case .list(let items, _)?:
                if inverted {
                    if items.isEmpty { render(nodes, state.pushing(value!), into: &out) }
                } else {
                    for item in items { render(nodes, state.pushing(item), into: &out) }
                }
            case let value?:
                if !inverted { render(nodes, state.pushing(value), into: &out) }
            }
        case let .partial(name, indentation, overrides):
            guard let nodes = templates[name] else { return }
            var inner = state
            if let indentation { inner.indentation = (state.indentation ?? []) + indentation }
            if let overrides {
                // An override of an outer template wins over one of the template it extends.
                inner.overrides = state.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(nodes, inner, into: &out)
        case let .block(name, defaults, indentation):
            var inner = state
            inner.indentation = (state.indentation ?? []) + indentation
            render(state.overrides?[name] ?? defaults, inner, into: &out)
        case .override:
            break
        }
    }

    private static func lookUp(_ path: Path, in stack: [TemplateValue]) -> TemplateValue? {
        switch path {
        case .current:
            return stack.last
        case .fromCurrent(let names):
            return lookUp(names.dropFirst(), from: stack.last?.child(names[0]))
        case .fromStack(let names):
            for value in stack.reversed() {
                if let child = value.child(names[0]) { return lookUp(names.dropFirst(), from: child) }
            }
            return nil
        }
    }

    private static func lookUp(_ names: ArraySlice<String>, from value: TemplateValue?) -> TemplateValue? {
        var value = value
        for name in names {
            value = value?.child(name)
        }
        return value
    }
}

/// A template context with its types known, made once per page from the `[String: Any]` the page
/// context builds, so that each lookup is a dictionary read instead of a chain of casts.
/// (`original` holds only the immutable values it was made from, hence the unchecked `Sendable`.)
enum TemplateValue: @unchecked Sendable {
    case string(String)
    /// Text already in UTF-8 (a page's body), shown as a string is.
    case bytes([UInt8])
    case bool(Bool)
    /// A number (or a missing optional, "nil"): shown as its description, true in a section.
    case scalar(String)
    case list([TemplateValue], original: Any)
    case object([String: TemplateValue], original: Any)

    /// nil for a value swift-mustache would read by reflection (a struct, a class).
    init?(_ value: Any) {
        // Exact types first: a cast to the type a value already has is cheap, while a cast that has
        // to convert (a list of dictionaries to `[Any]`) boxes every element anew.
        switch value {
        case let text as String:
            self = .string(text)
        case let flag as Bool:
            self = .bool(flag)
        case let number as Int:
            self = .scalar(String(number))
        case let members as [String: Any]:
            var converted: [String: TemplateValue] = [:]
            converted.reserveCapacity(members.count)
            for (key, member) in members {
                guard let value = TemplateValue(member) else { return nil }
                converted[key] = value
            }
            self = .object(converted, original: value)
        case let items as [[String: Any]]:
            guard let converted = Self.list(items) else { return nil }
            self = .list(converted, original: value)
        case let items as [String]:
            self = .list(items.map { .string($0) }, original: value)
        case let items as [Any]:
            guard let converted = Self.list(items) else { return nil }
            self = .list(converted, original: value)
        case let number as Double:
            self = .scalar(String(describing: number))
        case let table as UIStringTable:
            self = table.value
        case let optional as OptionalValue:
            // swift-mustache shows a missing optional as "nil" and enters a section over it.
            guard let wrapped = optional.wrapped else {
                self = .scalar("nil")
                return
            }
            guard let value = TemplateValue(wrapped) else { return nil }
            self = value
        default:
            return nil
        }
    }

    private static func list<Items: Collection>(_ items: Items) -> [TemplateValue]? {
        var converted: [TemplateValue] = []
        converted.reserveCapacity(items.count)
        for item in items {
            guard let value = TemplateValue(item) else { return nil }
            converted.append(value)
        }
        return converted
    }

    func child(_ name: String) -> TemplateValue? {
        guard case .object(let members, _) = self else { return nil }
        return members[name]
    }

    func append(to out: inout [UInt8]) {
        switch self {
        case .string(let text): out += text.utf8
        case .bytes(let bytes): out += bytes
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .scalar(let text): out += text.utf8
        case .list(_, let original), .object(_, let original): out += String(describing: original).utf8
        }
    }

    /// `< > & " '` as swift-mustache escapes them (but byte by byte: it leaves a `<` that a
    /// combining mark joins into one character, this escapes it too).
    func appendEscaped(to out: inout [UInt8]) {
        if case .bytes(let bytes) = self { return HTMLEscaping.append(bytes, to: &out) }
        guard case .string(var text) = self else {
            var plain: [UInt8] = []
            append(to: &plain)
            return HTMLEscaping.append(plain, to: &out)
        }
        text.withUTF8 { HTMLEscaping.append($0, to: &out) }
    }
}

private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { map { $0 as Any } }
}

/// Reads Mustache source the way swift-mustache's parser does, line by line, so that whitespace
/// around standalone tags is kept or dropped exactly as it would be. Throws `Unsupported` for
/// anything left to swift-mustache.
private struct TemplateParser {
    struct Unsupported: Error {}

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        /// The indentation of the first line inside a `{{$block}}` of a `{{<parent}}`, taken off the lines after it.
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheriting(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    mutating func parseAll() throws(Unsupported) -> [CompiledTemplates.Node] {
        try parse(State())
    }

    private var atEnd: Bool { position >= bytes.count }

    private func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// The length of the line break at `offset` ("\n" or "\r\n"), or 0.
    private func lineBreak(at offset: Int) -> Int {
        switch byte(at: offset) {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r") where byte(at: offset + 1) == UInt8(ascii: "\n"): return 2
        default: return 0
        }
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while let byte = byte(at: position), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
        return bytes[start..<position]
    }

    private mutating func parse(_ initial: State) throws(Unsupported) -> [CompiledTemplates.Node] {
        var nodes: [CompiledTemplates.Node] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(whitespaceBefore))
                whitespaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whitespace = readSpacesAndTabs()
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = Array(whitespace)
                }
            }
            let text = readTextBeforeTag()
            let newline = lineBreak(at: position)
            if newline > 0 {
                nodes.append(.text(whitespaceBefore + text + bytes[position..<(position + newline)]))
                position += newline
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            let kind = bytes[position]
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName()
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushWhitespace()
                }
                let inner = try parse(state.section(name, newLine: standalone))
                nodes.append(.section(.init(name), inner, inverted: kind == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName()
                guard name == state.sectionName else { throw Unsupported() }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find("}}") else { throw Unsupported() }
                position = end + 2
                standalone = isStandalone(state)
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let name = try readName()
                guard byte(at: position) == UInt8(ascii: "}") else { throw Unsupported() }
                position += 1
                nodes.append(.variable(.init(name), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                nodes.append(.variable(.init(try readName()), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                guard byte(at: position) != UInt8(ascii: "*") else { throw Unsupported() }
                let name = try readName(partial: true)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: whitespaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = []
            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try readName(partial: true)
                guard !name.hasPrefix("*") else { throw Unsupported() }
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                standalone = isStandalone(state)
                var overrides: [String: [CompiledTemplates.Node]] = [:]
                for node in try parse(state.inheriting(name)) {
                    switch node {
                    case let .override(block, nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName()
                if state.isPartialDefinitionTopLevel {
                    standalone = isStandalone(state)
                    nodes.append(.override(name, try parse(state.section(name, newLine: standalone))))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    standalone = isStandalone(state)
                    let defaults = try parse(state.section(name, newLine: standalone))
                    nodes.append(.block(name, defaults: defaults, indentation: whitespaceBefore))
                    whitespaceBefore = []
                }
            case UInt8(ascii: "="), UInt8(ascii: "%"):
                throw Unsupported()
            default:
                flushWhitespace()
                nodes.append(.variable(.init(try readName()), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// Text up to a line break (not taken) or a `{{` (taken), or to the end.
    private mutating func readTextBeforeTag() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count {
            if lineBreak(at: position) > 0 { return bytes[start..<position] }
            if bytes[position] == UInt8(ascii: "{") && byte(at: position + 1) == UInt8(ascii: "{") {
                let text = bytes[start..<position]
                position += 2
                return text
            }
            position += 1
        }
        return bytes[start..<position]
    }

    /// True, with the line's end taken, when the tag just read is alone on its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var offset = position
        while let byte = byte(at: offset), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
        let newline = lineBreak(at: offset)
        guard newline > 0 else { return false }
        position = offset + newline
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = byte(at: position), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            position += 1
        }
    }

    /// A tag's name and its closing `}}`. A name with a transform, or whitespace beyond ASCII
    /// around it, is left to swift-mustache.
    private mutating func readName(partial: Bool = false) throws(Unsupported) -> String {
        skipWhitespace()
        let start = position
        while let byte = byte(at: position), Self.isNameByte(byte, partial: partial) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: "}"), byte(at: position + 1) == UInt8(ascii: "}") else { throw Unsupported() }
        position += 2
        guard !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return name
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        case UInt8(ascii: "/"):
            return partial
        default:
            return false
        }
    }

    private func find(_ text: String) -> Int? {
        let needle = Array(text.utf8)
        var offset = position
        while offset + needle.count <= bytes.count {
            if bytes[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
            offset += 1
        }
        return nil
    }
}

import HashiContent
import HashiSupport

extension TemplateParser {
    /// Reads the tag whose opening delimiter was just taken and appends what it makes to `nodes`.
    /// True when the tag closes the section being read.
    mutating func readTag(_ step: inout TagStep, into nodes: inout [Node]) throws(Failure) -> Bool {
        let kind = bytes[position]
        switch kind {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            position += 1
            let name = try readName(sigil: Character(UnicodeScalar(kind)), at: step.start)
            step.standalone = isStandalone(step.state)
            if !step.standalone { flush(&step.whitespaceBefore, into: &nodes) }
            let inner = try parse(step.state.section(name, at: step.start, newLine: step.standalone))
            nodes.append(.section(.init(name), inner, inverted: kind == UInt8(ascii: "^")))
        case UInt8(ascii: "/"):
            position += 1
            let name = try readName(sigil: "/", at: step.start)
            guard let open = step.state.sectionName else {
                throw Self.failure(.closedButNeverOpened(name: name), at: step.start)
            }
            guard name == open else {
                throw Self.failure(.closedByAnother(open: open, name: name), at: step.start)
            }
            if !isStandalone(step.state) { flush(&step.whitespaceBefore, into: &nodes) }
            return true
        case UInt8(ascii: "!"):
            position += 1
            guard let end = find(closing) else { throw Self.failure(unclosedTag, at: step.start) }
            position = end + closing.count
            step.standalone = isStandalone(step.state)
        case UInt8(ascii: "="):
            try setDelimiters(at: step.start)
            step.standalone = isStandalone(step.state)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            flush(&step.whitespaceBefore, into: &nodes)
            position += 1
            let triple = kind == UInt8(ascii: "{")
            let name = try readName(sigil: triple ? "{" : "&", at: step.start, closedBy: triple ? [UInt8(ascii: "}")] + closing : closing)
            nodes.append(.variable(.init(name), escaped: false))
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            try readPartial(&step, inherits: kind == UInt8(ascii: "<"), into: &nodes)
        case UInt8(ascii: "$"):
            try readBlock(&step, into: &nodes)
        case UInt8(ascii: "%"):
            throw Self.failure(.pragma, at: step.start)
        default:
            flush(&step.whitespaceBefore, into: &nodes)
            nodes.append(.variable(.init(try readName(sigil: nil, at: step.start)), escaped: true))
        }
        return false
    }

    private func flush(_ whitespace: inout [UInt8], into nodes: inout [Node]) {
        if !whitespace.isEmpty {
            nodes.append(.text(whitespace))
            whitespace = []
        }
    }

    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
    private mutating func readPartial(_ step: inout TagStep, inherits: Bool, into nodes: inout [Node]) throws(Failure) {
        position += 1
        let name = try readName(sigil: inherits ? "<" : ">", at: step.start)
        let indentation = step.whitespaceBefore
        flush(&step.whitespaceBefore, into: &nodes)
        step.standalone = isStandalone(step.state)
        guard inherits else {
            nodes.append(.partial(name, indentation: step.standalone ? indentation : nil, overrides: nil))
            return
        }
        var overrides: [String: [Node]] = [:]
        for node in try parse(step.state.inheriting(name, at: step.start)) {
            if case let .override(block, content) = node { overrides[block] = content }
        }
        nodes.append(.partial(name, indentation: indentation, overrides: overrides))
    }

    /// `{{$name}}…{{/name}}`: a block a child may replace, or inside a `{{<parent}}` the replacement.
    private mutating func readBlock(_ step: inout TagStep, into nodes: inout [Node]) throws(Failure) {
        position += 1
        let name = try readName(sigil: "$", at: step.start)
        if step.state.isPartialDefinitionTopLevel {
            step.standalone = isStandalone(step.state)
            nodes.append(.override(name, try parse(step.state.section(name, at: step.start, newLine: step.standalone))))
        } else {
            var indentation = step.whitespaceBefore
            flush(&step.whitespaceBefore, into: &nodes)
            step.standalone = isStandalone(step.state)
            // A standalone block tag with no indentation of its own takes that of its first line.
            let intrinsic = step.standalone && indentation.isEmpty
            if intrinsic { indentation = firstLineIndentation(step.state) }
            let defaults = try parse(step.state.section(name, at: step.start, newLine: step.standalone))
            nodes.append(.block(name, defaults: defaults, indentation: indentation, intrinsic: intrinsic && !indentation.isEmpty))
        }
    }

    /// The spaces and tabs that start the next line, less what a `{{<parent}}`'s block takes off.
    private func firstLineIndentation(_ state: State) -> [UInt8] {
        var end = position
        while let byte = byte(at: end), Self.isSpaceOrTab(byte) { end += 1 }
        let taken = state.isPartialDefinition && !state.isPartialDefinitionTopLevel ? state.partialDefinitionIndent ?? 0 : 0
        return Array(bytes[min(position + taken, end)..<end])
    }

    /// `{{=<% %>=}}`: the two new delimiters, apart by whitespace, without whitespace or `=` in them.
    private mutating func setDelimiters(at start: Int) throws(Failure) {
        position += 1
        guard let end = find([UInt8(ascii: "=")] + closing) else { throw Self.failure(unclosedTag, at: start) }
        let parts = bytes[position..<end].split(whereSeparator: Self.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw Self.failure(.badDelimiters, at: start)
        }
        position = end + 1 + closing.count
        opening = Array(parts[0])
        closing = Array(parts[1])
    }

    /// A tag's name and its closing delimiter. Names hold no whitespace; one that starts with `*`
    /// is a dynamic name, which hashi does not render. (A transform, `f(name)`, is read as a name
    /// that `TemplateChecker` reports.)
    private mutating func readName(sigil: Character?, at start: Int, closedBy close: [UInt8]? = nil) throws(Failure) -> String {
        let close = close ?? closing
        guard let end = find(close) else { throw Self.failure(unclosedTag, at: start) }
        let content = bytes[position..<end]
        position = end + close.count
        let words = content.split(whereSeparator: Self.isWhitespace)
        if let first = words.first, first.first == UInt8(ascii: "*") {
            let name = words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            throw Self.failure(.dynamicName(name: name), at: start)
        }
        if content.contains(UInt8(ascii: "|")) {
            let expression = words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            throw Self.failure(.transform(expression: expression), at: start)
        }
        guard words.count == 1, let word = words.first else {
            throw Self.failure(words.isEmpty ? .noName : .spaceInName, at: start)
        }
        let name = String(decoding: word, as: UTF8.self)
        record(sigil, name, at: start)
        return name
    }

    private func find(_ needle: [UInt8]) -> Int? {
        var offset = position
        while offset + needle.count <= bytes.count {
            if hasPrefix(needle, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        isSpaceOrTab(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

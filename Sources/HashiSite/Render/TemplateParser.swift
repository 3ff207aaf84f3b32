import HashiContent
import HashiSupport

/// Reads Mustache source byte by byte into the nodes `CompiledTemplates` renders, line by line so
/// that whitespace around standalone tags is kept or dropped as the Mustache spec says. Reading
/// bytes is exact for any text: UTF-8 never uses an ASCII byte (a brace, a space, a line break)
/// inside another character, and a delimiter beyond ASCII is matched by its whole byte sequence.
/// Every tag it reads is kept, with where it starts, for `TemplateChecker`.
struct TemplateParser {
    typealias Node = CompiledTemplates.Node

    /// Where and why a template cannot be read; `offset` is a byte offset into its UTF-8.
    struct Failure: Error, Equatable {
        var offset: Int
        var message: String
    }

    /// A failure in the words of `TemplateSyntax`, which `RenderDiagnostics.swift` keeps.
    static func failure(_ syntax: TemplateSyntax, at offset: Int) -> Failure {
        Failure(offset: offset, message: syntax.message)
    }

    /// Where the parser is: the section it reads, whether a line just began, and inside a
    /// `{{<parent}}` how much indentation its blocks' lines lose.
    struct State {
        var sectionName: String?
        /// Where the open section's tag starts, for "never closed".
        var sectionOffset = 0
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        /// The indentation of the first line inside a `{{$block}}` of a `{{<parent}}`, taken off the lines after it.
        var partialDefinitionIndent: Int?

        func section(_ name: String, at offset: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheriting(_ name: String, at offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    let bytes: [UInt8]
    var position = 0
    /// The current delimiters: `{{` `}}` until a `{{=<% %>=}}` tag sets others.
    var opening: [UInt8] = Array("{{".utf8)
    var closing: [UInt8] = Array("}}".utf8)
    /// Every tag read so far, in source order.
    private(set) var tags: [TemplateTag] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The whole template's nodes.
    mutating func parseAll() throws(Failure) -> [Node] {
        try parse(State())
    }

    var atEnd: Bool { position >= bytes.count }

    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// The length of the line break at `offset` ("\n" or "\r\n"), or 0.
    func lineBreak(at offset: Int) -> Int {
        switch byte(at: offset) {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r") where byte(at: offset + 1) == UInt8(ascii: "\n"): return 2
        default: return 0
        }
    }

    mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while let byte = byte(at: position), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
        return bytes[start..<position]
    }

    /// Reads nodes until the end of the section `initial` is in (or of the template).
    mutating func parse(_ initial: State) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
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
            let (text, opened) = readTextBeforeTag()
            let newline = lineBreak(at: position)
            if newline > 0 {
                nodes.append(.text(whitespaceBefore + text + bytes[position..<(position + newline)]))
                whitespaceBefore = []
                position += newline
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            guard opened else { break }
            let tagStart = position - opening.count
            guard !atEnd else { throw Self.failure(unclosedTag, at: tagStart) }
            var step = TagStep(state: state, whitespaceBefore: whitespaceBefore, start: tagStart)
            if try readTag(&step, into: &nodes) { return nodes }
            // A standalone tag's line, its indentation included, leaves nothing in the output.
            whitespaceBefore = step.standalone ? [] : step.whitespaceBefore
            state = step.state
            state.newLine = step.standalone
        }
        if let name = state.sectionName {
            throw Self.failure(.sectionNeverClosed(name: name), at: state.sectionOffset)
        }
        // The spaces of a last line with nothing else on it.
        if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
        return nodes
    }

    /// What reading one tag needs from the loop around it and gives back to it.
    struct TagStep {
        var state: State
        var whitespaceBefore: [UInt8]
        /// Where the tag's opening delimiter starts.
        var start: Int
        var standalone = false
    }

    var unclosedTag: TemplateSyntax {
        .unclosedTag(closing: String(decoding: closing, as: UTF8.self))
    }

    /// Text up to a line break (not taken) or an opening delimiter (taken: `opened`), or to the end.
    mutating func readTextBeforeTag() -> (text: ArraySlice<UInt8>, opened: Bool) {
        let start = position
        let first = opening[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && lineBreak(at: position) > 0) {
                return (bytes[start..<position], false)
            }
            if byte == first && hasPrefix(opening, at: position) {
                let text = bytes[start..<position]
                position += opening.count
                return (text, true)
            }
            position += 1
        }
        return (bytes[start..<position], false)
    }

    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    /// True, with the line's end taken, when the tag just read is alone on its line.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var offset = position
        while let byte = byte(at: offset), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
        let newline = lineBreak(at: offset)
        guard newline > 0 || offset == bytes.count else { return false }
        position = offset + newline
        return true
    }

    /// Records a tag for the checker.
    mutating func record(_ sigil: Character?, _ name: String, at offset: Int) {
        tags.append(TemplateTag(sigil: sigil, name: name, offset: offset))
    }
}

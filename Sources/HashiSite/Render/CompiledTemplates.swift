import HashiContent
import HashiSupport

/// The theme's Mustache templates compiled to trees that render straight into bytes: the one
/// engine every template goes through, with one escaping (`HTMLEscaping`). `TemplateParser`
/// reads them as the Mustache spec says (interpolation, sections, inverted sections, comments,
/// partials, set delimiters, inheritance); `MustacheSpecTests` runs the spec against it. Values
/// are typed (`TemplateValue`), so a lookup is a dictionary read and text is copied as bytes.
struct CompiledTemplates: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        /// `{{>name}}` (`overrides` nil) or `{{<name}}…{{/name}}`; `indentation` is set when the tag
        /// stands alone, and always for `{{<name}}`.
        case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` outside a `{{<parent}}`: a block a child template may replace.
        /// An `intrinsic` indentation is that of the default's first line, which the default
        /// already has and a replacement gets.
        case block(String, defaults: [Node], indentation: [UInt8], intrinsic: Bool)
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

    init(templates: [String: [Node]]) {
        self.templates = templates
    }

    /// Each template parsed, or the first that cannot be (by name), with why.
    init(sources: [String: String]) throws(NamedFailure) {
        var templates: [String: [Node]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            var parser = TemplateParser(source)
            do {
                templates[name] = try parser.parseAll()
            } catch {
                throw NamedFailure(template: name, failure: error)
            }
        }
        self.templates = templates
    }

    /// A template that cannot be read, and why.
    struct NamedFailure: Error {
        var template: String
        var failure: TemplateParser.Failure
    }

    /// The template `name` filled from `context`, or nil when there is no such template.
    func render(_ name: String, context: TemplateValue) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        render(nodes, RenderState(stack: [context], indentation: nil, overrides: nil), into: &out)
        return out
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
        // A node's output that starts a line of this template's output gets the indentation first.
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, state, into: &out)
            if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n") {
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
            guard !inverted else {
                if !(value?.isTruthy ?? false) { render(nodes, state, into: &out) }
                return
            }
            switch value {
            case nil, .null?, .bool(false)?:
                break
            case .bool(true)?:
                render(nodes, state, into: &out)
            case .list(let items)?:
                for item in items { render(nodes, state.pushing(item), into: &out) }
            case let value?:
                render(nodes, state.pushing(value), into: &out)
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
        case let .block(name, defaults, indentation, intrinsic):
            guard let override = state.overrides?[name] else {
                var inner = state
                if !intrinsic { inner.indentation = (state.indentation ?? []) + indentation }
                return render(defaults, inner, into: &out)
            }
            var inner = state
            inner.indentation = (state.indentation ?? []) + indentation
            let start = out.count
            render(override, inner, into: &out)
            if intrinsic && out.count > start { out.insert(contentsOf: indentation, at: start) }
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

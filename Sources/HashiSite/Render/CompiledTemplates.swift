import HashiContent
import HashiSupport

/// The theme's Mustache templates compiled to trees that render straight into bytes: the one
/// engine every template goes through, with one escaping (`HTMLEscaping`). `TemplateParser`
/// reads them as the Mustache spec says (interpolation, sections, inverted sections, comments,
/// partials, set delimiters, inheritance); `MustacheSpecTests` runs the spec against it. Values
/// are typed (`TemplateValue`), so a lookup is a read of a `TemplateObject` by a name hashed once,
/// and text is copied as bytes.
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
        case fromCurrent([TemplateObject.Name])
        case fromStack([TemplateObject.Name])

        init(_ name: String) {
            let names = name.split(separator: ".").map { TemplateObject.Name(String($0)) }
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
        var stack = [context]
        stack.reserveCapacity(8)
        var state = RenderState(stack: stack, indentation: nil, overrides: nil)
        render(nodes, &state, into: &out)
        return out
    }

    /// Where the rendering is: the values of the sections it is in, and the indentation and block
    /// overrides of the partials. Changed and restored around each section and partial, so a
    /// section pushes its value without copying the stack.
    private struct RenderState {
        var stack: [TemplateValue]
        var indentation: [UInt8]?
        var overrides: [String: [Node]]?
    }

    private func render(_ nodes: [Node], _ state: inout RenderState, into out: inout [UInt8]) {
        guard let indentation = state.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &state, into: &out) }
            return
        }
        // A node's output that starts a line of this template's output gets the indentation first.
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, &state, into: &out)
            if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n") {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// `nodes` with `value` on top of the stack, as a section renders for its value or each item.
    private func render(_ nodes: [Node], pushing value: TemplateValue, _ state: inout RenderState, into out: inout [UInt8]) {
        state.stack.append(value)
        render(nodes, &state, into: &out)
        state.stack.removeLast()
    }

    private func render(_ node: Node, _ state: inout RenderState, into out: inout [UInt8]) {
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
                if !(value?.isTruthy ?? false) { render(nodes, &state, into: &out) }
                return
            }
            switch value {
            case nil, .null?, .bool(false)?:
                break
            case .bool(true)?:
                render(nodes, &state, into: &out)
            case .list(let items)?:
                for item in items { render(nodes, pushing: item, &state, into: &out) }
            case let value?:
                render(nodes, pushing: value, &state, into: &out)
            }
        case let .partial(name, indentation, overrides):
            guard let nodes = templates[name] else { return }
            let outer = (state.indentation, state.overrides)
            if let indentation { state.indentation = (outer.0 ?? []) + indentation }
            if let overrides {
                // An override of an outer template wins over one of the template it extends.
                state.overrides = outer.1.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(nodes, &state, into: &out)
            (state.indentation, state.overrides) = outer
        case let .block(name, defaults, indentation, intrinsic):
            let outer = state.indentation
            defer { state.indentation = outer }
            guard let override = state.overrides?[name] else {
                if !intrinsic { state.indentation = (outer ?? []) + indentation }
                return render(defaults, &state, into: &out)
            }
            state.indentation = (outer ?? []) + indentation
            let start = out.count
            render(override, &state, into: &out)
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
            for index in stack.indices.reversed() {
                guard let child = stack[index].child(names[0]) else { continue }
                return names.count == 1 ? child : lookUp(names.dropFirst(), from: child)
            }
            return nil
        }
    }

    private static func lookUp(_ names: ArraySlice<TemplateObject.Name>, from value: TemplateValue?) -> TemplateValue? {
        var value = value
        for name in names {
            value = value?.child(name)
        }
        return value
    }
}

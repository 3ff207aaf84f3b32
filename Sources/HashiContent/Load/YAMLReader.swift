import Yams
import HashiSupport

/// Reads YAML into nodes and typed values, reporting every problem at its file:line:col.
///
/// `lineOffset` shifts positions for YAML embedded in another file (front matter starts on line 2).
package struct YAMLReader {
    let file: String
    let lineOffset: Int
    package private(set) var diagnostics: [Diagnostic] = []
    /// The lines of the text parsed, to tell why a value came out empty.
    private var lines: [Substring] = []

    package init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text`; returns nil (with a diagnostic) when it is not valid YAML.
    package mutating func parse(_ text: String) -> Node? {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            diagnostics.append(Diagnostic(YAMLProblem.invalid(problem: problem), at: location(mark)))
            return nil
        } catch {
            diagnostics.append(Diagnostic(YAMLProblem.invalid(problem: "\(error)"), at: location(nil)))
            return nil
        }
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// A problem at the node's position (the start of the file when there is none).
    package mutating func report(_ problem: some DiagnosticProblem, at node: Node?) {
        diagnostics.append(Diagnostic(problem, at: location(node?.mark)))
    }

    /// The pairs of a mapping, with unknown keys reported; nil (with a diagnostic) if `node` is not a mapping.
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            report(YAMLProblem.notMapping(what: what), at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(YAMLProblem.keyNotText(what: what), at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                let known = allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                report(YAMLProblem.unknownKey(key: key, what: what, known: known), at: keyNode)
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    package mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(YAMLProblem.notText(key: key), at: node)
            return nil
        }
        guard node.null == nil else {
            report(startsWithComment(node) ? YAMLProblem.commentAsValue(key: key) : YAMLProblem.empty(key: key), at: node)
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool, node.scalar?.style == .plain else {
            report(YAMLProblem.notBoolean(key: key), at: node)
            return nil
        }
        return value
    }

    mutating func int(_ node: Node, key: String) -> Int? {
        guard let value = node.int, node.scalar?.style == .plain else {
            report(YAMLProblem.notInteger(key: key), at: node)
            return nil
        }
        return value
    }

    mutating func stringList(_ node: Node, key: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            report(YAMLProblem.notList(key: key), at: node)
            return nil
        }
        var values: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, item.null == nil else {
                report(YAMLProblem.itemNotText(key: key), at: item)
                return nil
            }
            values.append(scalar.string)
        }
        return values
    }

    /// A calendar date written `YYYY-MM-DD` (a time after it is allowed and ignored).
    mutating func date(_ node: Node, key: String) -> SimpleDate? {
        guard case .scalar(let scalar) = node, let date = SimpleDate(parsing: scalar.string) else {
            report(YAMLProblem.notDate(key: key), at: node)
            return nil
        }
        return date
    }

    /// Whether the value on the node's line is a `#…` that YAML read as a comment (`primaryColor: #1b6b3a`).
    private func startsWithComment(_ node: Node) -> Bool {
        guard let line = node.mark.map({ $0.line - 1 }), lines.indices.contains(line),
              let colon = lines[line].firstIndex(of: ":") else { return false }
        return lines[line][lines[line].index(after: colon)...].trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    /// The parser's words for a key out of line say nothing of lines; these do.
    private static func indentationHint(for problem: String) -> String {
        let indentation = ["mapping values are not allowed", "did not find expected key", "expected <block end>",
                           "did not find expected '-' indicator"]
        guard indentation.contains(where: problem.contains) else { return "" }
        return " (check the indentation of this line and of the lines just above it: the keys of one mapping start in "
            + "the same column, indented with spaces, not tabs)"
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text); " } ?? ""
            return (mark, prefix + problem + indentationHint(for: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return (context.mark, "duplicate key \(names)")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

import Yams
import HashiSupport

/// Reads YAML into nodes and typed values, reporting every problem at its file:line:col.
///
/// `lineOffset` shifts positions for YAML embedded in another file (front matter starts on line 2).
package struct YAMLReader {
    let file: String
    let lineOffset: Int
    package private(set) var diagnostics: [Diagnostic] = []

    package init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text`; returns nil (with a diagnostic) when it is not valid YAML.
    package mutating func parse(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            diagnostics.append(.error("invalid YAML: \(problem)", at: location(mark)))
            return nil
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", at: location(nil)))
            return nil
        }
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    package mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: location(node?.mark)))
    }

    mutating func warning(_ message: String, at node: Node?) {
        diagnostics.append(.warning(message, at: location(node?.mark)))
    }

    /// The pairs of a mapping, with unknown keys reported; nil (with a diagnostic) if `node` is not a mapping.
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("\(what) has a key that is not text", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                let known = allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                error("unknown key \"\(key)\" in \(what) (known keys: \(known))", at: keyNode)
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    package mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\"\(key)\" must be text", at: node)
            return nil
        }
        guard node.null == nil else {
            error("\"\(key)\" must not be empty", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool, node.scalar?.style == .plain else {
            error("\"\(key)\" must be true or false", at: node)
            return nil
        }
        return value
    }

    mutating func int(_ node: Node, key: String) -> Int? {
        guard let value = node.int, node.scalar?.style == .plain else {
            error("\"\(key)\" must be a whole number", at: node)
            return nil
        }
        return value
    }

    mutating func stringList(_ node: Node, key: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            error("\"\(key)\" must be a list, like [a, b]", at: node)
            return nil
        }
        var values: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, item.null == nil else {
                error("each item of \"\(key)\" must be text", at: item)
                return nil
            }
            values.append(scalar.string)
        }
        return values
    }

    /// A calendar date written `YYYY-MM-DD` (a time after it is allowed and ignored).
    mutating func date(_ node: Node, key: String) -> SimpleDate? {
        guard case .scalar(let scalar) = node, let date = SimpleDate(parsing: scalar.string) else {
            error("\"\(key)\" must be a date written YYYY-MM-DD", at: node)
            return nil
        }
        return date
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text); " } ?? ""
            return (mark, prefix + problem)
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

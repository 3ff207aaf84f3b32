/// One problem found in the input, printed like a compiler so editors can jump to it.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Path as the user gave it (relative to the working directory where possible).
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// What kind of problem this is, stable across releases and wordings (`link.missing-page`), for tools to filter on.
    public var code: String
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, code: String, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// A problem of one of the stages, whose words, code and severity live in that stage's `…Diagnostics.swift`.
    package init(_ problem: some DiagnosticProblem, at location: SourceLocation) {
        self.init(file: location.file, line: location.line, column: location.column, severity: problem.severity,
                  code: problem.code, message: problem.message)
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// A kind of problem a stage reports; each stage keeps all of its kinds, and their words, in one file.
package protocol DiagnosticProblem: Sendable {
    /// Lowercase and dot-separated, `area.problem-name`; never reworded, so CI can filter on it.
    var code: String { get }
    var severity: Diagnostic.Severity { get }
    var message: String { get }
}

/// A place in a source file: the path shown to the user, 1-based line and column.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}

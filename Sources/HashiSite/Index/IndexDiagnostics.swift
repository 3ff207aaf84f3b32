import HashiSupport

/// Every problem the Index stage reports, with its code and words in one place.
package enum IndexProblem: DiagnosticProblem, Equatable {
    case textTruncated(megabytes: Int)

    package var code: String {
        switch self {
        case .textTruncated: "search.text-truncated"
        }
    }

    package var severity: Diagnostic.Severity { .warning }

    package var message: String {
        switch self {
        case .textTruncated(let megabytes): "only the first \(megabytes) MB of this page's text can be found by search"
        }
    }

    package static let samples: [IndexProblem] = [.textTruncated(megabytes: 1)]
}

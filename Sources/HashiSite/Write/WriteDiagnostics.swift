import HashiSupport

// Every problem the Write stage reports, with its stable code, severity and words: putting the
// site in place, and the zip of it.

extension OutputFailure: DiagnosticProblem {
    package var code: String {
        switch self {
        case .foreignOutput: "output.not-hashi"
        case .cannotCreate: "output.cannot-create"
        case .cannotWrite: "output.cannot-write"
        case .cannotSwap: "output.cannot-swap"
        case .cannotComplete: "output.cannot-complete"
        case .busy: "output.busy"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .foreignOutput(let path):
            "\(path) is not empty and was not made by hashi: refusing to replace it (choose another --output, or empty it yourself)"
        case let .cannotCreate(path, reason): "cannot create \(path): \(reason)"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .cannotSwap(path, reason): "cannot put the new site in place at \(path): \(reason); the previous site is unchanged"
        case let .cannotComplete(path, reason):
            "cannot finish putting the new site in place at \(path): \(reason); part of it is in place, and the next build finishes it"
        case .busy(let path): "another hashi build is writing \(path) right now; wait for it to finish"
        }
    }

    public var description: String { message }

    package static let samples: [OutputFailure] = [
        .foreignOutput("Output"), .cannotCreate("Output", "r"), .cannotWrite("Output/a", "r"), .cannotSwap("Output", "r"),
        .cannotComplete("Output", "r"), .busy("Output"),
    ]
}

/// What can go wrong making the zip of the site (`--archive`).
package enum ArchiveProblem: DiagnosticProblem, Equatable {
    case cannotRead(path: String)
    case cannotWrite(reason: String)
    case tooLarge(path: String)

    package var code: String {
        switch self {
        case .cannotRead: "archive.cannot-read"
        case .cannotWrite: "archive.cannot-write"
        case .tooLarge: "archive.too-large"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .cannotRead(let path): "cannot read \(path) for the archive"
        case .cannotWrite(let reason): "cannot write the archive: \(reason)"
        case .tooLarge(let path): "\(path) makes the zip larger than 4 GiB, which a plain zip cannot hold"
        }
    }

    package static let samples: [ArchiveProblem] = [.cannotRead(path: "a"), .cannotWrite(reason: "r"), .tooLarge(path: "a")]
}

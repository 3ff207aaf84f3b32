/// Every problem met walking a folder of content or templates, with its code and words, in one place.
package enum FileProblem: DiagnosticProblem, Equatable {
    case folderUnreadable(reason: String)
    case controlCharacterInName
    case fileUnreadable(reason: String)
    case brokenSymbolicLink
    case symbolicLinkOutside(root: String)
    case notRegularFile
    case symbolicLinkCycle(earlier: String)
    case caseCollision(root: String, other: String)

    package var code: String {
        switch self {
        case .folderUnreadable: "file.folder-unreadable"
        case .controlCharacterInName: "file.control-character"
        case .fileUnreadable: "file.unreadable"
        case .brokenSymbolicLink: "file.broken-link"
        case .symbolicLinkOutside: "file.link-outside"
        case .notRegularFile: "file.not-regular"
        case .symbolicLinkCycle: "file.link-cycle"
        case .caseCollision: "file.case-collision"
        }
    }

    package var severity: Diagnostic.Severity {
        switch self {
        case .folderUnreadable, .controlCharacterInName, .fileUnreadable: .error
        case .brokenSymbolicLink, .symbolicLinkOutside, .notRegularFile, .symbolicLinkCycle, .caseCollision: .warning
        }
    }

    package var message: String {
        switch self {
        case .folderUnreadable(let reason): "cannot read this folder: \(reason)"
        case .controlCharacterInName: "this file name has a control character (a line break or tab, say): rename it"
        case .fileUnreadable(let reason): "cannot read this file: \(reason)"
        case .brokenSymbolicLink: "symbolic link leads nowhere; not followed"
        case .symbolicLinkOutside(let root): "symbolic link leads outside \(root); not followed"
        case .notRegularFile: "not a regular file or folder (a pipe or a device?); skipped"
        case .symbolicLinkCycle(let earlier):
            "symbolic link to a folder already read at \(earlier) (a cycle, or a second name for it); not followed"
        case let .caseCollision(root, other):
            "this file and \(root)/\(other) differ only in case: they collide on "
                + "case-insensitive disks (macOS, Windows) and in a zip opened there"
        }
    }

    /// One value of each case, for the tests that check codes are unique and documented.
    package static let samples: [FileProblem] = [
        .folderUnreadable(reason: "r"), .controlCharacterInName, .fileUnreadable(reason: "r"), .brokenSymbolicLink,
        .symbolicLinkOutside(root: "Content"), .notRegularFile, .symbolicLinkCycle(earlier: "Content/a"),
        .caseCollision(root: "Content", other: "a.md"),
    ]
}

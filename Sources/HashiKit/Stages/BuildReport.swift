import HashiContent
import HashiSite
import HashiSupport

/// What a build has found and done so far, filled in by each stage in turn: the diagnostics,
/// the counts the summary line shows, and the time each stage took.
struct BuildReport {
    /// `--strict`: every warning counts as an error, whichever stage raised it.
    let strict: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var clock = StageClock()
    var pageCount = 0
    var pagesByLanguage: [(language: String, pages: Int)] = []
    var renderedPages = 0
    var parsedFiles = 0
    var indexedPages = 0

    init(strict: Bool) {
        self.strict = strict
    }

    mutating func add(_ new: [Diagnostic]) {
        diagnostics += new
    }

    mutating func add(_ failure: OutputFailure, at path: String) {
        diagnostics.append(Diagnostic(failure, at: SourceLocation(file: path)))
    }

    /// Whether the build must stop before it puts anything in place.
    var hasErrors: Bool { strict ? !diagnostics.isEmpty : diagnostics.hasErrors }

    /// Ends the stage that ran since the last call.
    mutating func lap(_ stage: String) {
        clock.lap(stage)
    }

    /// The outcome as the user sees it: diagnostics sorted, and warnings made errors under `--strict`.
    var result: BuildResult {
        let shown = diagnostics.map { diagnostic in
            var shown = diagnostic
            if strict { shown.severity = .error }
            return shown
        }
        return BuildResult(diagnostics: shown.sorted(), pageCount: pageCount, timings: clock.stages, pagesByLanguage: pagesByLanguage,
                           renderedPages: renderedPages, parsedFiles: parsedFiles, indexedPages: indexedPages)
    }
}

import Foundation
import HashiContent
import HashiSupport

/// Makes sure every page still shows its language's `footer` of `site.yaml` (the credit and license of
/// the source text), so an overlay that replaces the footer partial cannot drop it by mistake.
package final class CreditCheck: @unchecked Sendable {  // `missing` is read and written under `lock`
    private let lock = NSLock()
    private var missing: [String: [String]] = [:]
    private let templateFile: String

    /// - Parameter templateFile: the footer partial as shown in diagnostics.
    package init(templateFile: String) {
        self.templateFile = templateFile
    }

    /// Records `page` when its HTML lacks the credit line; safe to call from many threads at once.
    package func verify(_ html: [UInt8], page: Page) {
        guard let footer = page.language.footer, !html.contains(utf8: HTMLEscaping.text(footer)) else { return }
        lock.withLock { missing[page.language.code, default: []].append(page.outputPath) }
    }

    /// One error a language whose pages lack the credit, naming the first of them.
    package var diagnostics: [Diagnostic] {
        lock.withLock {
            missing.sorted { $0.key < $1.key }.map { code, pages in
                let first = pages.sorted()[0]
                return Diagnostic(RenderProblem.missingCredit(count: pages.count, language: code, first: first),
                                  at: SourceLocation(file: templateFile))
            }
        }
    }
}

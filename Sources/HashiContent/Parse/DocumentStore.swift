import Foundation
import HashiSupport

/// The parsed Markdown of every source file of a build, by the source's index in `LoadedContent`.
///
/// Every page keeps its `DocumentSummary`. The HTML and text of a document parsed this build are
/// held here until the stage that needs them is done; a document the build cache gave only as a
/// summary is parsed again from its Markdown when its page has to be rendered or indexed anew. At
/// 20,000 pages the Markdown, HTML and text are most of a build's memory, so the store lets go of
/// each as soon as no later stage needs it.
public final class DocumentStore: @unchecked Sendable {  // its mutable arrays are read and written under `lock`
    /// What the cache or the parser gave for one source.
    public enum Entry: Sendable {
        case summary(DocumentSummary)
        case whole(ParsedDocument)

        public var summary: DocumentSummary {
            switch self {
            case .summary(let summary): return summary
            case .whole(let document): return document.facts
            }
        }
    }

    /// Each source's summary, by source index.
    public let summaries: [DocumentSummary]
    /// The sources, and where to read a body the Load stage left unread.
    private let files: SourceFiles
    private let parser: MarkdownRenderer
    private let lock = NSLock()
    private var markdown: [String?]
    private var html: [[UInt8]?]
    private var text: [String?]
    /// How many pages have had each source's HTML (`html(of:forOneOf:)`).
    private var handedOut: [Int]

    /// - Parameters:
    ///   - content: the sources and their bodies, by source index.
    ///   - entries: what the cache or the parser gave for each source, by source index.
    public init(content: LoadedContent, entries: [Entry], parser: MarkdownRenderer) {
        self.files = content.files
        self.parser = parser
        self.markdown = content.markdown
        summaries = entries.map(\.summary)
        html = entries.map { if case .whole(let document) = $0 { document.htmlBytes } else { nil } }
        text = entries.map { if case .whole(let document) = $0 { document.plainText } else { nil } }
        handedOut = Array(repeating: 0, count: entries.count)
    }

    /// Every source of `content` parsed whole now, without a cache (for tools and tests).
    public convenience init(parsing content: LoadedContent) {
        let parser = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML)
        let entries = content.sources.indices.map { Entry.whole(parser.render(content.sources[$0], markdown: content.body(of: $0))) }
        self.init(content: content, entries: entries, parser: parser)
    }

    /// The Markdown of source `index`, as the Model stage reads it (translation hashes, columns):
    /// read now if the Load stage left it unread, or if it was let go.
    func markdown(of index: Int) -> String {
        if let body = lock.withLock({ markdown[index] }) { return body }
        let body = files.body(of: index)
        lock.withLock { if html[index] == nil { markdown[index] = body } }
        return body
    }

    /// The HTML of source `index`, from this build's parse or parsed again now.
    package func html(of index: Int) -> [UInt8] {
        lock.withLock { html[index] } ?? reparse(index).htmlBytes
    }

    /// The plain text of source `index`, from this build's parse or parsed again now.
    package func text(of index: Int) -> String {
        lock.withLock { text[index] } ?? reparse(index).plainText
    }

    /// After the Model stage: the Markdown of documents parsed whole is needed no more.
    package func releaseParsedMarkdown() {
        lock.withLock {
            for index in markdown.indices where html[index] != nil { markdown[index] = nil }
        }
    }

    /// The HTML of source `index` for one of the `uses` pages that show it (the page and its
    /// fallbacks in other languages), let go once the last of them has it: held to the end of the
    /// Render stage, the bodies were a good part of the build's peak memory.
    package func html(of index: Int, forOneOf uses: Int) -> [UInt8] {
        let kept: [UInt8]? = lock.withLock {
            let html = html[index]
            handedOut[index] += 1
            if handedOut[index] >= uses { self.html[index] = nil }
            return html
        }
        return kept ?? reparse(index).htmlBytes
    }

    /// After the Render stage: every page is written.
    package func releaseHTML() {
        lock.withLock { html = html.map { _ in nil } }
    }

    /// After a language's index is made: the text of its sources.
    package func releaseText(of indices: some Sequence<Int>) {
        lock.withLock { for index in indices { text[index] = nil } }
    }

    private func reparse(_ index: Int) -> ParsedDocument {
        parser.render(files.sources[index], markdown: markdown(of: index))
    }
}

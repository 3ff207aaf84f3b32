import CCmark

import Foundation
import HashiSupport

/// Stage 2: Markdown to HTML with libcmark. The only file that touches cmark: every pointer is
/// owned and freed here, and the rest of the code sees `ParsedDocument` values.
public struct MarkdownRenderer: Sendable {
    /// Keep raw HTML blocks and inlines (off by default: a site opts in with `markdown: unsafeHTML`).
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// `markdown` is the body of `source` (`LoadedContent.markdown`).
    public func render(_ source: SourceFile, markdown: String) -> ParsedDocument {
        render(markdown: markdown, file: source.displayPath, firstLine: source.bodyStartLine)
    }

    /// - Parameter firstLine: the line of the file where `markdown` starts, added to cmark's positions.
    public func render(markdown: String, file: String, firstLine: Int = 1) -> ParsedDocument {
        MarkdownArenas.shared.withArena { scratch in
            var text = markdown
            let document = text.withUTF8 { bytes -> OpaquePointer? in
                guard let parser = cmark_parser_new_with_mem(Self.parseOptions, MarkdownArenas.memory) else { return nil }
                defer { cmark_parser_free(parser) }
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
                return cmark_parser_finish(parser)
            }
            // No cmark_node_free: the arena takes back the whole document when this returns.
            return render(document, memory: MarkdownArenas.memory, scratch: &scratch, file: file, firstLine: firstLine)
        }
    }

    /// `render(markdown:file:firstLine:)` with cmark's own allocator and `cmark_parse_document`: the
    /// plain path the arena's is tested against.
    func renderWithSystemAllocator(markdown: String, file: String, firstLine: Int = 1) -> ParsedDocument {
        var text = markdown
        let document = text.withUTF8 { cmark_parse_document($0.baseAddress, $0.count, Self.parseOptions) }
        defer { if let document { cmark_node_free(document) } }
        var scratch: [UInt8] = []
        return render(document, memory: cmark_get_default_mem_allocator(), scratch: &scratch, file: file, firstLine: firstLine)
    }

    private static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// The document's headings, links, HTML and text; `memory` is what allocated its nodes, and
    /// texts are put together in `scratch` before each is copied into a `String` of its size.
    private func render(_ document: OpaquePointer?, memory: UnsafeMutablePointer<cmark_mem>, scratch: inout [UInt8],
                        file: String, firstLine: Int) -> ParsedDocument {
        guard let document else {
            return ParsedDocument(html: [], headings: [], links: [], plainText: "", summary: "")
        }

        var headings: [Heading] = []
        var links: [LinkReference] = []
        var headingNodes: [OpaquePointer] = []
        var summary: String?

        walk(document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let location = SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                                              column: Int(cmark_node_get_start_column(node)))
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(LinkReference(destination: destination, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, location: location))
                cmark_node_set_url(node, linkPlaceholderPrefix + String(links.count - 1))
            case CMARK_NODE_PARAGRAPH where summary == nil:
                summary = plainText(of: node, scratch: &scratch)
            default:
                break
            }
        }
        var slugger = HeadingSlugger(capacity: headingNodes.count)
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let title = plainText(of: node, scratch: &scratch)
            let id = slugger.id(for: title)
            headings.append(Heading(level: level, text: title, id: id, line: Int(cmark_node_get_start_line(node)) + firstLine - 1))
            replaceHeading(node, level: level, id: id, memory: memory)
        }
        let renderOptions = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        // Kept as bytes: cmark writes valid UTF-8 (the input was read with CMARK_OPT_VALIDATE_UTF8),
        // and the page is written as bytes.
        var html: [UInt8] = []
        if let rendered = cmark_render_html(document, renderOptions) {
            html = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Self.kept(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
            memory.pointee.free(rendered)
        }
        return ParsedDocument(html: html, headings: headings, links: links,
                              plainText: blockText(of: document, scratch: &scratch), summary: summary ?? "")
    }

    /// The capacity to ask for a buffer of `count` bytes and `header` more, kept until a later
    /// stage: rounded up so that glibc's block is a multiple of 256 bytes. A page's HTML is freed
    /// once the page is rendered, and glibc sorts each freed block into a list by size: blocks of
    /// every size made those lists long, and walking them was 6-9% of a 10,000-page build's CPU
    /// (`_int_malloc`), 5-6.5% with this. (The texts stay exact: `String(unsafeUninitializedCapacity:)`
    /// checks the UTF-8 again, which cost more than it saved.)
    static func keptCapacity(_ count: Int, header: Int) -> Int {
        let block = (count + header + 8 + 255) & ~255  // glibc adds 8 bytes of its own
        return block - header - 8
    }

    /// The HTML's bytes in an array of `keptCapacity`.
    private static func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // An array's header: its object header, count and capacity.
        [UInt8](unsafeUninitializedCapacity: keptCapacity(bytes.count, header: 32)) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// Turns `<hN>` into a custom block that writes `<hN id="…">`, keeping the children.
    private func replaceHeading(_ node: OpaquePointer, level: Int, id: String, memory: UnsafeMutablePointer<cmark_mem>) {
        guard (1...6).contains(level), let custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { return }
        // `<hN id="…">` as the bytes of a C string (cmark copies it).
        var id = id
        var enter: [UInt8] = Self.openingTag
        enter.reserveCapacity(enter.count + id.utf8.count + 8)
        enter[2] = UInt8(ascii: "0") + UInt8(level)
        id.withUTF8 { HTMLEscaping.append($0, to: &enter) }
        enter.append(UInt8(ascii: "\""))
        enter.append(UInt8(ascii: ">"))
        enter.append(0)
        _ = enter.withUnsafeBytes { cmark_node_set_on_enter(custom, $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        _ = Self.closingTags[level - 1].withUnsafeBufferPointer { cmark_node_set_on_exit(custom, $0.baseAddress) }
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// `<hN id="`, its level to be set.
    private static let openingTag = Array(#"<hN id=""#.utf8)
    /// `</h1>` to `</h6>` as C strings.
    private static let closingTags: [[CChar]] = (1...6).map { Array("</h\($0)>".utf8CString) }

    /// Calls `visit` on entering each node, without recursion (10,000 nested quotes are fine).
    private func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                visit(node)
            }
        }
    }

    /// The text of a node's inlines as a reader sees it (code kept, markup and raw HTML dropped).
    private func plainText(of root: OpaquePointer, scratch text: inout [UInt8]) -> String {
        text.removeAll(keepingCapacity: true)
        walk(root) { node in appendInline(node, to: &text) }
        return UTF8Text.string(text)
    }

    /// The text of every leaf block, one a line, in one walk of the document.
    private func blockText(of document: OpaquePointer, scratch text: inout [UInt8]) -> String {
        text.removeAll(keepingCapacity: true)
        var isFirstLine = true
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_CUSTOM_BLOCK:
                // Its inlines follow in this same walk; they are the only inlines there are.
                if !isFirstLine { text.append(UInt8(ascii: "\n")) }
                isFirstLine = false
            case CMARK_NODE_CODE_BLOCK:
                if !isFirstLine { text.append(UInt8(ascii: "\n")) }
                isFirstLine = false
                Self.append(cmark_node_get_literal(node), to: &text)
            default:
                appendInline(node, to: &text)
            }
        }
        return UTF8Text.string(text)
    }

    private func appendInline(_ node: OpaquePointer, to text: inout [UInt8]) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            Self.append(cmark_node_get_literal(node), to: &text)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text.append(UInt8(ascii: " "))
        default:
            break
        }
    }

    /// The bytes of a C string from cmark (valid UTF-8: the document was read with `CMARK_OPT_VALIDATE_UTF8`).
    private static func append(_ literal: UnsafePointer<CChar>?, to text: inout [UInt8]) {
        guard let literal else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
        }
    }
}

/// The arenas the Parse stage's threads take turns with, and the `cmark_mem` that finds the calling
/// thread's (cmark's allocator functions get no context, so a thread-specific value names it).
final class MarkdownArenas: @unchecked Sendable {  // `idle` is read and written under `lock`
    static let shared = MarkdownArenas()

    /// cmark's allocator functions over the arena of the calling thread's `withArena`.
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in MarkdownArenas.current.pointee.allocateZeroed(count: count, size: size) },
            realloc: { pointer, size in MarkdownArenas.current.pointee.reallocate(pointer, size: size) },
            free: { pointer in MarkdownArenas.current.pointee.free(pointer) }))
        return memory
    }()

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var current: UnsafeMutablePointer<MarkdownArena> {
        pthread_getspecific(key)!.assumingMemoryBound(to: MarkdownArena.self)
    }

    private let lock = NSLock()
    /// Arenas not in use, each with the bytes its last document's texts were put together in.
    private var idle: [(arena: UnsafeMutablePointer<MarkdownArena>, scratch: [UInt8])] = []
    /// A scratch buffer larger than this (a very long page's text) is not kept for the next.
    private static let keptScratch = 1 << 20

    /// Runs `body` with an arena of its own as the calling thread's, then takes back all it allocated.
    /// `body` is also given a buffer to put texts together in, kept with the arena between documents.
    func withArena<Result>(_ body: (inout [UInt8]) -> Result) -> Result {
        var (arena, scratch) = lock.withLock { idle.popLast() } ?? {
            let arena = UnsafeMutablePointer<MarkdownArena>.allocate(capacity: 1)
            arena.initialize(to: MarkdownArena())
            return (arena, [])
        }()
        pthread_setspecific(Self.key, arena)
        defer {
            pthread_setspecific(Self.key, nil)
            arena.pointee.reset()
            if scratch.capacity > Self.keptScratch { scratch = [] }
            lock.withLock { idle.append((arena, scratch)) }
        }
        return body(&scratch)
    }
}

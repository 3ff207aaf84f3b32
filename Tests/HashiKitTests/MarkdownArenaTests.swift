import XCTest
@testable import HashiContent

/// libcmark over the Parse stage's arena against cmark's own allocator, and the arena's calls
/// against what `calloc`, `realloc` and `free` promise.
final class MarkdownArenaTests: XCTestCase {
    func testRandomMarkdownParsesTheSameOverTheArena() {
        var random = SplitMix64(seed: 18)
        let pieces = ["# ", "## ", "### Title", "\n", "\n\n", "\r\n", "text ", "家具の固定 ", "*em* ", "**strong** ", "`code` ",
                      "[link](/a/b.md#c) ", "![image](x.png \"t\") ", "<b>raw</b> ", "<div>\n", "- ", "1. ", "> ", "    indented\n",
                      "```swift\nlet x = 1\n```\n", "[ref]\n\n[ref]: /r ", "\"quoted\" -- ", "&amp; &#x41; ", "\0", "\\*", "    ", "---\n"]
        for allowRawHTML in [false, true] {
            let renderer = MarkdownRenderer(allowRawHTML: allowRawHTML)
            for round in 0..<1_500 {
                let markdown = random.text(of: pieces, count: 0...(round % 10 == 0 ? 2_000 : 40))
                let arena = renderer.render(markdown: markdown, file: "a.md", firstLine: 3)
                let plain = renderer.renderWithSystemAllocator(markdown: markdown, file: "a.md", firstLine: 3)
                XCTAssertEqual(arena.htmlBytes, plain.htmlBytes, "round \(round): \(markdown.debugDescription)")
                XCTAssertEqual(arena.plainText, plain.plainText, "round \(round)")
                XCTAssertEqual(arena.headings, plain.headings, "round \(round)")
                XCTAssertEqual(arena.links, plain.links, "round \(round)")
                XCTAssertEqual(arena.facts.summary, plain.facts.summary, "round \(round)")
            }
        }
    }

    func testRandomCallsKeepEveryLiveAllocationsBytes() {
        var random = SplitMix64(seed: 7)
        var arena = MarkdownArena()
        defer { arena.release() }
        for _ in 0..<20 {
            // Each live allocation with the byte it was filled with and its size.
            var live: [(pointer: UnsafeMutableRawPointer, fill: UInt8, size: Int)] = []
            for step in 0..<400 {
                let size = Int.random(in: 0...(step % 50 == 0 ? 600_000 : 300), using: &random)
                let fill = UInt8(truncatingIfNeeded: step)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !live.isEmpty:
                    let index = Int.random(in: live.indices, using: &random)
                    arena.free(live.remove(at: index).pointer)
                case 1 where !live.isEmpty:
                    let index = Int.random(in: live.indices, using: &random)
                    let old = live[index]
                    let moved = arena.reallocate(old.pointer, size: size)!
                    XCTAssertEqual(Int(bitPattern: moved) % 16, 0)
                    assertFilled(moved, with: old.fill, count: min(old.size, size))
                    moved.initializeMemory(as: UInt8.self, repeating: fill, count: size)
                    live[index] = (moved, fill, size)
                default:
                    let pointer = arena.allocateZeroed(count: 1, size: size)!
                    XCTAssertEqual(Int(bitPattern: pointer) % 16, 0)
                    assertFilled(pointer, with: 0, count: size)
                    pointer.initializeMemory(as: UInt8.self, repeating: fill, count: size)
                    live.append((pointer, fill, size))
                }
            }
            for allocation in live { assertFilled(allocation.pointer, with: allocation.fill, count: allocation.size) }
            arena.reset()
        }
        XCTAssertNil(arena.allocateZeroed(count: Int.max, size: 2))
    }

    func testKeptBuffersFillWholeBlocksOfTheAllocator() {
        for count in [0, 1, 215, 216, 217, 10_000, 123_457] {
            let capacity = MarkdownRenderer.keptCapacity(count, header: 32)
            XCTAssertGreaterThanOrEqual(capacity, count)
            XCTAssertLessThan(capacity, count + 256)
            XCTAssertEqual((capacity + 32 + 8) % 256, 0)
        }
    }

    private func assertFilled(_ pointer: UnsafeMutableRawPointer, with byte: UInt8, count: Int, line: UInt = #line) {
        let expected = [UInt8](repeating: byte, count: count)
        XCTAssertEqual(memcmp(pointer, expected, count), 0, "not all \(byte)", line: line)
    }
}

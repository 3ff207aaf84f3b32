extension String {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: Substring {
        WhitespaceTrimming.trimmed(self[...])
    }
}

extension Substring {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: Substring {
        WhitespaceTrimming.trimmed(self)
    }
}

/// Trimming white space, as `Character.isWhitespace` sees it. Every link of every page is trimmed.
package enum WhitespaceTrimming {
    package static func trimmed(_ text: Substring) -> Substring {
        quickTrimmed(text) ?? plainTrimmed(text)
    }

    /// Character by character: the rule.
    package static func plainTrimmed(_ text: Substring) -> Substring {
        var sub = text
        while let first = sub.first, first.isWhitespace { sub = sub[sub.index(after: sub.startIndex)...] }
        // Sliced, not `dropLast()`: a Substring's `dropLast` counts every character of the text first.
        while let last = sub.last, last.isWhitespace { sub = sub[..<sub.index(before: sub.endIndex)] }
        return sub
    }

    /// The same by bytes, for text whose ends are ASCII: ASCII white space is a character of its
    /// own (or `\r\n`), and so is an ASCII byte that is not, or it is the end of one that starts
    /// with no white space. Nil when the first or last byte kept would not be ASCII.
    package static func quickTrimmed(_ text: Substring) -> Substring? {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isASCIIWhitespace(utf8[start]) { utf8.formIndex(after: &start) }
        if start == end { return text[end...] }
        while isASCIIWhitespace(utf8[utf8.index(before: end)]) { utf8.formIndex(before: &end) }
        guard utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else { return nil }
        return text[start..<end]
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

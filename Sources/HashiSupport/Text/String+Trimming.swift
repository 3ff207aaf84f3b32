extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: Substring {
        var sub = self[...]
        while let first = sub.first, first.isWhitespace { sub = sub[sub.index(after: sub.startIndex)...] }
        // Sliced, not `dropLast()`: a Substring's `dropLast` counts every character of the text first.
        while let last = sub.last, last.isWhitespace { sub = sub[..<sub.index(before: sub.endIndex)] }
        return Substring(sub)
    }
}

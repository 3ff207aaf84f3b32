extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: Substring {
        var sub = self[...]
        // By index, a character at a time: `dropLast` on a substring counts every character first.
        while let first = sub.first, first.isWhitespace { sub = sub[sub.index(after: sub.startIndex)...] }
        while let last = sub.last, last.isWhitespace { sub = sub[..<sub.index(before: sub.endIndex)] }
        return Substring(sub)
    }
}

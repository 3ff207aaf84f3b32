extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: Substring {
        var sub = self[...]
        while let first = sub.first, first.isWhitespace { sub = sub.dropFirst() }
        while let last = sub.last, last.isWhitespace { sub = sub.dropLast() }
        return Substring(sub)
    }
}

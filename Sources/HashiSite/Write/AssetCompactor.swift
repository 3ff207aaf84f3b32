import Foundation
import HashiSupport

/// A theme's stylesheets and scripts as readers download them: without the comments and indentation
/// that are there for the theme's authors. A reader on a slow phone pays for every byte, and the
/// default theme's search page must stay under its weight budget in every language.
///
/// Only what cannot change the meaning goes: in CSS, comments outside strings and each line's
/// leading and trailing spaces; in JavaScript, lines that are only a comment and leading spaces,
/// and nothing at all in a script with a template literal or a line continued by a backslash
/// outside its comments, whose spaces may be part of a string.
package enum AssetCompactor {
    /// Whether an asset at `path` is one this compacts (a stylesheet or a script).
    package static func compacts(_ path: String) -> Bool {
        path.hasSuffix(".css") || path.hasSuffix(".js")
    }

    /// The key of a compacted asset: its source's bytes, and the rules that compact them.
    package static func key(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("compacted 1")
        hasher.combine(bytes)
        return hasher.finalize()
    }

    /// The compacted text of an asset at `path`, or nil when the asset is copied as it is.
    package static func compact(_ text: String, path: String) -> String? {
        // Byte by byte when no character is more than one scalar (the theme's assets): the same
        // rules, about a hundred times faster than character by character.
        let byBytes = text.count == text.unicodeScalars.count
        if path.hasSuffix(".css") { return byBytes ? quickCSS(text) : css(text) }
        if path.hasSuffix(".js") { return byBytes ? quickJavaScript(text) : javaScript(text) }
        return nil
    }

    static func css(_ text: String) -> String {
        var out = ""
        var quote: Character?
        var comment = false
        var previous: Character = " "
        for character in text {
            if comment {
                if previous == "*" && character == "/" { comment = false; previous = " " } else { previous = character }
                continue
            }
            if let open = quote {
                out.append(character)
                if character == open && previous != "\\" { quote = nil }
                previous = character
                continue
            }
            if character == "*" && out.last == "/" {
                out.removeLast()
                comment = true
                previous = " "
                continue
            }
            if character == "\"" || character == "'" { quote = character }
            out.append(character)
            previous = character
        }
        return lines(out)
    }

    static func javaScript(_ text: String) -> String? {
        var kept: [Substring] = []
        var inComment = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inComment {
                if trimmed.contains("*/") { inComment = !trimmed.hasSuffix("*/") }
                continue
            }
            if trimmed.hasPrefix("//") { continue }
            if trimmed.hasPrefix("/*") {
                inComment = !trimmed.contains("*/")
                if inComment || trimmed.hasSuffix("*/") { continue }
            }
            kept.append(trimmed)
        }
        guard !kept.contains(where: { $0.contains("`") || $0.hasSuffix("\\") }) else { return nil }
        return lines(kept.joined(separator: "\n"))
    }

    /// Each line without its leading and trailing spaces, and no empty line.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }
}

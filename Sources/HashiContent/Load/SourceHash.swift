import HashiSupport

/// A short fingerprint of a page's Markdown body, written as `translatedFrom:` in its translations.
///
/// FNV-1a (64 bits) over the body with line endings already made `\n` and trailing white space
/// of the whole body dropped, so saving a file on Windows does not make its translations stale.
public enum SourceHash {
    public static func of(_ body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.trimmingWhitespace.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(12))
    }
}

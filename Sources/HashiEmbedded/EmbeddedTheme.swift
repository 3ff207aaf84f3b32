import Foundation

/// The default theme, every file of `Templates/` baked in at build time, so that a downloaded
/// binary builds a site with no checkout beside it.
public enum EmbeddedTheme {
    /// The theme's files by their path in the theme folder (`layouts/page.mustache`), sorted.
    public static var files: [(path: String, bytes: [UInt8])] {
        embeddedThemeFiles.map { ($0.path, Array(Data(base64Encoded: $0.base64) ?? Data())) }
    }

    /// A folder holding the theme, written on first use into the user's cache
    /// (`$XDG_CACHE_HOME/hashi/theme-<hash>` or `~/.cache/hashi/…`, else the temporary folder).
    /// The builder reads theme folders from disk and copies assets from them, so the theme is
    /// written out once per theme version and reused by every later build.
    public static func folder() throws -> String {
        let parent = cacheFolder()
        let final = parent + "/theme-" + fingerprint()
        if FileManager.default.fileExists(atPath: final + "/layouts") { return final }
        // Written beside its place and renamed in: another build never sees half a theme.
        let partial = final + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        for file in files {
            let url = URL(fileURLWithPath: partial + "/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: final)
        } catch where FileManager.default.fileExists(atPath: final + "/layouts") {
            try? FileManager.default.removeItem(atPath: partial)  // another build put it there first
        }
        return final
    }

    private static func cacheFolder() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/hashi" }
        if let home = environment["HOME"], home.hasPrefix("/"), FileManager.default.isWritableFile(atPath: home) {
            return home + "/.cache/hashi"
        }
        return NSTemporaryDirectory() + "hashi-\(getuid())"
    }

    /// FNV-1a over every path and content: a changed theme gets a folder of its own.
    static func fingerprint() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in embeddedThemeFiles {
            for byte in file.path.utf8 + [0] + file.base64.utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

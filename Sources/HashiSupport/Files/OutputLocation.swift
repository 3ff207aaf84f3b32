import Foundation

/// Where an output folder really is, and the folder beside it (`<output>.hashi-staging`) that holds
/// a build's lock, what it writes before it is put in place, and what hashi keeps of this machine
/// between builds (the stamps of the sources it read), which is no part of the site.
package struct OutputLocation: Sendable {
    /// The output folder, at the target of a symbolic link.
    package let directory: String
    /// The output as given, when it is a symbolic link (`site` → `www/current`).
    package let link: String?

    package init(_ output: String) {
        let trimmed = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        var info = stat()
        let isLink = lstat(trimmed, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        let target = isLink ? DirectoryWalker.realPath(trimmed) : nil
        link = isLink ? trimmed : nil
        directory = target ?? trimmed
    }

    package var stagingRoot: String { directory + ".hashi-staging" }
}

import Foundation
import PackagePlugin

/// Bakes the default theme (every file of `Templates/`) and the version into the binary, so that a
/// downloaded `hashi` needs no checkout. The Swift source is written into the plugin's work folder
/// on every build by `scripts/embed-theme.sh`, which rewrites it only when it changes; nothing
/// generated is committed.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let generated = context.pluginWorkDirectoryURL.appending(path: "generated")
        // A prebuild command runs on every build: a new commit or a new theme file is seen at once.
        return [.prebuildCommand(
            displayName: "Embedding Templates/ and the version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [package.appending(path: "scripts/embed-theme.sh").path, package.path, generated.path],
            outputFilesDirectory: generated)]
    }
}

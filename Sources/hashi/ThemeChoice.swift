import ArgumentParser
import Foundation
import HashiEmbedded

/// Which theme folders a build uses when `--templates` is not given: `Templates/` in the working
/// folder when there is one (a checkout of the microsite), else the theme inside the binary.
/// An overlay's `Templates/` and the folders `site.yaml` names are laid over either.
func defaultTemplateFolders() throws -> [String] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: "Templates", isDirectory: &isFolder), isFolder.boolValue {
        return ["Templates"]
    }
    do {
        return [try EmbeddedTheme.folder()]
    } catch {
        throw ValidationError("cannot write the built-in theme to the cache folder: \(error.localizedDescription)")
    }
}

import Foundation
import HashiSupport

extension Brand {
    /// Finds the logo in the folder of the `site.yaml` that named it, else among the theme's assets,
    /// and sets `logoOutputPath`. Returns the file to copy (none for a theme asset, copied with the theme).
    package func resolvingLogo(contentDirectory: String, themeAssets: [StaticFile]) -> (Brand, StaticFile?, [Diagnostic]) {
        guard let logo else { return (self, nil, []) }
        var brand = self
        let path = (folder.isEmpty ? contentDirectory : folder) + "/" + logo
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            let output = "assets/brand/" + (logo.split(separator: "/").last.map(String.init) ?? logo)
            brand.logoOutputPath = output
            return (brand, StaticFile(outputPath: output, sourcePath: path), [])
        }
        if themeAssets.contains(where: { $0.outputPath == logo }) {
            brand.logoOutputPath = logo
            return (brand, nil, [])
        }
        return (brand, nil, [Diagnostic(BrandProblem.logoMissing(logo: logo), at: logoLocation)])
    }
}

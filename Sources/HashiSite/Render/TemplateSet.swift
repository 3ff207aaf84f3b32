import Foundation
import HashiContent
import HashiSupport

/// The templates, UI strings and assets of one or more theme folders; for each file the first folder that has it wins.
public struct TemplateSet: Sendable {
    /// Every template, compiled: the one engine that renders them.
    let compiled: CompiledTemplates
    /// Template names (`page`, `header`) to the file they came from, for diagnostics.
    /// A template is named by its file name alone, so `{{<base}}` and `{{>header}}` need no folder.
    public let templateFiles: [String: String]
    /// The names of the templates in `layouts/`, which pages can use.
    public let layouts: Set<String>
    /// The base theme folder as the user named it, for diagnostics about what it lacks.
    public let displayFolder: String
    public let strings: UIStrings
    /// Asset paths under `assets/` to the file to copy.
    public let assets: [StaticFile]
    /// A hash of every template and UI string file: a page made with other templates is made anew.
    public let key: UInt64

    /// - Parameters:
    ///   - folders: theme folders, overrides first and the base theme last.
    ///   - displayFolders: how to name each folder in diagnostics.
    public static func load(folders: [String], displayFolders: [String], languages: [Language]) -> (TemplateSet?, [Diagnostic]) {
        var (chosen, diagnostics) = chooseFiles(folders: folders, displayFolders: displayFolders)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        var nodes: [String: [CompiledTemplates.Node]] = [:]
        var tags: [String: [TemplateTag]] = [:]
        var templateFiles: [String: String] = [:]
        var sources: [String: String] = [:]
        var layouts: Set<String> = []
        var assets: [StaticFile] = []
        var stringFiles: [String: (text: String, display: String)] = [:]
        for (path, file) in chosen.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("assets/") {
                assets.append(StaticFile(outputPath: path, sourcePath: file.absolute, displayPath: file.display))
                continue
            }
            let bytes: [UInt8]
            switch FileReader.read(atPath: file.absolute) {
            case .success(let read): bytes = read
            case .failure(let failure):
                diagnostics.append(Diagnostic(FileProblem.fileUnreadable(reason: failure.text), at: SourceLocation(file: file.display)))
                continue
            }
            let text: String
            switch TextDecoder.decode(bytes) {
            case .success(let decoded): text = decoded
            case .failure(let failure):
                diagnostics.append(ContentLoader.diagnostic(for: failure, file: file.display))
                continue
            }
            if path.hasSuffix(".mustache") {
                let name = String(path.split(separator: "/").last!.dropLast(".mustache".count))
                if let other = templateFiles[name] {
                    diagnostics.append(Diagnostic(RenderProblem.duplicateTemplate(name: name, other: other),
                                                  at: SourceLocation(file: file.display)))
                    continue
                }
                if path.hasPrefix("layouts/") { layouts.insert(name) }
                var parser = TemplateParser(text)
                do {
                    nodes[name] = try parser.parseAll()
                    tags[name] = parser.tags
                    templateFiles[name] = file.display
                    sources[name] = text
                } catch {
                    let (line, column) = TemplateChecker.position(of: error.offset, in: text)
                    diagnostics.append(Diagnostic(RenderProblem.syntax(message: error.message),
                                                  at: SourceLocation(file: file.display, line: line, column: column)))
                }
            } else if path.hasPrefix("i18n/"), path.hasSuffix(".yaml") {
                let code = String(path.dropFirst("i18n/".count).dropLast(".yaml".count))
                stringFiles[code] = (text, file.display)
            }
        }
        let (strings, stringDiagnostics) = UIStrings.load(files: stringFiles, languages: languages,
                                                          displayFolder: displayFolders.last ?? "Templates")
        diagnostics += stringDiagnostics
        diagnostics += TemplateChecker(sources: sources, tags: tags, files: templateFiles, strings: strings).check()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += ExternalRequestLint.template(text, file: templateFiles[name] ?? name)
        }
        for asset in assets where asset.outputPath.hasSuffix(".css") {
            if let bytes = FileReader.bytes(atPath: asset.sourcePath) {
                let display = chosen[asset.outputPath]?.display ?? asset.outputPath
                diagnostics += ExternalRequestLint.stylesheet(String(decoding: bytes, as: UTF8.self), file: display)
            }
        }
        var hasher = StableHasher()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) + stringFiles.map({ ("i18n/" + $0.key, $0.value.text) }).sorted(by: { $0.0 < $1.0 }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        let set = TemplateSet(compiled: CompiledTemplates(templates: nodes), templateFiles: templateFiles, layouts: layouts,
                              displayFolder: displayFolders.last ?? "Templates", strings: strings, assets: assets,
                              key: hasher.finalize())
        return (diagnostics.hasErrors ? nil : set, diagnostics)
    }

    /// Each file of the theme folders from the first folder that has it, by its path in the folder.
    private static func chooseFiles(folders: [String], displayFolders: [String]) -> ([String: (absolute: String, display: String)], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var chosen: [String: (absolute: String, display: String)] = [:]
        for (folder, display) in zip(folders, displayFolders) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                diagnostics.append(Diagnostic(RenderProblem.templatesFolderMissing, at: SourceLocation(file: display)))
                continue
            }
            let (entries, walkDiagnostics) = DirectoryWalker(root: folder, displayRoot: display).files()
            diagnostics += walkDiagnostics
            for entry in entries where chosen[entry.relativePath] == nil {
                chosen[entry.relativePath] = (entry.absolutePath, display + "/" + entry.relativePath)
            }
        }
        return (chosen, diagnostics)
    }

    public func hasLayout(_ name: String) -> Bool { layouts.contains(name) }

    /// The template `name` filled from `context` (UTF-8), or nil when there is no such template.
    func render(_ context: TemplateValue, template name: String) -> [UInt8]? {
        compiled.render(name, context: context)
    }
}

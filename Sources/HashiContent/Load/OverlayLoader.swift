import Foundation
import Yams
import HashiSupport

/// Reads an organisation's overlay folder (`--overlay DIR`) and lays it over the loaded content,
/// so an NGO rebrands the site and adds its own channels without editing the content folder:
///
///     DIR/site.yaml                      brand: and baseURL: only; they replace the content's
///     DIR/data/reporting-channels.yaml   channels that replace the content's by id, or are added after them
///
/// The languages, their `footer` (the source's credit and license) and the menus stay the content's.
public struct OverlayLoader: Sendable {
    static let keys: Set<String> = ["brand", "baseURL"]

    public let directory: String
    public let displayDirectory: String

    public init(directory: String, displayDirectory: String) {
        self.directory = directory
        self.displayDirectory = displayDirectory
    }

    public func apply(to content: LoadedContent) -> (LoadedContent, [Diagnostic]) {
        var content = content
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            return (content, [Diagnostic(ContentProblem.overlayFolderMissing, at: SourceLocation(file: displayDirectory))])
        }
        var diagnostics: [Diagnostic] = []
        let settings = read("site.yaml", diagnostics: &diagnostics)
        let channelsFile = read("data/" + ReportingChannels.fileName, diagnostics: &diagnostics)
        if let settings {
            var reader = YAMLReader(file: settings.displayPath)
            if let root = reader.parse(settings.text),
               let pairs = reader.mapping(root, allowed: Self.keys, what: "an overlay's site.yaml") {
                for (key, _, value) in pairs {
                    if key == "brand", var brand = BrandLoader(languages: content.config.languages).load(value, reader: &reader) {
                        brand.folder = directory
                        content.config.brand = brand
                    } else if key == "baseURL", let url = reader.string(value, key: key) {
                        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                            reader.report(SiteConfigProblem.invalidBaseURL, at: value)
                            continue
                        }
                        content.config.baseURL = url
                    }
                }
            }
            diagnostics += reader.diagnostics
        }
        if let channelsFile {
            let (overlay, channelDiagnostics) = ReportingChannelsLoader(languages: content.config.languages, missingTranslation: content.config.missingTranslation).load(channelsFile)
            diagnostics += channelDiagnostics
            if let overlay {
                content.channels = content.channels.map { $0.overlaid(with: overlay) } ?? overlay
            }
        }
        if settings == nil && channelsFile == nil {
            diagnostics.append(Diagnostic(ContentProblem.overlayEmpty(channelsFile: ReportingChannels.fileName),
                                         at: SourceLocation(file: displayDirectory)))
        }
        return (content, diagnostics)
    }

    private func read(_ relative: String, diagnostics: inout [Diagnostic]) -> DataFile? {
        let displayPath = displayDirectory + "/" + relative
        let bytes: [UInt8]
        switch FileReader.read(atPath: directory + "/" + relative) {
        case .success(let read): bytes = read
        case .failure(let failure) where failure.isMissing: return nil
        case .failure(let failure):
            diagnostics.append(Diagnostic(FileProblem.fileUnreadable(reason: failure.text), at: SourceLocation(file: displayPath)))
            return nil
        }
        switch TextDecoder.decode(bytes) {
        case .success(let text):
            return DataFile(name: String(relative.split(separator: "/").last ?? ""), displayPath: displayPath, text: text)
        case .failure(let failure):
            diagnostics.append(ContentLoader.diagnostic(for: failure, file: displayPath))
            return nil
        }
    }
}

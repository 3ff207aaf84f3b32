import Foundation
import HashiContent
import HashiSupport

/// Warns about what a copy of a worked example still holds (docs/REUSE.md's `Examples/ngo-overlay/`,
/// or the commented example of `hashi init`): addresses under the reserved `.example` names, which
/// reach no one, the example channel's `id`, and the example organisation's name in a footer. They
/// build without an error, so without a warning they would go live.
struct ExampleLeftovers {
    /// Reserved for examples (RFC 2606): a link or address there reaches no one.
    /// (A computed property: a Regex is not Sendable, so it cannot be a shared constant.)
    static var exampleAddress: Regex<Substring> { /[A-Za-z0-9-]+\.example(?![A-Za-z0-9-]|\.[A-Za-z])|\bexample\.(?:com|org|net)\b/.wordBoundaryKind(.simple) }
    /// The ids of the examples' channels.
    static let exampleChannelIDs = ["example-support-network", "your-helpline"]
    /// The example organisation's name, as the worked example's footer line shows it.
    static let exampleNames = ["Example Support Network", "サンプル支援ネットワーク"]
    static let extensions: Set<String> = ["yaml", "yml", "mustache", "html", "css", "js", "md"]

    /// The organisation's own files: the overlay folder, the content folder's settings and data,
    /// and every theme folder but the base theme (the last).
    let files: [String]

    init(options: BuildOptions, templateFolders: [String]) {
        var files: [String] = []
        for folder in [options.overlayDirectory, options.contentDirectory].compactMap({ $0 }) {
            files += [folder + "/site.yaml", folder + "/data/" + ReportingChannels.fileName]
        }
        for folder in templateFolders.dropLast() {
            let (entries, _) = DirectoryWalker(root: folder, displayRoot: folder).files()
            files += entries.map(\.absolutePath).filter { Self.extensions.contains(($0 as NSString).pathExtension) }
        }
        self.files = Array(Set(files)).sorted()
    }

    var diagnostics: [Diagnostic] {
        files.flatMap { file -> [Diagnostic] in
            guard let bytes = FileReader.bytes(atPath: file) else { return [] }
            return Self.leftovers(in: String(decoding: bytes, as: UTF8.self), file: file)
        }
    }

    /// One warning a leftover, at its line; YAML comment lines are left alone.
    static func leftovers(in text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let isYAML = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
        let address = exampleAddress
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if isYAML && line.drop(while: { $0 == " " }).hasPrefix("#") { continue }
            func warn(_ column: Substring.Index, _ problem: ExampleProblem) {
                let column = line.distance(from: line.startIndex, to: column) + 1
                found.append(Diagnostic(problem, at: SourceLocation(file: file, line: index + 1, column: column)))
            }
            for match in line.matches(of: address) {
                warn(match.range.lowerBound, .address(String(match.output)))
            }
            for id in exampleChannelIDs {
                if let range = line.firstRange(of: "id: " + id), line[..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "-" }) {
                    warn(range.lowerBound, .channelID(id))
                }
            }
            for name in exampleNames {
                if let range = line.firstRange(of: name) {
                    warn(range.lowerBound, .organisation(name))
                }
            }
        }
        return found
    }
}

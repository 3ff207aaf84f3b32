import HashiContent
import HashiSite
import HashiSupport

/// Every kind of problem hashi reports, one sample a case, by stage: what the code tests and
/// docs/DIAGNOSTICS.md are checked against.
enum DiagnosticCatalog {
    struct Kind {
        let stage: String
        /// The file that holds the enum's words, from the repository root.
        let file: String
        let type: String
        let samples: [any DiagnosticProblem]
    }

    static let kinds: [Kind] = [
        Kind(stage: "load", file: "Sources/HashiSupport/Files/FileDiagnostics.swift", type: "FileProblem", samples: FileProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "YAMLProblem", samples: YAMLProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "ContentProblem", samples: ContentProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "FrontMatterProblem",
             samples: FrontMatterProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "SiteConfigProblem",
             samples: SiteConfigProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "BrandProblem", samples: BrandProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "ChannelProblem", samples: ChannelProblem.samples),
        Kind(stage: "load", file: "Sources/HashiContent/Load/LoadDiagnostics.swift", type: "ExampleProblem", samples: ExampleProblem.samples),
        Kind(stage: "parse", file: "Sources/HashiContent/Parse/ParseDiagnostics.swift", type: "ParseProblem", samples: ParseProblem.samples),
        Kind(stage: "model", file: "Sources/HashiContent/Model/ModelDiagnostics.swift", type: "ModelProblem", samples: ModelProblem.samples),
        Kind(stage: "model", file: "Sources/HashiContent/Model/ModelDiagnostics.swift", type: "LinkProblem", samples: LinkProblem.samples),
        Kind(stage: "render", file: "Sources/HashiSite/Render/RenderDiagnostics.swift", type: "RenderProblem", samples: RenderProblem.samples),
        Kind(stage: "index", file: "Sources/HashiSite/Index/IndexDiagnostics.swift", type: "IndexProblem", samples: IndexProblem.samples),
        Kind(stage: "write", file: "Sources/HashiSite/Write/SiteOutput.swift", type: "OutputFailure", samples: OutputFailure.samples),
        Kind(stage: "write", file: "Sources/HashiSite/Write/WriteDiagnostics.swift", type: "ArchiveProblem", samples: ArchiveProblem.samples),
    ]

    /// Every code hashi can emit.
    static var codes: Set<String> { Set(kinds.flatMap { $0.samples.map(\.code) }) }

    /// The name of a sample's case: `missingPage` of `missingPage(path: "a.md")`.
    static func caseName(_ problem: any DiagnosticProblem) -> String {
        Mirror(reflecting: problem).children.first?.label ?? String(describing: problem)
    }
}

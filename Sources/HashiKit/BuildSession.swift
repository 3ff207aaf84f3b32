import HashiServe
import HashiSite

/// The builds of one `hashi serve`: each into memory, starting from what the last one kept there
/// (its pages by key, its cache of parsed sources), so an edit re-reads, re-parses and re-renders
/// only what it changed. A failed build leaves the last good site in `memory`.
public final class BuildSession: @unchecked Sendable {  // `rebuild` is called from one thread at a time
    public let options: BuildOptions
    public let memory = MemoryOutput()

    public init(options: BuildOptions) {
        self.options = options
    }

    public func rebuild() -> BuildResult {
        Build(options: options).run(writingTo: memory, earlierCache: memory.file(BuildCache.path))
    }
}

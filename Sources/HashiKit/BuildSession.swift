import Foundation
import HashiContent
import HashiServe
import HashiSite

/// The builds of one `hashi serve`: each into memory, starting from what the last one kept (its
/// pages by key, its cache of parsed sources, held as objects rather than bytes), so an edit
/// re-parses and re-renders only what it changed. A failed build leaves the last good site in `memory`.
public final class BuildSession: @unchecked Sendable {  // `rebuild` runs on one thread at a time; `good` is shared with `write` under `lock`
    public let options: BuildOptions
    public let memory = MemoryOutput()
    /// The cache of the last build, and whether that build succeeded.
    private var last: (cache: BuildCache, succeeded: Bool)?
    /// The cache of the last good build: it goes to disk with the site it made.
    private var good: BuildCache?
    private let lock = NSLock()
    /// The last load, for the next.
    let loads = LoadMemory()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A build into memory. `changed`: the paths the watcher saw change since the last build, so
    /// that an edit of pages reads only those; nil when not known (everything is looked at).
    public func rebuild(changed: Set<String>? = nil) -> BuildResult {
        // The first build starts from the cache an earlier `hashi build` left in the output folder, if any.
        let cache = last.map { $0.cache.carriedOver(keepingEarlier: !$0.succeeded) }
            ?? BuildCache(outputDirectory: options.outputDirectory, contentFolder: options.contentDirectory)
        loads.changed = changed
        let result = Build(options: options).run(writingTo: memory, sessionCache: cache, loadMemory: loads)
        last = (cache, result.succeeded)
        if result.succeeded { lock.withLock { good = cache } }
        return result
    }

    /// The last good site, with its cache, to the output folder, as `hashi build` would leave it.
    public func write() throws(OutputFailure) {
        let cache = lock.withLock { good }
        try memory.write(to: options.outputDirectory, extra: cache.map { [BuildCache.path: $0.encoded()] } ?? [:])
    }
}

import HashiSupport

/// The YAML header of a Markdown file.
public struct FrontMatter: Sendable, Hashable {
    public var title: String = ""
    public var description: String?
    public var date: SimpleDate?
    public var draft: Bool = false
    public var weight: Int = 0
    public var slug: String?
    public var translationKey: String?
    public var layout: String?
    public var tags: [String] = []
    /// In a translation: the `SourceHash` of the page it was translated from, to tell when it is stale.
    public var translatedFrom: String?

    public init() {}

    static let keys: Set<String> = ["title", "description", "date", "draft", "weight", "slug", "translationKey", "layout", "tags", "translatedFrom"]
}

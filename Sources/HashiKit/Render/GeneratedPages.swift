/// The pages hashi makes without Markdown: the root language chooser, and each language's search
/// and "page not found" pages (a 404 at the root too, in the default language, for hosts that use it).
struct GeneratedPages {
    struct Entry {
        var layout: String
        var title: String
        var outputPath: String
        var language: Language
    }

    let site: Site
    /// Layouts a theme may leave out; the pages that need them are then not made.
    static let optionalLayouts: Set<String> = ["404", Self.channelsEmbedLayout]
    /// The reporting channels on a page of their own, CSS inside and no script, to copy into other sites.
    static let channelsEmbedLayout = "channels-embed"

    /// The pages to make with the layouts a theme has.
    func entries(hasLayout: (String) -> Bool) -> [Entry] {
        all.filter { !Self.optionalLayouts.contains($0.layout) || hasLayout($0.layout) }
    }

    var all: [Entry] {
        var entries = [Entry(layout: "root", title: site.languages.map(\.title).joined(separator: " / "),
                             outputPath: "index.html", language: site.config.defaultLanguage),
                       Entry(layout: "404", title: site.config.defaultLanguage.title, outputPath: "404.html",
                             language: site.config.defaultLanguage)]
        for language in site.languages {
            entries.append(Entry(layout: "search", title: language.title, outputPath: language.code + "/search/index.html",
                                 language: language))
            entries.append(Entry(layout: "404", title: language.title, outputPath: language.code + "/404.html", language: language))
            if site.channels != nil {
                entries.append(Entry(layout: Self.channelsEmbedLayout, title: language.title,
                                     outputPath: language.code + "/channels-embed/index.html", language: language))
            }
        }
        return entries
    }
}

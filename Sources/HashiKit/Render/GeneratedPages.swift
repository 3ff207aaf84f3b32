/// The pages hashi makes without Markdown: the root language chooser and each language's search page.
struct GeneratedPages {
    struct Entry {
        var layout: String
        var title: String
        var outputPath: String
        var language: Language
    }

    let site: Site

    var all: [Entry] {
        var entries = [Entry(layout: "root", title: site.languages.map(\.title).joined(separator: " / "),
                             outputPath: "index.html", language: site.config.defaultLanguage)]
        for language in site.languages {
            entries.append(Entry(layout: "search", title: language.title, outputPath: language.code + "/search/index.html",
                                 language: language))
        }
        return entries
    }
}

import HashiContent
import HashiSupport

/// The pages of the table of generated outputs (`GeneratedOutputs`) that the Render stage makes.
struct GeneratedPages {
    typealias Entry = GeneratedOutputs.GeneratedPage

    let site: Site
    static let optionalLayouts = GeneratedOutputs.optionalLayouts
    static let channelsEmbedLayout = GeneratedOutputs.channelsEmbedLayout

    /// The pages to make with the layouts a theme has.
    func entries(hasLayout: (String) -> Bool) -> [Entry] {
        site.generatedOutputs.pages(hasLayout: hasLayout)
    }

    var all: [Entry] { site.generatedOutputs.allPages }
}

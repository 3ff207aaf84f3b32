import HashiSupport

// Every problem the Model stage reports, with its stable code, severity and words: where pages
// land, how they pair across languages, and where their links lead.

/// What is wrong with where a page or file would be written, or with the menus that name them.
package enum ModelProblem: DiagnosticProblem, Equatable {
    case duplicateURL(url: String, earlier: String)
    case pageOnGeneratedPath(url: String, role: String, path: String)
    case fileReplacesPage(outputPath: String, owner: String)
    case fileOnGeneratedPath(outputPath: String, role: String, path: String)
    case menuEntryMissing(path: String)
    case helpPageMissing(path: String)
    case duplicateTranslationKey(key: String, other: String)
    case missingTranslation(languages: String, fails: Bool)
    case outdatedTranslation(source: String, recorded: String, current: String, translation: String)

    package var code: String {
        switch self {
        case .duplicateURL: "page.duplicate-url"
        case .pageOnGeneratedPath: "page.generated-path"
        case .fileReplacesPage: "static.replaces-page"
        case .fileOnGeneratedPath: "static.generated-path"
        case .menuEntryMissing: "menu.missing-page"
        case .helpPageMissing: "help.missing-page"
        case .duplicateTranslationKey: "translation.duplicate-key"
        case .missingTranslation: "translation.missing"
        case .outdatedTranslation: "translation.outdated"
        }
    }

    package var severity: Diagnostic.Severity {
        switch self {
        case .missingTranslation(_, let fails): fails ? .error : .warning
        case .outdatedTranslation: .warning
        default: .error
        }
    }

    package var message: String {
        switch self {
        case let .duplicateURL(url, earlier): "page writes the same URL \(url) as \(earlier); change its slug or file name"
        case let .pageOnGeneratedPath(url, role, path):
            "this page would be written to \(url)index.html, where hashi writes \(role) (\(path)); change its slug or file name"
        case let .fileReplacesPage(outputPath, owner): "this file would replace \(outputPath), where hashi writes \(owner); rename or move it"
        case let .fileOnGeneratedPath(outputPath, role, path):
            "this file would be copied to \(outputPath), where hashi writes \(role) (\(path)); rename or move it"
        case .menuEntryMissing(let path): "menu entry \"\(path)\" is not a page of any language (write paths as under Content/<lang>/)"
        case .helpPageMissing(let path): "helpPage \"\(path)\" is not a page of any language"
        case let .duplicateTranslationKey(key, other): "translationKey \"\(key)\" is also used by \(other) in the same language"
        case let .missingTranslation(languages, fails):
            "page has no translation in \(languages)" + (fails ? " (missingTranslation: fail in site.yaml)" : "")
        case let .outdatedTranslation(source, recorded, current, translation):
            "translation is older than its source \(source) (translatedFrom: \(recorded), source is now \(current)); "
                + "update it, then run hashi stamp \(translation)"
        }
    }

    package static let samples: [ModelProblem] = [
        .duplicateURL(url: "en/a/", earlier: "Content/en/a.md"), .pageOnGeneratedPath(url: "en/search/", role: "r", path: "p"),
        .fileReplacesPage(outputPath: "en/a/index.html", owner: "o"), .fileOnGeneratedPath(outputPath: "o", role: "r", path: "p"),
        .menuEntryMissing(path: "a.md"), .helpPageMissing(path: "a.md"), .duplicateTranslationKey(key: "k", other: "o"),
        .missingTranslation(languages: "\"ja\"", fails: false),
        .outdatedTranslation(source: "s", recorded: "r", current: "c", translation: "t"),
    ]
}

/// What is wrong with a link or image a page's Markdown writes.
package enum LinkProblem: DiagnosticProblem, Error, Equatable {
    case externalImage(destination: String)
    case removed(destination: String)
    case missingPage(path: String)
    case missingPageOrFile(path: String)
    case missingHeading(id: String, page: String, hint: String)

    package var code: String {
        switch self {
        case .externalImage: "link.external-image"
        case .removed: "link.removed"
        case .missingPage: "link.missing-page"
        case .missingPageOrFile: "link.missing-file"
        case .missingHeading: "link.missing-heading"
        }
    }

    package var severity: Diagnostic.Severity {
        if case .removed = self { return .warning }
        return .error
    }

    package var message: String {
        switch self {
        case .externalImage(let destination):
            "image from another site '\(destination)': the site requests nothing "
                + "from outside itself; save the image beside the page and link to the file"
        case .removed(let destination): "link to \"\(destination)\" removed: that kind of link can run code or hide content"
        case .missingPage(let path): "link to missing page '\(path)'"
        case .missingPageOrFile(let path): "link to missing page or file '\(path)'"
        case let .missingHeading(id, page, hint): "link to missing heading '#\(id)' on \(page) (\(hint))"
        }
    }

    package static let samples: [LinkProblem] = [
        .externalImage(destination: "https://example.org/a.png"), .removed(destination: "javascript:x"), .missingPage(path: "a.md"),
        .missingPageOrFile(path: "a.png"), .missingHeading(id: "x", page: "Content/en/a.md", hint: "it has no headings"),
    ]
}

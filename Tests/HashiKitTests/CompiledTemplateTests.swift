import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Every template renders through hashi's one engine: these show what a theme author sees, the
/// Mustache spec (`MustacheSpecTests`) covers the rest.
final class CompiledTemplateTests: XCTestCase {
    private let context = TemplateValue.object([
        "a": .string("<b class=\"x\">Tom & 'Jerry'</b>"),
        "b": .string("日本語"),
        "n": .scalar("42"),
        "flag": .bool(true),
        "off": .bool(false),
        "str": .string(""),
        "empty": .list([]),
        "strs": .list([.string("p"), .string("q")]),
        "list": .list([.object(["a": .string("one")]), .object(["a": .string("two"), "x": .object(["y": .string("deep")])])]),
        "obj": .object(["a": .string("inner"), "x": .object(["y": .string("nested")])]),
        "t": .object(["skip": .string("Skip <to> content"), "menu": .string("Menu")]),
        "body": .bytes(Array("<p>body & more</p>".utf8)),
    ])

    private func render(_ sources: [String: String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            let compiled = try CompiledTemplates(sources: sources)
            return compiled.render("main", context: context).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            XCTFail("\(error.template): \(error.failure.message)", file: file, line: line)
            return nil
        }
    }

    func testValuesAreEscapedOnceTheSameWayEverywhere() {
        XCTAssertEqual(render(["main": "<p>{{a}}|{{{a}}}|{{& a }}|{{b}}|{{n}}|{{flag}}|{{missing}}|{{body}}|{{{body}}}</p>\n"]),
                       "<p>&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;|<b class=\"x\">Tom & 'Jerry'</b>|"
                       + "<b class=\"x\">Tom & 'Jerry'</b>|日本語|42|true||&lt;p&gt;body &amp; more&lt;/p&gt;|<p>body & more</p></p>\n")
        XCTAssertEqual(render(["main": "{{obj.a}} {{obj.x.y}} {{#obj}}{{a}} {{.a}} {{x.y}} {{b}} {{.b}}{{/obj}} {{t.skip}}"]),
                       "inner nested inner inner nested 日本語  Skip &lt;to&gt; content")
    }

    func testSectionsAndInvertedSections() {
        XCTAssertEqual(render(["main": """
            {{#list}}[{{a}}{{#x}}:{{y}}{{/x}}]{{/list}}
            {{#strs}}<{{.}}>{{/strs}}{{^strs}}none{{/strs}}
            {{#empty}}x{{/empty}}{{^empty}}empty{{/empty}}
            {{#flag}}on{{/flag}}{{^flag}}off{{/flag}} {{#off}}on{{/off}}{{^off}}off{{/off}}
            {{#str}}string:{{.}};{{/str}}{{^missing}}missing{{/missing}} {{#n}}n={{.}}{{/n}}
            """]), "[one][two:deep]\n<p><q>\nempty\non off\nstring:;missing n=42")
    }

    func testStandaloneLinesDisappearWhateverTheLineEnds() {
        XCTAssertEqual(render(["main": "<ul>\n  {{#strs}}\n  <li>{{.}}</li>\n  {{/strs}}\n</ul>\n  {{! a comment }}\nend {{! inline }} here\n"]),
                       "<ul>\n  <li>p</li>\n  <li>q</li>\n</ul>\nend  here\n")
        XCTAssertEqual(render(["main": "a\r\n  {{#flag}}\r\nb\r\n  {{/flag}}\r\nc\r\n"]), "a\r\nb\r\nc\r\n")
        XCTAssertEqual(render(["main": "x\n  {{#flag}}  \ny\n  {{/flag}}  "]), "x\ny\n")
        XCTAssertEqual(render(["main": "x\n  "]), "x\n  ")
    }

    func testIndentedPartialsIndentEveryLine() {
        XCTAssertEqual(render([
            "main": "<div>\n  {{>item}}\n  <span>{{>item}}</span>\n</div>\n",
            "item": "<p>\n{{b}}\n</p>\n",
        ]), "<div>\n  <p>\n  日本語\n  </p>\n  <span><p>\n日本語\n</p>\n</span>\n</div>\n")
        XCTAssertEqual(render(["main": "a\r\n  {{>item}}\r\n", "item": "1\r\n2\r\n"]), "a\r\n  1\r\n  2\r\n")
    }

    func testLayoutsWithBlocks() {
        XCTAssertEqual(render([
            "base": "<html>\n<title>{{$title}}default{{/title}}</title>\n<body>\n{{$main}}{{/main}}\n</body>\n",
            "layout": "{{<base}}\n{{$main}}\n<article>\n  {{$body}}layout body{{/body}}\n</article>\n{{/main}}\n{{/base}}\n",
            "main": "{{<layout}}\n{{$title}}{{b}}{{/title}}\n{{$body}}\n<h1>{{a}}</h1>\n{{/body}}\n{{/layout}}\n",
        ]), "<html>\n<title>日本語</title>\n<body>\n<article>\n  <h1>&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</h1>\n\n</article>\n\n</body>\n")
    }

    func testDelimitersCanChange() {
        XCTAssertEqual(render(["main": "{{=<% %>=}}\n<% b %> {{b}}\n<%={{ }}=%>\n{{b}}"]), "日本語 {{b}}\n日本語")
        XCTAssertEqual(render(["main": "{{=« »=}}«b» «{b}» «#flag»日本«/flag»"]), "日本語 日本語 日本")
    }

    /// Text the byte-by-byte reading must leave alone: marks that join a character to a brace or a
    /// line end, lone carriage returns, line separators.
    func testAnyUnicodeTextIsKeptAsItIs() {
        XCTAssertEqual(render(["main": "a\rb{{#flag}}\u{301}{{/flag}}\u{2028}{{b}}\u{301}\n\u{301}{{!x}}\u{200D}"]),
                       "a\rb\u{301}\u{2028}日本語\u{301}\n\u{301}\u{200D}")
    }

    func testWhatCannotBeReadIsAnErrorAtItsTag() {
        let cases: [(String, Int, String)] = [
            ("x{{#a}}y", 1, "section \"a\" is never closed"),
            ("x{{#a}}{{/b}}", 7, "section \"a\" is closed by \"b\""),
            ("x {{a", 2, "a tag is not closed with }}"),
            ("x {{", 2, "a tag is not closed with }}"),
            ("{{%PRAGMA}}", 0, "pragmas ({{%...}}) are not supported"),
            ("{{>*name}}", 0, "dynamic names such as \"*name\" are not supported: name the partial itself"),
            ("{{=<% %>=}}<%a", 11, "a tag is not closed with %>"),
            ("a\n {{ title | upper }}", 3, "transforms such as \"title | upper\" are not supported: hashi shows a value as it is"),
            ("{{= x =}}", 0, "a delimiter change needs two delimiters apart by a space, as in {{=<% %>=}}"),
        ]
        for (source, offset, message) in cases {
            var parser = TemplateParser(source)
            XCTAssertThrowsError(try parser.parseAll(), source) { error in
                XCTAssertEqual(error as? TemplateParser.Failure, TemplateParser.Failure(offset: offset, message: message), source)
            }
        }
    }

    /// Whatever tags a template uses, a value comes out escaped the same way (a mark after `<`
    /// included, which a reading by characters would leave unescaped).
    func testOtherDelimitersRenderThroughTheSameEngine() throws {
        let value = TemplateValue.object(["a": .string("<\u{301}b> & 'c'")])
        let plain = try CompiledTemplates(sources: ["main": "{{a}}|{{{a}}}"]).render("main", context: value)
        let changed = try CompiledTemplates(sources: ["main": "{{=<% %>=}}<%a%>|<%{a}%>"]).render("main", context: value)
        XCTAssertEqual(plain, Array("&lt;\u{301}b&gt; &amp; &#39;c&#39;|<\u{301}b> & 'c'".utf8))
        XCTAssertEqual(changed, plain)
    }

    /// The escaping that copies runs of bytes (every value of a template) writes what the plain
    /// byte-by-byte one does, wherever the special bytes fall.
    func testRunEscapingMatchesTheByteByByteOne() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("ab &<>\"'=日\u{301}".utf8)
        // Mostly bytes next to the special ones (`%` `(` `;` `=` `?`), which the word-at-a-time test must let through.
        let sparse = Array("ab/.-%(;=?日".utf8) + Array(repeating: UInt8(ascii: "x"), count: 60) + Array("&<>\"'".utf8)
        for length in 0..<400 {
            let pool = length % 2 == 0 ? alphabet : sparse
            let bytes = (0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            var plain: [UInt8] = Array("x".utf8)
            HTMLEscaping.append(bytes, to: &plain)  // an array: the generic, byte-by-byte one
            var runs: [UInt8] = Array("x".utf8)
            bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &runs) }
            XCTAssertEqual(runs, plain, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A theme written for swift-mustache's transforms learns at the tag that hashi does not run them.
    func testTransformsAreErrorsAtTheirTag() throws {
        let folder = try TemporaryFolder([
            "Theme/layouts/page.mustache": "<h1>{{title}}</h1>\n  <p>{{uppercased(title)}}</p>\n{{=<% %>=}}<%#empty(toc)%>x<%/empty(toc)%>\n",
            "Theme/i18n/en.yaml": "menu: Menu\n",
        ])
        let english = Language(code: "en", name: "English", title: "T", order: 0)
        let (set, diagnostics) = TemplateSet.load(folders: [folder.path + "/Theme"], displayFolders: ["Theme"], languages: [english])
        XCTAssertNil(set)
        XCTAssertEqual(diagnostics.map(\.description), [
            "Theme/layouts/page.mustache:2:6: error: transform \"uppercased\" is not supported: hashi shows a value as it is",
            "Theme/layouts/page.mustache:3:12: error: transform \"empty\" is not supported: hashi shows a value as it is",
        ])
    }

    /// Random templates written twice: with other delimiters, and with CR LF line ends. Each must
    /// render as the plain one does (with CR LF for LF), which exercises standalone lines,
    /// indentation and blocks under every spelling.
    func testRandomTemplatesReadTheSameWithOtherDelimitersAndLineEnds() throws {
        var generator = SplitMix64(seed: 7)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        let texts = ["x", " ", "  ", "\t", "\n", "\n", "日本", "é"]
        let names = ["a", "b", "n", "flag", "off", "str", "missing", "obj.x.y"]
        let sections = ["flag", "off", "str", "empty", "strs", "list", "obj", "missing"]
        func piece(_ depth: Int) -> String {
            switch pick(11) {
            case 0, 1, 2: return texts[pick(texts.count)]
            case 3: return "{{" + names[pick(names.count)] + "}}"
            case 4: return "{{{" + names[pick(names.count)] + "}}}"
            case 5: return "{{! note }}"
            case 6 where depth < 2: return "{{>part}}"
            case 7 where depth < 3:
                let name = sections[pick(sections.count)]
                return "{{" + (pick(2) == 0 ? "#" : "^") + name + "}}" + sequence(depth + 1) + "{{/" + name + "}}"
            case 8 where depth < 3: return "{{$other}}" + sequence(depth + 1) + "{{/other}}"
            default: return "\n"
            }
        }
        func sequence(_ depth: Int) -> String { (0..<(1 + pick(6))).map { _ in piece(depth) }.joined() }
        func render(_ sources: [String: String]) throws -> String {
            String(decoding: try CompiledTemplates(sources: sources).render("main", context: context) ?? [], as: UTF8.self)
        }
        for _ in 0..<300 {
            let base = "<b>\n" + sequence(1) + "\n  {{$blk}}\n  base\n  {{/blk}}\n" + sequence(1)
            let sources = ["part": sequence(2), "base": base,
                           "main": pick(2) == 0 ? sequence(0) : "{{<base}}\n  {{$blk}}\n" + sequence(1) + "\n  {{/blk}}\n{{/base}}" + sequence(1)]
            let plain = try render(sources)
            let delimited = sources.mapValues { "{{=<% %>=}}\n" + $0.replacingOccurrences(of: "{{{", with: "<%{").replacingOccurrences(of: "}}}", with: "}%>")
                .replacingOccurrences(of: "{{", with: "<%").replacingOccurrences(of: "}}", with: "%>") }
            XCTAssertEqual(try render(delimited), plain, "\(sources)")
            let crlf = sources.mapValues { $0.replacingOccurrences(of: "\n", with: "\r\n") }
            XCTAssertEqual(try render(crlf), plain.replacingOccurrences(of: "\n", with: "\r\n"), "\(sources)")
        }
    }

    /// The golden sites show the theme renders as before; this shows the theme parses.
    func testTheDefaultThemeCompiles() throws {
        var sources: [String: String] = [:]
        for folder in ["layouts", "partials"] {
            let path = Repository.root + "/Templates/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".mustache") {
                sources[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
            }
        }
        XCTAssertGreaterThan(sources.count, 10)
        XCTAssertNoThrow(try CompiledTemplates(sources: sources))
    }
}

import Mustache
import XCTest
@testable import HashiKit

/// hashi renders pages with its own compiled templates; swift-mustache is the reference. Each
/// case here renders the same templates and context both ways and wants the same bytes.
final class CompiledTemplateTests: XCTestCase {
    private let context: [String: Any] = [
        "a": "<b class=\"x\">Tom & 'Jerry'</b>",
        "b": "日本語",
        "n": 42,
        "ratio": 1.5,
        "flag": true,
        "off": false,
        "str": "",
        "empty": [] as [Any],
        "strs": ["p", "q"],
        "maybe": String?.none as Any,
        "list": [["a": "one"], ["a": "two", "x": ["y": "deep"]]] as [[String: Any]],
        "obj": ["a": "inner", "x": ["y": "nested"], "t": ["k": "v"]] as [String: Any],
        "t": ["skip": "Skip", "menu": "Menu"],
        "ui": UIStringTable(language: "en", strings: ["skip": "Skip <to> content", "menu": "Menu"]),
    ]

    /// Renders `main` of `sources` both ways and compares; fails if the compiler refused them.
    /// False, without a failure when `invalidOK`, if swift-mustache rejects them.
    @discardableResult
    private func assertSame(_ sources: [String: String], invalidOK: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        var library = MustacheLibrary()
        for (name, source) in sources {
            guard let template = try? MustacheTemplate(string: source) else {
                if !invalidOK { XCTFail("swift-mustache rejects \(name): \(source.debugDescription)", file: file, line: line) }
                return false
            }
            library.register(template, named: name)
        }
        guard let compiled = CompiledTemplates(sources: sources) else {
            XCTFail("not compiled: \(sources)", file: file, line: line)
            return false
        }
        let expected = library.render(context, withTemplate: "main")
        let actual = compiled.render("main", context: TemplateValue(context)!).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(actual, expected, "\(sources)", file: file, line: line)
        return true
    }

    func testVariablesAreEscapedAsSwiftMustacheDoes() {
        assertSame(["main": "<p>{{a}}|{{{a}}}|{{& a }}|{{b}}|{{n}}|{{ratio}}|{{flag}}|{{maybe}}|{{strs}}|{{missing}}</p>\n"])
        assertSame(["main": "{{obj.a}} {{obj.x.y}} {{#obj}}{{a}} {{.a}} {{x.y}} {{b}} {{.b}}{{/obj}} {{t.menu}}"])
        assertSame(["main": "{{ui.skip}} {{{ui.skip}}} {{#ui}}{{menu}} {{a}}{{/ui}}{{^ui}}none{{/ui}} {{ui.missing}}"])
    }

    func testSectionsAndInvertedSections() {
        assertSame(["main": """
            {{#list}}[{{a}}{{#x}}:{{y}}{{/x}}]{{/list}}
            {{#strs}}<{{.}}>{{/strs}}{{^strs}}none{{/strs}}
            {{#empty}}x{{/empty}}{{^empty}}empty{{/empty}}
            {{#flag}}on{{/flag}}{{^flag}}off{{/flag}} {{#off}}on{{/off}}{{^off}}off{{/off}}
            {{#str}}string:{{.}};{{/str}}{{^str}}no string{{/str}}
            {{#maybe}}maybe:{{.}}{{/maybe}}{{#missing}}x{{/missing}}{{^missing}}missing{{/missing}}
            {{#n}}n={{.}}{{/n}}
            """])
    }

    func testStandaloneLinesDisappear() {
        assertSame(["main": "<ul>\n  {{#list}}\n  <li>{{a}}</li>\n  {{/list}}\n</ul>\n  {{! a comment }}\nend {{! inline }} here\n\t{{^flag}}\t\nhidden\n{{/flag}}  \n"])
        assertSame(["main": "a\r\n  {{#flag}}\r\nb\r\n  {{/flag}}\r\nc\r\n"])
        assertSame(["main": "  {{#flag}} y {{/flag}}  \n{{#flag}}\nlast line, no newline\n{{/flag}}"])
        assertSame(["main": "x{{#flag}}\n{{/flag}}\n  {{#flag}}\n  indented\n  {{/flag}}  "])
    }

    func testIndentedPartials() {
        assertSame([
            "main": "<div>\n  {{>item}}\n  <span>{{>item}}</span>\n{{#list}}\n    {{>item}}\n{{/list}}\n</div>\n",
            "item": "<p>\n{{a}}\n</p>\n",
        ])
        assertSame(["main": "\t{{>missing}}\nafter\n"])
    }

    func testLayoutsWithBlocks() {
        assertSame([
            "base": "<html>\n  {{$head}}<title>default</title>{{/head}}\n<body>\n{{$main}}\n  default body\n{{/main}}\n  {{>footer}}\n</body>\n",
            "footer": "<footer>\n{{$credit}}credit{{/credit}}\n</footer>\n",
            "layout": "{{<base}}\n{{$main}}\n  <article>\n    {{$body}}layout body{{/body}}\n  </article>\n{{/main}}\n{{$credit}}layout credit{{/credit}}\n{{/base}}\n",
            "main": "{{<layout}}\n  {{$body}}\n    <h1>{{a}}</h1>\n      <p>text</p>\n  {{/body}}\n{{$credit}}page credit{{/credit}}\n{{/layout}}\n",
        ])
    }

    /// The golden sites show the theme renders as before; this makes sure it is the compiled
    /// templates that render it, not the swift-mustache fallback.
    func testTheDefaultThemeCompiles() throws {
        var sources: [String: String] = [:]
        for folder in ["layouts", "partials"] {
            let path = Repository.root + "/Templates/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".mustache") {
                sources[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
            }
        }
        XCTAssertGreaterThan(sources.count, 10)
        XCTAssertNotNil(CompiledTemplates(sources: sources))
    }

    func testWhatOnlySwiftMustacheRendersIsLeftToIt() {
        for source in ["{{uppercase(a)}}", "{{=<% %>=}}<% a %>", "{{>*a}}", "{{%CONTENT_TYPE:TEXT}}{{a}}", "a\rb", "{{#flag}}\u{301}{{/flag}}"] {
            XCTAssertNil(CompiledTemplates(sources: ["main": source]), source.debugDescription)
        }
    }

    /// Random templates built from the pieces whose whitespace rules are the subtle part.
    func testRandomTemplatesRenderTheSame() {
        var generator = SplitMix64(seed: 7)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        let texts = ["x", " ", "  ", "\t", "\n", "\n", "\r\n", "日本", "é", "{", "}"]
        let names = ["a", "b", "n", "flag", "off", "str", "empty", "strs", "list", "obj", "maybe", "missing", "x.y", "."]
        func piece(_ depth: Int) -> String {
            switch pick(12) {
            case 0, 1, 2: return texts[pick(texts.count)]
            case 3: return "{{" + names[pick(names.count)] + "}}"
            case 4: return "{{{" + names[pick(names.count)] + "}}}"
            case 5: return "{{! note }}"
            case 6 where depth < 2: return "{{>part}}"
            case 7 where depth < 3:
                let name = names[pick(names.count - 1)]
                let kind = pick(2) == 0 ? "#" : "^"
                return "{{" + kind + name + "}}" + sequence(depth + 1) + "{{/" + name + "}}"
            case 8 where depth < 3: return "{{$other}}" + sequence(depth + 1) + "{{/other}}"
            default: return "\n"
            }
        }
        func sequence(_ depth: Int) -> String {
            (0..<(1 + pick(6))).map { _ in piece(depth) }.joined()
        }
        var compared = 0
        for _ in 0..<400 {
            let part = sequence(2)  // depth 2 and more: no "{{>part}}" within itself
            let base = "<b>\n" + sequence(1) + "\n  {{$blk}}\n  base\n  {{/blk}}\n" + sequence(1)
            // A "{" piece beside a tag can make text swift-mustache rejects; those are skipped.
            if assertSame(["main": sequence(0), "part": part, "base": base], invalidOK: true) { compared += 1 }
            if assertSame(["main": "{{<base}}\n  {{$blk}}\n" + sequence(1) + "\n  {{/blk}}\n{{/base}}" + sequence(1), "part": part, "base": base],
                          invalidOK: true) { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 500)
    }
}

import XCTest
@testable import HashiKit

final class ReportingChannelsTests: XCTestCase {
    let languages = [Language(code: "ja", name: "日本語", title: "T", order: 0), Language(code: "en", name: "English", title: "T", order: 1)]

    func load(_ yaml: String) -> (ReportingChannels?, [String]) {
        let file = DataFile(name: "reporting-channels.yaml", displayPath: "data.yaml", text: yaml)
        let (channels, diagnostics) = ReportingChannelsLoader(languages: languages).load(file)
        return (channels, diagnostics.sorted().map(\.description))
    }

    let valid = """
    checked: 2026-11-27
    channels:
      - id: police
        situations: [emergency]
        emergency: true
        name: {ja: 警察, en: Police}
        purpose: {ja: 緊急, en: Emergencies}
        audience: {ja: だれでも, en: Anyone}
        phone: "110"
      - id: one-stop
        name: {ja: ワンストップ, en: One Stop}
        purpose: {ja: 相談, en: Advice}
        audience: {ja: 被害者, en: Victims}
        shortCode: "#8891"
        howToCall: {ja: 電話から, en: From a phone}
        website: https://example.org/
    """

    func testAValidFileGivesChannelsInOrderWithDialableLinks() {
        let (channels, diagnostics) = load(valid)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(channels?.channels.map(\.id), ["police", "one-stop"])
        XCTAssertEqual(channels?.channels[0].telURL, "tel:110")
        XCTAssertNil(channels?.channels[1].telURL, "a short code gets no tel: link")
    }

    func testEachMistakeIsNamedAtItsLine() {
        let cases: [(String, String, String)] = [
            ("a text missing in one language", "purpose: {ja: 緊急, en: Emergencies}", "purpose: {ja: 緊急}"),
            ("an unknown field", "phone: \"110\"", "phone: \"110\"\n    fax: \"123\""),
            ("a web site that is not https", "website: https://example.org/", "website: http://example.org/"),
            ("a short code in the phone field", "phone: \"110\"", "phone: \"#9110\""),
            ("a short code with no way to call it", "    howToCall: {ja: 電話から, en: From a phone}\n", ""),
            ("an unknown situation", "situations: [emergency]", "situations: [weather]"),
        ]
        let expected = [
            "data.yaml:7:14: error: \"purpose\" has no text in \"en\"",
            "data.yaml:10:5: error: unknown key \"fax\" in a channel (known keys: \"anonymous\", \"audience\", \"emergency\", \"form\", \"hours\", \"howToCall\", \"id\", \"languages\", \"name\", \"note\", \"phone\", \"purpose\", \"shortCode\", \"situations\", \"website\")",
            "data.yaml:16:14: error: \"website\" must be an https:// address",
            "data.yaml:9:12: error: \"phone\" must be a number a phone can dial, like 0120-924-839; put a code like #8891 in \"shortCode\"",
            "data.yaml:10:5: error: a channel with a \"shortCode\" needs \"howToCall\": a short code cannot be dialled from a link",
            "data.yaml:4:17: error: unknown situation \"weather\" (known: emergency, work, sexual, child, online, immigration)",
        ]
        for ((what, old, new), message) in zip(cases, expected) {
            let (channels, diagnostics) = load(valid.replacingOccurrences(of: old, with: new))
            XCTAssertNil(channels, what)
            XCTAssertEqual(diagnostics, [message], what)
        }
    }

    func testJSONIsStableAndCarriesEveryLanguage() throws {
        let (channels, _) = load(valid)
        let json = ReportingChannelsJSON.encode(try XCTUnwrap(channels))
        XCTAssertEqual(json, ReportingChannelsJSON.encode(try XCTUnwrap(channels)))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let first = (decoded?["channels"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["name"] as? [String: String], ["ja": "警察", "en": "Police"])
        XCTAssertEqual(decoded?["checked"] as? String, "2026-11-27")
    }

    func testTheMicrositeReportPageListsEveryChannelInBothLanguagesEmergencyFirst() throws {
        let scratch = try TemporaryFolder()
        let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                 outputDirectory: scratch.path + "/Output")).run()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertTrue(scratch.exists("Output/data/reporting-channels.json"))
        for language in ["ja", "en"] {
            let html = try XCTUnwrap(scratch.read("Output/\(language)/report/index.html"))
            let cards = html.components(separatedBy: "<li class=\"channel ").dropFirst()
            XCTAssertGreaterThanOrEqual(cards.count, 7, language)
            XCTAssertTrue(cards.first?.contains("href=\"tel:110\"") ?? false, "the emergency line comes first (\(language))")
            XCTAssertTrue(html.contains("#8891"), language)
            XCTAssertFalse(html.contains("href=\"tel:#"), "short codes are not tel: links (\(language))")
        }
    }
}

import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

final class ReportingChannelsTests: XCTestCase {
    let languages = [Language(code: "ja", name: "日本語", title: "T", order: 0), Language(code: "en", name: "English", title: "T", order: 1)]

    /// The build date of these tests: fixed, so a date in `valid` never goes stale as time passes.
    static let buildDate = SimpleDate(year: 2026, month: 12, day: 1)

    func load(_ yaml: String, today: SimpleDate = buildDate) -> (ReportingChannels?, [String]) {
        let file = DataFile(name: "reporting-channels.yaml", displayPath: "data.yaml", text: yaml)
        let (channels, diagnostics) = ReportingChannelsLoader(languages: languages, today: today).load(file)
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
            "data.yaml:10:5: error: unknown key \"fax\" in a channel (known keys: \"anonymous\", \"audience\", \"checked\", \"emergency\", \"form\", \"hours\", \"howToCall\", \"id\", \"languages\", \"name\", \"note\", \"phone\", \"purpose\", \"shortCode\", \"situations\", \"source\", \"website\")",
            "data.yaml:16:14: error: \"website\" must be an https:// address with a host name, like https://www.gov-online.go.jp/, and no spaces, tabs, line breaks or direction marks",
            "data.yaml:9:12: error: \"phone\" must be a number a phone can dial, like 0120-924-839 or +81 3-1234-5678 (3 to 15 digits, full-width ０-９ are read as 0-9); put a code like #8891 in \"shortCode\"",
            "data.yaml:10:5: error: a channel with a \"shortCode\" needs \"howToCall\": a short code cannot be dialled from a link",
            "data.yaml:4:17: error: unknown situation \"weather\" (known: emergency, work, sexual, child, online, immigration, witness)",
        ]
        for ((what, old, new), message) in zip(cases, expected) {
            let (channels, diagnostics) = load(valid.replacingOccurrences(of: old, with: new))
            XCTAssertNil(channels, what)
            XCTAssertEqual(diagnostics, [message], what)
        }
    }

    /// `valid` with the police channel's own source and checked date (lines 10 and 11).
    func validCheckedOn(_ date: String, source: String = "https://example.org/police") -> String {
        valid.replacingOccurrences(of: "phone: \"110\"", with: "phone: \"110\"\n    source: \(source)\n    checked: \(date)")
    }

    func testAChannelCheckedMoreThanTwelveMonthsBeforeTheBuildIsWarnedAtItsDate() {
        let (channels, diagnostics) = load(validCheckedOn("2025-11-30"))
        XCTAssertEqual(diagnostics, [
            "data.yaml:11:14: warning: channel \"police\" was last checked on 2025-11-30, more than 12 months before the build (2026-12-01); "
                + "check its facts at https://example.org/police and update \"checked\"",
        ])
        XCTAssertEqual(channels?.channels.first?.source, "https://example.org/police", "a warning still builds the list")
        XCTAssertEqual(channels?.checked, SimpleDate(year: 2025, month: 11, day: 30), "the list claims its oldest check")
    }

    func testAChannelCheckedWithinTwelveMonthsIsNotWarned() {
        for date in ["2025-12-01", "2026-11-27", "2026-12-01"] {
            let (channels, diagnostics) = load(validCheckedOn(date))
            XCTAssertEqual(diagnostics, [], date)
            XCTAssertNotNil(channels, date)
        }
    }

    func testTheFileDateGoesStaleForTheChannelsWithoutTheirOwn() {
        let (_, later) = load(validCheckedOn("2027-11-30"), today: SimpleDate(year: 2027, month: 12, day: 1))
        XCTAssertEqual(later, [
            "data.yaml:1:10: warning: channels \"one-stop\" were last checked on 2026-11-27, more than 12 months before the build "
                + "(2027-12-01); check their facts and give each its own \"checked\" date",
        ])
    }

    func testASourceMustBeAnHTTPSAddress() {
        for source in ["http://example.org/police", "example.org", "https://"] {
            let (channels, diagnostics) = load(validCheckedOn("2026-11-30", source: source))
            XCTAssertNil(channels, source)
            XCTAssertEqual(diagnostics, ["data.yaml:10:13: error: \"source\" must be an https:// address with a host name, like https://www.gov-online.go.jp/, and no spaces, tabs, line breaks or direction marks"], source)
        }
    }

    func testTheBuildDateCanBePinnedBySourceDateEpoch() {
        XCTAssertEqual(SimpleDate.today(environment: ["SOURCE_DATE_EPOCH": "1796083200"]), SimpleDate(year: 2026, month: 12, day: 1))
        XCTAssertEqual(SimpleDate.today(environment: [:], now: Date(timeIntervalSince1970: 1796083199)), SimpleDate(year: 2026, month: 11, day: 30))
    }

    func testJSONIsStableAndCarriesEveryLanguage() throws {
        let (channels, _) = load(valid)
        let json = ReportingChannelsJSON.encode(try XCTUnwrap(channels))
        XCTAssertEqual(json, ReportingChannelsJSON.encode(try XCTUnwrap(channels)))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let first = (decoded?["channels"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["name"] as? [String: String], ["ja": "警察", "en": "Police"])
        XCTAssertEqual(decoded?["checked"] as? String, "2026-11-27")
        XCTAssertEqual(first?["checked"] as? String, "2026-11-27", "a channel without a date of its own carries the file's")
    }

    func testJSONCarriesEachChannelsSourceAndCheckedDate() throws {
        let (channels, _) = load(validCheckedOn("2026-11-30", source: "https://www.npa.go.jp/"))
        let json = ReportingChannelsJSON.encode(try XCTUnwrap(channels))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let first = (decoded?["channels"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["source"] as? String, "https://www.npa.go.jp/")
        XCTAssertEqual(first?["checked"] as? String, "2026-11-30")
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
            let form = try XCTUnwrap(cards.first { $0.contains("id=\"channel-immigration-services-agency-form\"") })
            XCTAssertTrue(form.hasPrefix("for-witness\""), "the immigration report form is offered to witnesses only (\(language))")
        }
    }
}

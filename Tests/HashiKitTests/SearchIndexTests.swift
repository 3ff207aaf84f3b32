import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// What a reader of the search notices: the right page found, first, and nothing for nonsense.
final class SearchIndexTests: XCTestCase {
    let ja = Language(code: "ja", name: "日本語", title: "日本", order: 0)
    let en = Language(code: "en", name: "English", title: "Japan", order: 1)

    func page(_ url: String, _ title: String, headings: [String] = [], _ body: String, in language: Language) -> SearchDocument {
        SearchDocument(url: url, title: title, headings: headings, body: body, language: language)
    }

    var japanese: [SearchDocument] {
        [
            page("ja/labor/", "労働搾取", "外国人技能実習制度のもとで働く人が被害にあっています。", in: ja),
            page("ja/tokyo/", "首都", "東京に住む人の都合を考えます。", in: ja),
            page("ja/kyoto/", "古都", "京都の寺を訪ねます。", in: ja),
            page("ja/shelter/", "保護", headings: ["シェルター"], "被害者はシェルターで保護されます。", in: ja),
            page("ja/aed/", "救命", "駅にはAEDがあります。", in: ja),
        ]
    }

    var english: [SearchDocument] {
        [
            page("en/shelters/", "Shelters", "Victims can stay in shelters run by NGOs.", in: en),
            page("en/disaster/", "Disasters", headings: ["Evacuation"], "Evacuation centres open during flooding.", in: en),
            page("en/labor/", "Labor trafficking", "Forced labor in factories and farms.", in: en),
            page("en/history/", "History", "Shelter was mentioned once in the history of the law on labor.", in: en),
        ]
    }

    func urls(_ query: String, in documents: [SearchDocument]) -> [String] {
        let index = SearchIndex(documents: documents)
        return index.search(query).map { index.documents[$0].url }
    }

    func testJapaneseSubstringOfACompoundIsFound() {
        XCTAssertEqual(urls("実習", in: japanese), ["ja/labor/"])
        XCTAssertEqual(urls("技能実習制度", in: japanese), ["ja/labor/"])
    }

    func testBigramsMustBeAdjacent() {
        XCTAssertEqual(urls("京都", in: japanese), ["ja/kyoto/"], "東京 … 都合 is not 京都")
        XCTAssertEqual(urls("東京都", in: japanese), [])
    }

    func testWidthFormsFindTheSamePage() {
        XCTAssertEqual(urls("ｼｪﾙﾀｰ", in: japanese), ["ja/shelter/"])
        XCTAssertEqual(urls("ＡＥＤ", in: japanese), ["ja/aed/"])
        XCTAssertEqual(urls("aed", in: japanese), ["ja/aed/"])
    }

    func testOneCJKCharacterFindsPagesStartingAWordWithIt() {
        XCTAssertEqual(Set(urls("被", in: japanese)), ["ja/labor/", "ja/shelter/"])
    }

    func testEnglishInflectionsMeet() {
        XCTAssertEqual(urls("evacuating", in: english), ["en/disaster/"])
        XCTAssertEqual(urls("flood", in: english), ["en/disaster/"])
        XCTAssertEqual(urls("shelter", in: english).first, "en/shelters/")
    }

    func testEveryWordMustMatch() {
        XCTAssertEqual(urls("forced labor", in: english), ["en/labor/"])
        XCTAssertEqual(urls("shelter flooding", in: english), [])
    }

    func testTitleOutranksBody() {
        XCTAssertEqual(urls("shelters", in: english), ["en/shelters/", "en/history/"])
        XCTAssertEqual(urls("labor", in: english).first, "en/labor/")
    }

    func testNonsenseFindsNothing() {
        XCTAssertEqual(urls("xyzzyplugh", in: english), [])
        XCTAssertEqual(urls("", in: english), [])
        XCTAssertEqual(urls("鬱鬱", in: japanese), [])
    }

    func testFilesAreDeterministicAndRegisterThemselves() {
        let builder = SearchIndexBuilder()
        let once = builder.build(documents: english, language: en)
        let again = builder.build(documents: english.reversed(), language: en)
        XCTAssertEqual(once.map(\.path), again.map(\.path))
        XCTAssertEqual(once.map(\.contents), again.map(\.contents))
        XCTAssertEqual(once.map(\.path), ["en/search/index.js", "en/search/p-0.js", "en/search/t-0.js"])
        for file in once { XCTAssertTrue(file.contents.hasPrefix("HashiSearch.register(\"en\",")) }
        XCTAssertTrue(once[0].contents.contains("\"documents\":4"))
    }

    func testLargeSitesAreSplitIntoShards() {
        let many = (0..<400).map { number in
            page("en/p\(number)/", "Page \(number)", "word\(number) common text about shelter number \(number) and w\(number * 7)x "
                 + String(repeating: "more words to make the text long. ", count: 40), in: en)
        }
        let files = SearchIndexBuilder().build(documents: many, language: en)
        let shards = files.filter { $0.path.hasPrefix("en/search/p-") }
        XCTAssertGreaterThan(shards.count, 1)
        XCTAssertGreaterThan(files.filter { $0.path.hasPrefix("en/search/t-") }.count, 1)
        // Each token lives in exactly the shard its hash names.
        let named = shards.first { $0.contents.contains("\"shelt\":") }
        XCTAssertEqual(named?.path, "en/search/p-\(SearchIndexBuilder.shard(of: "shelt", count: shards.count)).js")
    }

    /// A title and a text with what a script file cannot hold as it is come back whole, in a file
    /// that is only ASCII and two-byte characters; a NUL in a title (YAML can write one) is U+FFFD.
    func testScriptTextIsEscaped() throws {
        let title = "A \"quoted\" </script> title\u{0}"
        let files = SearchIndexBuilder().build(documents: [page("en/x/", title, "line\u{2028}break", in: en)], language: en)
        let text = files.first { $0.path.hasSuffix("t-0.js") }!.contents
        XCTAssertEqual(try pages(of: text).map { [$0.url, $0.title, $0.text] }, [["en/x/", "A \"quoted\" </script> title\u{FFFD}", "line\u{2028}break"]])
        XCTAssertFalse(text.unicodeScalars.contains { $0.value > 0x7FF }, "ASCII and two-byte characters only")
    }

    /// The pages of a text file: its `z`, inflated and cut at each NUL, as search.js reads it.
    func pages(of file: String) throws -> [(url: String, title: String, text: String)] {
        let z = try XCTUnwrap(file.range(of: #""z":""#).map { file[$0.upperBound...].prefix { $0 != "\"" } })
        let inflated = try XCTUnwrap(Compressed.inflated(Self.bytes(ofScriptString: String(z))))
        let fields = String(decoding: inflated, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(fields.count % 3, 1, "each page's url, title and text ended by a NUL")
        return stride(from: 0, to: fields.count - 1, by: 3).map { (fields[$0], fields[$0 + 1], fields[$0 + 2]) }
    }

    func texts(of file: String) throws -> [String] {
        try pages(of: file).map(\.text)
    }

    /// What `bytesOf` in search.js reads from a string of `Compressed.appendScriptString`, bit by bit.
    static func bytes(ofScriptString text: String) -> [UInt8] {
        var bits: [Bool] = []
        func put(_ group: Int) { bits += (0..<7).reversed().map { group >> $0 & 1 == 1 } }
        for scalar in text.unicodeScalars.map({ Int($0.value) }) {
            switch scalar >> 7 {
            case 0: put(scalar)
            case 1...5: put(Int(Compressed.unsafeGroups[scalar >> 7 - 1])); put(scalar & 0x7F)
            default: put(Int(Compressed.unsafeGroups[scalar >> 7 - 9]))
            }
        }
        return stride(from: 0, to: bits.count - 7, by: 8).map { start in
            bits[start..<(start + 8)].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }

    /// The texts' bytes come back whole for every length, and bytes that make the groups a
    /// JavaScript string cannot hold as themselves (a quote, a backslash, line ends, NUL) are
    /// written as other characters: the file stays one valid string, seven bits a character.
    func testScriptStringsComeBackWholeAndHoldNoUnsafeCharacter() {
        var random = SplitMix64(seed: 7)
        var samples = (Array(0..<20) + [1000, 65_537]).map { length in (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        // 7 × 8 bits of quotes, backslashes, NULs and line feeds cut in groups of seven: unsafe groups side by side, and last.
        samples += [[0, 0, 0, 0, 0, 0, 0], [0x45, 0x11, 0x22, 0x44, 0x88, 0x91, 0x22], [0xB9, 0x72, 0xE5, 0xCB, 0x97, 0x2E, 0x5C], [0x44], [0x15]]
        for bytes in samples {
            var out: [UInt8] = Array("x".utf8)
            Compressed.appendScriptString(bytes, to: &out)
            let text = String(decoding: out.dropFirst(), as: UTF8.self)
            XCTAssertEqual(Self.bytes(ofScriptString: text), bytes, "\(bytes.count) bytes")
            XCTAssertFalse(text.unicodeScalars.contains { ["\"", "\\", "\n", "\r", "\0"].contains($0) }, "\(bytes.count) bytes")
            XCTAssertLessThanOrEqual(out.count - 1, (bytes.count * 8 + 6) / 7 + 1, "seven bits a byte of the file")
        }
    }

    /// The strings match the vector that the JavaScript test reads back.
    func testScriptStringsAreWhatTheSharedVectorSays() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "script-strings", withExtension: "json", subdirectory: "Vectors"))
        let file = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let vectors = try XCTUnwrap(file["vectors"] as? [[String: Any]])
        XCTAssertFalse(vectors.isEmpty)
        for vector in vectors {
            let bytes = try XCTUnwrap(vector["bytes"] as? [Int]).map(UInt8.init)
            var out: [UInt8] = []
            Compressed.appendScriptString(bytes, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), vector["string"] as? String, "\(bytes)")
        }
    }

    /// A text file carries its pages' texts deflated; inflated, they are the pages' texts again.
    func testTextsAreDeflatedAndComeBackWhole() throws {
        let long = String(repeating: "Victims can stay in shelters run by NGOs. ", count: 200)
        let files = SearchIndexBuilder().build(documents: [page("en/a/", "A", long, in: en), page("en/b/", "B", "Short.", in: en)],
                                               language: en)
        let text = try XCTUnwrap(files.first { $0.path.hasSuffix("t-0.js") }).contents
        XCTAssertEqual(try texts(of: text), [long, "Short."])
        XCTAssertLessThan(text.utf8.count, long.utf8.count / 10, "repeated text compresses")
        XCTAssertEqual(try pages(of: text).map { [$0.url, $0.title] }, [["en/a/", "A"], ["en/b/", "B"]])
    }

    /// The files of a language are fewer than a quarter of its pages (and three), and the search page can say
    /// how they are cut from the number of pages alone.
    func testLayoutKeepsFilesFewerThanAQuarterOfThePages() {
        for documents in [1, 5, 11, 12, 24, 100, 1011, 2047, 10011, 50000] {
            let layout = SearchLayout(documents: documents)
            XCTAssertEqual(layout.shards & (layout.shards - 1), 0, "\(documents): shards a power of two")
            XCTAssertLessThanOrEqual(Double(layout.shards + layout.textFiles + 1), 0.25 * Double(documents) + 3, "\(documents) pages")
        }
        XCTAssertEqual(SearchLayout(documents: 1011).attribute(language: en), "en 1011 64 7")
    }

    func testWeightsReadFromTheTableAreThePlainOnes() {
        let index = InvertedIndex(documents: japanese + english)
        let shift = 2 * InvertedIndex.frequencyBits
        for document in 0..<Int32(index.documentCount) {
            for body in UInt64(0)...12 {
                for title in UInt64(0)...1 {
                    let frequencies = body << shift | title
                    XCTAssertEqual(index.weight(document: document, frequencies: frequencies),
                                   index.plainWeight(document: document, frequencies: frequencies), "page \(document), body \(body), title \(title)")
                }
            }
        }
    }
}

final class PostingsJSONTests: XCTestCase {
    /// The compact lists match the vector that the JavaScript test decodes.
    func testPostingListsEncodeAsTheSharedVectorSays() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "postings", withExtension: "json", subdirectory: "Vectors"))
        let vector = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let postings = try XCTUnwrap(vector["postings"] as? [[Double]]).map { row in
            SearchIndex.Posting(document: Int(row[0]), weight: row[1])
        }
        var out: [UInt8] = []
        PostingCoder.encode(postings, into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), vector["encoded"] as? String)
        // Read back number by number, as the splicer reads an earlier build's shard.
        var numbers: [Int] = []
        var cursor = 0
        while cursor < out.count {
            let (value, length) = PostingCoder.read(out, at: cursor)
            numbers.append(value)
            cursor += length
        }
        let codes = try XCTUnwrap(vector["codes"] as? [[Int]])
        var previous = 0
        let expected = codes.flatMap { row in
            defer { previous = row[0] }
            return [row[0] - previous, row[1]]
        }
        XCTAssertEqual(numbers, expected)
    }

    /// A weight's code stays within 0.6 % of the weight, in two characters, from 0.001 up.
    func testWeightCodesAreCloseAndShort() {
        for weight in stride(from: 0.001, through: 130, by: 0.0371) {
            let code = PostingCoder.weightCode(weight)
            XCTAssertLessThanOrEqual(code, 1023)
            XCTAssertEqual(PostingCoder.weight(code: code), weight, accuracy: weight * 0.006)
        }
    }

    /// Strings for script files are escaped as the plain rule says, wherever the characters to
    /// escape fall among the eight bytes looked at together.
    func testScriptStringsEscapeEveryCharacterThatNeedsIt() {
        var random = SplitMix64(seed: 5)
        let pieces = ["a", "bcdefgh", "日本", "\"", "\\", "<", "\n", "\t", "\u{1}", "\u{1F}", " ", "\u{2028}", "\u{2029}",
                      "\u{2027}", "—", "é", "\u{7F}", "ÿ"]
        for _ in 0..<2000 {
            let text = random.text(of: pieces, count: 0...24)
            var out: [UInt8] = []
            ScriptJSON.quote(text, to: &out)
            var expected = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\r": expected += "\\r"
                case "\t": expected += "\\t"
                case "<": expected += "\\u003c"
                case "\u{2028}": expected += "\\u2028"
                case "\u{2029}": expected += "\\u2029"
                case _ where scalar.value < 0x20: expected += String(format: "\\u%04x", scalar.value)
                default: expected.unicodeScalars.append(scalar)
                }
            }
            expected += "\""
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected, text.debugDescription)
        }
    }

    /// A page's shards: each once, in order, whatever the shard count.
    func testShardsOfHashesAreUniqueAndSorted() {
        let hashes: [UInt32] = [5, 4101, 3, 5, 4095, 64, 63]
        XCTAssertEqual(hashes.uniqueSortedShards(of: 4096), [3, 5, 63, 64, 4095])
        XCTAssertEqual(hashes.uniqueSortedShards(of: 4), [0, 1, 3])
        XCTAssertEqual(hashes.uniqueSortedShards(of: 1), [0])
        XCTAssertEqual([UInt16]().uniqueSortedShards(of: 64), [])
    }

    /// Numbers of one character, of several, and past the eight written at once, read back as written.
    func testNumbersOfEveryLengthReadBack() {
        let numbers = [0, 1, 31, 32, 33, 1023, 1024, 40_000, (1 << 35) - 1, 1 << 35, (1 << 40) - 1, 1 << 40, (1 << 40) + 5,
                       1 << 52, (1 << 60) + 12_345, -7]
        var out: [UInt8] = []
        for number in numbers { PostingCoder.append(number, to: &out) }
        var cursor = 0
        var read: [Int] = []
        while cursor < out.count {
            let (value, length) = PostingCoder.read(out, at: cursor)
            read.append(value)
            cursor += length
        }
        // A negative number is written as 0.
        XCTAssertEqual(read, numbers.map { max($0, 0) })
        XCTAssertEqual(out.count, numbers.reduce(0) { count, number in
            var value = max(number, 0), characters = 1
            while value >= 32 { value >>= 5; characters += 1 }
            return count + characters
        })
    }

    /// The index keeps each token's postings as a chain of blocks in one buffer: interleaved
    /// appends of every size read back as the plain arrays they stand for.
    func testPostingStreamsReadBackAsPlainArrays() {
        var streams = PostingStreams()
        var plain: [[UInt8]] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5_000 {
            if plain.isEmpty || round % 7 == 0 {
                XCTAssertEqual(streams.addStream(), plain.count)
                plain.append([])
            }
            let stream = Int.random(in: 0..<plain.count, using: &generator)
            let bytes = (0..<Int.random(in: 1...52, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { streams.append($0, to: stream) }
            plain[stream] += bytes
        }
        XCTAssertEqual(streams.count, plain.count)
        for (stream, bytes) in plain.enumerated() {
            XCTAssertEqual(streams.bytes(of: stream), bytes, "stream \(stream)")
        }
    }
}

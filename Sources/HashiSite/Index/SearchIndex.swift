import Foundation
import HashiContent
import HashiSupport

/// The postings of one language: for each token, the pages that have it and their BM25F term
/// weight. A CJK phrase is found by the bigrams that cover it, then checked in the page's text.
public struct SearchIndex: Sendable {
    /// A page holding a token: `weight` is the field-weighted, length-normalised term frequency.
    public struct Posting: Sendable, Equatable {
        public var document: Int
        public var weight: Double
    }

    /// Title and headings count more than the body (BM25F field weights).
    static let fieldWeights: [Double] = [3, 2, 1]
    static let b = 0.75
    static let k1 = 1.2

    public let documents: [SearchDocument]
    public private(set) var postings: [String: [Posting]] = [:]

    public init(documents: [SearchDocument]) {
        self.documents = documents
        postings = InvertedIndex(documents: documents).postings()
    }

    static func idf(documentFrequency: Int, documentCount: Int) -> Double {
        let df = Double(documentFrequency)
        return log(1 + (Double(documentCount) - df + 0.5) / (df + 0.5))
    }

    /// The pages matching every term of `query`, best first; the same rules as `search.js`
    /// (without its prefix match of a word still being typed).
    public func search(_ query: String) -> [Int] {
        var scores: [Int: Double]?
        for term in SearchQuery(query).terms {
            var termScores: [Int: Double] = [:]
            for (document, weights) in matches(of: term) {
                termScores[document] = weights.reduce(0) { $0 + $1.idf * $1.weight / (Self.k1 + $1.weight) }
            }
            if let previous = scores {
                var both: [Int: Double] = [:]
                for (document, score) in termScores {
                    if let earlier = previous[document] { both[document] = earlier + score }
                }
                scores = both
            } else {
                scores = termScores
            }
        }
        return (scores ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// For each page with the term: the idf and weight of each token; a CJK phrase only where the
    /// page's title, headings or text hold the whole phrase.
    private func matches(of term: SearchQuery.Term) -> [Int: [(idf: Double, weight: Double)]] {
        if term.tokens.count == 1, term.tokens[0].unicodeScalars.count == 1,
           SearchTokenizer.isCJK(term.tokens[0].unicodeScalars.first!) {
            // A lone CJK character: every token that starts with it.
            var result: [Int: [(idf: Double, weight: Double)]] = [:]
            for (token, list) in postings where token.hasPrefix(term.tokens[0]) {
                let idf = Self.idf(documentFrequency: list.count, documentCount: documents.count)
                for posting in list where (result[posting.document]?.first?.weight ?? 0) < posting.weight {
                    result[posting.document] = [(idf, posting.weight)]
                }
            }
            return result
        }
        let picked = term.cover
        let lists = picked.map { postings[$0] ?? [] }
        guard var candidates = lists.first.map({ Set($0.map(\.document)) }) else { return [:] }
        for list in lists.dropFirst() { candidates.formIntersection(list.map(\.document)) }
        var result: [Int: [(idf: Double, weight: Double)]] = [:]
        for document in candidates {
            let found = lists.map { list in list.first { $0.document == document }! }
            if picked.count > 1, !contains(document: documents[document], phrase: term.phrase) { continue }
            result[document] = zip(lists, found).map {
                (Self.idf(documentFrequency: $0.count, documentCount: documents.count), $1.weight)
            }
        }
        return result
    }

    /// Whether a field of the page holds `phrase` (normalised, as the tokenizer reads text).
    private func contains(document: SearchDocument, phrase: String) -> Bool {
        ([document.title] + document.headings + [document.body]).contains { SearchTokenizer.normalizedUTF8($0).contains(utf8: phrase) }
    }
}

/// A query split the way pages were: each Latin word is a term, each CJK run a phrase of bigrams.
public struct SearchQuery: Sendable {
    public struct Term: Sendable, Equatable {
        public var tokens: [String]

        /// The text a CJK phrase's bigrams spell: the first character of each, then the last one's second.
        var phrase: String {
            guard let last = tokens.last else { return "" }
            return tokens.map { String($0.unicodeScalars.first!) }.joined() + String(last.unicodeScalars.dropFirst())
        }

        /// The bigrams a phrase's pages are looked up by: its first and its last, so a search loads
        /// few files (`cover` in search.js). A page with both is checked for the whole phrase.
        public var cover: [String] {
            tokens.count > 1 ? [tokens[0], tokens[tokens.count - 1]] : tokens
        }
    }

    public let terms: [Term]

    public init(_ text: String, tokenizer: SearchTokenizer = SearchTokenizer()) {
        var terms: [Term] = []
        var previous: SearchToken?
        for token in tokenizer.tokens(text) {
            let cjk = SearchTokenizer.isCJK(token.text.unicodeScalars.first!)
            if cjk, let last = previous, last.position + 1 == token.position,
               SearchTokenizer.isCJK(last.text.unicodeScalars.first!) {
                terms[terms.count - 1].tokens.append(token.text)
            } else if !terms.contains(Term(tokens: [token.text])) {
                terms.append(Term(tokens: [token.text]))
            }
            previous = token
        }
        self.terms = terms
    }
}

/* hashi offline search: tokenizer, index loader and search page.
 * The tokenizer mirrors Sources/HashiKit/Index/SearchTokenizer.swift and Stemmer.swift;
 * Tests/HashiKitTests/Vectors/tokenizer.json keeps the two identical.
 * Index parts are <script> files calling HashiSearch.register, so this works from file://. */
(function (global) {
  'use strict';
  var dom = global.document;

  // ---- Tokenizer ---------------------------------------------------------

  function isCJK(cp) {
    return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309D && cp <= 0x309F) ||
      (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
      (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF) || (cp >= 0xA9E0 && cp <= 0xA9FF) ||
      (cp >= 0xAA60 && cp <= 0xAA7F);
  }
  var WORD = /^[\p{L}\p{M}\p{N}]$/u;
  function isWord(ch) { return !isCJK(ch.codePointAt(0)) && WORD.test(ch); }
  function isApostrophe(ch) { return ch === "'" || ch === '\u2019'; }
  function startsCJK(token) { return isCJK(token.codePointAt(0)); }

  function normalize(text) {
    var s = String(text);
    // One ASCII character (a snippet is normalised a character at a time) needs no NFKC or folding.
    if (s.length === 1 && s.charCodeAt(0) < 0x80) return s.toLowerCase();
    return fold(s.normalize('NFKC').toLowerCase());
  }

  // Latin marks and đ, Arabic harakat, tatweel and alef forms, as SearchTokenizer.fold.
  var FOLDS = /[\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F\u0600-\u06FF]/;
  function isLatin(cp) { return (cp >= 0x41 && cp <= 0x7A) || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF); }
  function fold(text) {
    if (!FOLDS.test(text)) return text;
    var out = '';
    var previous = 0;
    for (var ch of text.normalize('NFD')) {
      var cp = ch.codePointAt(0);
      if ((cp >= 0x300 && cp <= 0x36F && isLatin(previous)) || (cp >= 0x64B && cp <= 0x652) || cp === 0x670 || cp === 0x640 ||
          (cp >= 0x653 && cp <= 0x655 && previous === 0x627)) continue;
      if (cp === 0x111) ch = 'd';
      else if (cp === 0x671) ch = '\u0627';
      out += ch;
      previous = ch.codePointAt(0);
    }
    return out.normalize('NFC');
  }

  var SUFFIXES = ['ation', 'ating', 'ated', 'ate', 'ingly', 'ing', 'ion', 'edly', 'ed', 'er', 'ment', 'ness', 'ly', 'e'];
  var UNDOUBLING = { ing: true, ingly: true, ed: true, edly: true, er: true };
  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var s = word;
    if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
    else if (s.endsWith('sses')) s = s.slice(0, -2);
    else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (s.endsWith(suffix) && s.length - suffix.length >= 3) {
        s = s.slice(0, -suffix.length);
        var last = s[s.length - 1];
        if (UNDOUBLING[suffix] && s[s.length - 2] === last && 'bdfgmnprt'.indexOf(last) >= 0 && s.length > 3) {
          s = s.slice(0, -1);
        }
        break;
      }
    }
    return s;
  }

  /** Tokens of already normalised text given as an array of code points: {text, position, end}. */
  function tokenizeChars(chars) {
    var tokens = [];
    var i = 0;
    while (i < chars.length) {
      var ch = chars[i];
      if (isCJK(ch.codePointAt(0))) {
        var end = i;
        while (end < chars.length && isCJK(chars[end].codePointAt(0))) end++;
        if (end - i === 1) tokens.push({ text: ch, position: i, end: i + 1 });
        else for (var s = i; s < end - 1; s++) tokens.push({ text: chars[s] + chars[s + 1], position: s, end: s + 2 });
        i = end;
      } else if (isWord(ch)) {
        var word = '';
        var e = i;
        while (e < chars.length) {
          if (isWord(chars[e])) word += chars[e];
          else if (!(isApostrophe(chars[e]) && e + 1 < chars.length && isWord(chars[e + 1]))) break;
          e++;
        }
        tokens.push({ text: stem(word), position: i, end: e, word: word });
        i = e;
      } else {
        i++;
      }
    }
    return tokens;
  }

  function tokenize(text) {
    return tokenizeChars(Array.from(normalize(text))).map(function (t) { return { text: t.text, position: t.position }; });
  }

  /** Same FNV-1a as SearchIndexBuilder.shard: first character of a CJK token, first two of a word. */
  function shardOf(token, count) {
    var chars = Array.from(token);
    var key = chars.slice(0, startsCJK(token) ? 1 : 2);
    var hash = 2166136261;
    for (var i = 0; i < key.length; i++) hash = Math.imul(hash ^ key[i].codePointAt(0), 16777619) >>> 0;
    return hash % count;
  }

  /** Terms of a query: each word alone, each CJK run a phrase of adjacent bigrams (as SearchQuery.swift). */
  function parseQuery(query, typing) {
    var terms = [];
    var previous = null;
    var tokens = tokenizeChars(Array.from(normalize(query)));
    tokens.forEach(function (token) {
      var cjk = startsCJK(token.text);
      if (cjk && previous && previous.position + 1 === token.position && startsCJK(previous.text)) {
        terms[terms.length - 1].tokens.push(token.text);
      } else if (!terms.some(function (t) { return t.tokens.length === 1 && t.tokens[0] === token.text; })) {
        terms.push({ tokens: [token.text], word: token.word || null });
      }
      previous = token;
    });
    // While typing, the last word may be unfinished: let it match as a prefix.
    var last = terms[terms.length - 1];
    if (typing && last && last.word && last.word.length >= 3 && !/\s$/.test(query)) last.prefix = true;
    return terms;
  }

  // ---- Loading index parts -----------------------------------------------

  var script = dom && dom.currentScript;
  var base = script && script.src ? new URL('../', script.src) : null;
  var parts = {};
  var waiting = {};
  var loads = {};

  function register(lang, part, data) {
    var key = lang + '/' + part;
    parts[key] = data;
    if (waiting[key]) { waiting[key](data); delete waiting[key]; }
  }

  function load(lang, part) {
    var key = lang + '/' + part;
    if (parts[key]) return Promise.resolve(parts[key]);
    if (!loads[key]) {
      loads[key] = new Promise(function (resolve, reject) {
        waiting[key] = resolve;
        var tag = dom.createElement('script');
        tag.src = new URL((lang ? encodeURIComponent(lang) + '/search/' : '') + part + '.js', base).href;
        tag.async = true;
        tag.onerror = function () { delete loads[key]; reject(new Error('cannot load ' + tag.src)); };
        dom.head.appendChild(tag);
      });
    }
    return loads[key];
  }

  /** How a language's index is cut into files ({documents, shards, perFile}): from the search
   *  page's data-index ("en 1011 64 7,ja …", SearchLayout in Swift), else from its index.js. */
  function layoutOf(lang) {
    var app = dom && dom.getElementById('search-app');
    var found = null;
    String((app && app.dataset.index) || '').split(',').forEach(function (entry) {
      var f = entry.trim().split(/\s+/);
      if (f.length === 4 && f[0] === lang) found = { documents: +f[1], shards: +f[2], perFile: +f[3] };
    });
    return found ? Promise.resolve(found) : load(lang, 'index');
  }

  /** The bytes Compressed.appendScriptString wrote as a string, seven bits a character: a
   *  character `c` under U+0080 is a group of seven bits; from U+0080, `k = c >> 7` of 1 to 5 is the
   *  unsafe group k - 1 (NUL, LF, CR, quote, backslash: Compressed.unsafeGroups) then the group
   *  `c & 127`, and k of 9 to 13 the unsafe group k - 9, the last. The groups' bits make whole
   *  bytes, then padding. */
  function bytesOf(text) {
    var out = new Uint8Array(Math.ceil(text.length * 14 / 8)), size = 0, bits = 0, held = 0;
    function put(group) {
      bits = bits << 7 | group;
      held += 7;
      if (held >= 8) { held -= 8; out[size++] = bits >>> held & 255; }
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i), kind = c >> 7;
      if (kind) put([0, 10, 13, 34, 92][kind - 1 & 7]);
      if (kind < 9) put(c & 127);
    }
    return out.subarray(0, size);
  }

  // A text file's texts come deflated (SearchIndexBuilder.textFile). The browser inflates them
  // where it can (DecompressionStream); older ones load assets/inflate.js once.
  function inflateText(text) {
    var bytes = bytesOf(text);
    if (global.DecompressionStream) {
      var stream = new global.Blob([bytes]).stream().pipeThrough(new global.DecompressionStream('deflate'));
      return new global.Response(stream).text();
    }
    return load('', 'assets/inflate').then(function (inflate) { return new global.TextDecoder().decode(inflate(bytes)); });
  }

  /** Text file `number` of a language, inflated once: {first, texts: [url, title, text, url…]}. */
  function pack(lang, number) {
    return load(lang, 't-' + number).then(function (data) {
      data.ready = data.ready || inflateText(data.z).then(function (texts) { data.texts = texts.split('\0'); return data; });
      return data.ready;
    });
  }

  /** {url, title, text} of a match's page. */
  function pageOf(match) {
    return pack(match.lang, Math.floor(match.doc / match.perFile)).then(function (p) {
      var i = 3 * (match.doc - p.first);
      return { url: p.texts[i], title: p.texts[i + 1], text: p.texts[i + 2] };
    });
  }

  // ---- Ranking (BM25F weights precomputed at build time) -----------------

  var K1 = 1.2;
  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
  function part(posting) { return posting[1] / (K1 + posting[1]); }

  /** The bigrams a phrase's pages are looked up by: its first and its last (as SearchQuery.Term.cover
   *  in Swift), so a query loads few files. A page with both is a candidate; its text says whether
   *  it holds the whole phrase. */
  function cover(term) {
    var n = term.tokens.length;
    return n > 1 ? [{ token: term.tokens[0] }, { token: term.tokens[n - 1] }] : [{ token: term.tokens[0] }];
  }

  /** A CJK phrase of more than one bigram: its pages must be checked against their text. */
  function needsCheck(term) { return term.tokens.length > 1; }
  function needsChecking(match) { return match.check; }

  /** The text a phrase's bigrams spell (Term.phrase in Swift). */
  function phraseOf(term) {
    var last = Array.from(term.tokens[term.tokens.length - 1]);
    return term.tokens.map(function (t) { return Array.from(t)[0]; }).join('') + last.slice(1).join('');
  }

  function shardsFor(terms, count) {
    var wanted = {};
    terms.forEach(function (term) { cover(term).forEach(function (c) { wanted[shardOf(c.token, count)] = true; }); });
    return Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
  }

  // A posting list comes as a string of base64url characters, each 5 bits of a number and a
  // "more follows" bit (PostingCoder.swift writes it): for each page, the page number's step
  // from the last one, then the weight's code, 60 a doubling of the weight in thousandths
  // (PostingCoder.weightCode). Decoded once, to [page, weight] pairs.
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charAt(d)] = d;

  function decodePostings(text) {
    var i = 0;
    function next() {
      var value = 0, shift = 0, c;
      do {
        c = VALUE[text.charAt(i++)];
        value += (c & 31) * Math.pow(2, shift);
        shift += 5;
      } while (c >= 32);
      return value;
    }
    var list = [];
    var doc = 0;
    while (i < text.length) {
      doc += next();
      list.push([doc, 2 ** (next() / 60) / 1e3]);
    }
    return list;
  }

  function listOf(shard, token) {
    if (!shard || !Object.prototype.hasOwnProperty.call(shard, token)) return [];
    if (typeof shard[token] === 'string') shard[token] = decodePostings(shard[token]);
    return shard[token];
  }

  function postingsOf(shards, token, count) {
    return listOf(shards[shardOf(token, count)], token);
  }

  /** Every token of the shard that starts with the character or the unfinished word, or that the
   *  word extends: doc -> best score. */
  function scorePrefix(term, shards, info) {
    var scores = new Map();
    var stemmed = term.tokens[0];
    var shard = shards[shardOf(stemmed, info.shards)] || {};
    Object.keys(shard).forEach(function (token) {
      var fits = token.startsWith(stemmed) || (term.prefix && token.length >= 4 && term.word.startsWith(token));
      if (!fits) return;
      var list = listOf(shard, token);
      var weight = idf(list.length, info.documents);
      list.forEach(function (posting) {
        var score = weight * part(posting) * (token === stemmed ? 1 : 0.5);
        if (!scores.has(posting[0]) || scores.get(posting[0]) < score) scores.set(posting[0], score);
      });
    });
    return scores;
  }

  /** doc -> score of one term: the pages that have every token of its cover. */
  function scoreTerm(term, shards, info) {
    var single = term.tokens.length === 1 && Array.from(term.tokens[0]).length === 1 && startsCJK(term.tokens[0]);
    if (single || term.prefix) return scorePrefix(term, shards, info);
    var lists = cover(term).map(function (c) { return postingsOf(shards, c.token, info.shards); });
    var maps = lists.map(function (list) { return new Map(list.map(function (p) { return [p[0], p]; })); });
    var scores = new Map();
    maps[0].forEach(function (first, doc) {
      var score = 0;
      if (maps.every(function (m, i) { var p = m.get(doc); score += p ? idf(lists[i].length, info.documents) * part(p) : 0; return p; })) {
        scores.set(doc, score);
      }
    });
    return scores;
  }

  /** Every candidate of one language, best first, without titles: [{lang, doc, score, check}]. */
  function rankLanguage(lang, terms) {
    return layoutOf(lang).then(function (info) {
      var numbers = shardsFor(terms, info.shards);
      return Promise.all(numbers.map(function (k) { return load(lang, 'p-' + k); })).then(function (loaded) {
        var shards = {};
        numbers.forEach(function (k, i) { shards[k] = loaded[i]; });
        var total = null;
        terms.forEach(function (term) {
          var scores = scoreTerm(term, shards, info);
          if (total === null) { total = scores; return; }
          var both = new Map();
          scores.forEach(function (score, doc) { if (total.has(doc)) both.set(doc, total.get(doc) + score); });
          total = both;
        });
        var check = terms.some(needsCheck);
        var matches = [];
        (total || new Map()).forEach(function (score, doc) {
          matches.push({ lang: lang, doc: doc, score: score, perFile: info.perFile, check: check });
        });
        return matches;
      });
    });
  }

  /** Candidates of every language, best first: {terms, matches}. */
  function rank(query, options) {
    var terms = parseQuery(query, options.typing);
    if (!terms.length) return Promise.resolve({ terms: terms, matches: [] });
    var langs = options.langs;
    return Promise.all(langs.map(function (lang) { return rankLanguage(lang, terms); })).then(function (lists) {
      var matches = [].concat.apply([], lists);
      matches.sort(function (a, b) {
        return (b.score - a.score) || (langs.indexOf(a.lang) - langs.indexOf(b.lang)) || (a.doc - b.doc);
      });
      return exactFirst(query, matches).then(function (ordered) { return { terms: terms, matches: ordered }; });
    });
  }

  /** Whether the page holds every CJK phrase of the query, each within its title or its text. */
  function holdsPhrases(page, terms) {
    // A line break between them: no phrase runs from the title into the text.
    var text = normalize(page.title + '\n' + page.text);
    return terms.filter(needsCheck).every(function (term) { return text.indexOf(phraseOf(term)) >= 0; });
  }

  /** Results from `ranked.matches[from…]` until `count` hold (or the matches end), each with
   *  its page, checked where a phrase asks for it. Loads the text files a batch at a time:
   *  {results: [{match, page}], next}. */
  function take(ranked, from, count) {
    var results = [];
    function batch(at) {
      var want = count - results.length;
      if (want <= 0 || at >= ranked.matches.length) return Promise.resolve({ results: results, next: at });
      var slice = ranked.matches.slice(at, at + want);
      return Promise.all(slice.map(pageOf)).then(function (pages) {
        slice.forEach(function (match, i) {
          if (!match.check || holdsPhrases(pages[i], ranked.terms)) results.push({ match: match, page: pages[i] });
        });
        return batch(at + slice.length);
      });
    }
    return batch(from);
  }

  var EXACT = 30;
  /** With a query typed with its marks (lao động), the first EXACT matches that have them come first. */
  function exactFirst(query, matches) {
    var marked = (String(query).normalize('NFKC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || [])
      .filter(function (w) { return fold(w) !== w; });
    if (!marked.length || !matches.length) return Promise.resolve(matches);
    var some = matches.slice(0, EXACT);
    return Promise.all(some.map(function (m) {
      return pageOf(m).then(function (page) {
        var text = (page.title + ' ' + page.text).normalize('NFKC').toLowerCase();
        return marked.every(function (w) { return text.indexOf(w) >= 0; });
      });
    })).then(function (exact) {
      return some.filter(function (m, i) { return exact[i]; })
        .concat(some.filter(function (m, i) { return !exact[i]; }), matches.slice(EXACT));
    });
  }

  // ---- Snippets ------------------------------------------------------------

  /** Ranges [start, end) of original code points in `text` that match the query terms. */
  function markRanges(text, terms) {
    var chars = Array.from(text);
    var norm = [];
    var origin = [];
    chars.forEach(function (ch, i) {
      Array.from(normalize(ch)).forEach(function (n) { norm.push(n); origin.push(i); });
    });
    var tokens = tokenizeChars(norm);
    var byPosition = new Map();
    tokens.forEach(function (t, i) { byPosition.set(t.position, i); });
    var ranges = [];
    function add(start, end) { ranges.push([origin[start], origin[end - 1] + 1]); }
    terms.forEach(function (term) {
      var single = term.tokens.length === 1 && startsCJK(term.tokens[0]) && Array.from(term.tokens[0]).length === 1;
      tokens.forEach(function (t) {
        if (single) {
          if (t.text.startsWith(term.tokens[0])) add(t.position, t.position + 1);
        } else if (startsCJK(term.tokens[0])) {
          if (t.text !== term.tokens[0]) return;
          var ok = term.tokens.every(function (want, i) {
            var j = byPosition.get(t.position + i);
            return j !== undefined && tokens[j].text === want;
          });
          if (ok) add(t.position, t.position + term.tokens.length + 1);
        } else if (t.text === term.tokens[0] ||
                   (term.prefix && (t.text.startsWith(term.tokens[0]) || (t.text.length >= 4 && term.word.startsWith(t.text))))) {
          add(t.position, t.end);
        }
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return { chars: chars, ranges: merged };
  }

  var BEFORE = 40;
  var LENGTH = 180;

  /** Where a snippet may come from: a window of the text around the first place a term may
   *  match, so a long page is not tokenised whole. Null when normalising moves positions. */
  function windowOf(text, terms) {
    var normal = normalize(text);
    if (normal.length !== text.length) return null;
    var first = -1;
    terms.forEach(function (term) {
      var needle = startsCJK(term.tokens[0]) ? phraseOf(term) : (term.prefix ? term.word : term.tokens[0]);
      var at = normal.indexOf(needle);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first < 0) return null;
    // Its edges are never shown: the snippet starts BEFORE characters ahead of the match.
    return { start: Math.max(0, first - 2 * BEFORE), end: Math.min(text.length, first + 2 * LENGTH) };
  }

  /** A window of the text around the first match: plain text and its parts, marked or not. Only
   *  the part of a long text around the first place a term may match is tokenised, when that part
   *  holds a match. */
  function snippet(text, terms) {
    var span = windowOf(text, terms) || { start: 0, end: text.length };
    var found = markRanges(text.slice(span.start, span.end), terms);
    if (!found.ranges.length && span.end - span.start < text.length) {
      span = { start: 0, end: text.length };
      found = markRanges(text, terms);
    }
    var chars = found.chars;
    var start = found.ranges.length ? Math.max(0, found.ranges[0][0] - BEFORE) : 0;
    var end = Math.min(chars.length, start + LENGTH);
    var parts = [];
    var at = start;
    found.ranges.forEach(function (r) {
      var a = Math.max(r[0], start);
      var b = Math.min(r[1], end);
      if (a >= b) return;
      if (a > at) parts.push({ text: chars.slice(at, a).join(''), mark: false });
      parts.push({ text: chars.slice(a, b).join(''), mark: true });
      at = b;
    });
    if (at < end) parts.push({ text: chars.slice(at, end).join(''), mark: false });
    if (start > 0 || span.start > 0) parts.unshift({ text: '\u2026', mark: false });
    if (end < chars.length || span.end < text.length) parts.push({ text: '\u2026', mark: false });
    return { snippet: parts.map(function (p) { return p.text; }).join(''), parts: parts };
  }

  /** A result as search() gives it: {url, title, snippet, parts, lang, href, score}. */
  function describe(result, terms) {
    var page = result.page;
    var cut = snippet(page.text, terms);
    return {
      url: page.url, title: page.title, snippet: cut.snippet, parts: cut.parts, lang: result.match.lang,
      href: base ? new URL(page.url, base).href : page.url, score: result.match.score,
    };
  }

  function pageLanguage() {
    var app = dom && dom.getElementById('search-app');
    if (app && app.dataset.lang) return app.dataset.lang;
    return (dom && dom.documentElement.lang) || 'en';
  }

  function siteLanguages() {
    var list = dom && dom.querySelectorAll('#search-languages [data-code]');
    var codes = list ? Array.prototype.map.call(list, function (li) { return li.dataset.code; }) : [];
    return codes.length ? codes : [pageLanguage()];
  }

  function languagesOf(option) {
    if (option === 'all' || option === '*') return siteLanguages();
    if (Array.isArray(option)) return option.slice();
    return [option || pageLanguage()];
  }

  /** Ranked matches {url, title, snippet, lang} of `query`; `lang` a code, an array or "all". */
  function search(query, options) {
    options = options || {};
    var limit = options.limit === undefined ? 10 : options.limit;
    return rank(query, { langs: languagesOf(options.lang), typing: !!options.prefix }).then(function (ranked) {
      return take(ranked, 0, limit === Infinity ? ranked.matches.length : limit).then(function (taken) {
        return taken.results.map(function (result) { return describe(result, ranked.terms); });
      });
    });
  }

  // ---- The search page -----------------------------------------------------

  var TEXTS = {
    en: {
      count: '{count} results for \u201c{query}\u201d', one: '1 result for \u201c{query}\u201d',
      none: 'No pages match \u201c{query}\u201d.', all: 'Search all languages', error: 'The search index could not be loaded.',
      upTo: 'Up to {count} results for \u201c{query}\u201d', more: 'More results',
    },
  };
  var SHOWN = 10;

  function text(app, name, values) {
    var template = app.dataset['text' + name[0].toUpperCase() + name.slice(1)] ||
      TEXTS.en[name];
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  }

  function setUpPage() {
    var app = dom.getElementById('search-app');
    var form = dom.getElementById('search-form');
    var input = dom.getElementById('search-input');
    var list = dom.getElementById('search-results');
    var status = dom.getElementById('search-status');
    if (!app || !form || !input || !list || !status) return;
    var nojs = dom.getElementById('search-nojs');
    if (nojs) nojs.hidden = true;
    var root = app.dataset.root || '';
    var names = {};
    Array.prototype.forEach.call(dom.querySelectorAll('#search-languages [data-code]'), function (li) {
      names[li.dataset.code] = li.textContent;
    });
    var params = new URLSearchParams(global.location.search);
    var all = dom.getElementById('search-all');
    if (!all && Object.keys(names).length > 1) {
      var label = dom.createElement('label');
      label.className = 'search__all';
      all = dom.createElement('input');
      all.type = 'checkbox';
      all.id = 'search-all';
      all.name = 'all';
      all.value = '1';
      label.appendChild(all);
      label.appendChild(dom.createTextNode(' ' + text(app, 'all', {})));
      form.appendChild(label);
    }
    if (all) all.checked = params.get('all') === '1';
    input.value = params.get('q') || '';
    var generation = 0;

    function element(name, className) {
      var made = dom.createElement(name);
      made.className = className;
      return made;
    }

    function item(r, everyLanguage) {
      var li = element('li', 'search__result');
      var a = dom.createElement('a');
      a.href = root + r.url;
      a.textContent = r.title;
      if (r.lang !== app.dataset.lang) { a.lang = r.lang; a.hreflang = r.lang; }
      li.appendChild(a);
      if (everyLanguage) {
        var tag = element('span', 'search__lang');
        tag.lang = r.lang;
        tag.textContent = ' (' + (names[r.lang] || r.lang) + ')';
        li.appendChild(tag);
      }
      var p = element('p', 'search__snippet');
      if (r.lang !== app.dataset.lang) p.lang = r.lang;
      r.parts.forEach(function (part) {
        var node = part.mark ? dom.createElement('mark') : p;
        node.appendChild(dom.createTextNode(part.text));
        if (node !== p) p.appendChild(node);
      });
      li.appendChild(p);
      return li;
    }

    // The next SHOWN results on demand, after the list.
    var more = element('button', 'search__more');
    more.hidden = true;
    more.textContent = text(app, 'more', {});
    list.parentNode.insertBefore(more, list.nextSibling);
    var shown = null;  // {query, ranked, next, held, everyLanguage} of the list on screen

    /** The status line: exact once every candidate is known to match, else "up to". */
    function count(state) {
      var rest = state.ranked.matches.slice(state.next);
      var total = state.held + rest.length;
      return text(app, !total ? 'none' : rest.some(needsChecking) ? 'upTo' : total === 1 ? 'one' : 'count',
                  { count: total, query: state.query.trim() });
    }

    function show(state, taken, append) {
      var items = taken.results.map(function (r) { return item(describe(r, state.ranked.terms), state.everyLanguage); });
      if (append) items.forEach(function (li) { list.appendChild(li); });
      else list.replaceChildren.apply(list, items);
      state.next = taken.next;
      state.held += taken.results.length;
      status.textContent = state.query.trim() ? count(state) : '';
      more.hidden = state.next >= state.ranked.matches.length;
      app.dataset.state = 'done';
      // For benchmarks (Benchmarks/search): when the results were on screen.
      if (global.performance) global.performance.mark('hashi-search-done');
    }

    function run(query, typing) {
      var mine = ++generation;
      var everyLanguage = !!(all && all.checked);
      var langs = everyLanguage ? siteLanguages() : [app.dataset.lang];
      rank(query, { langs: langs, typing: typing }).then(function (ranked) {
        if (mine !== generation) return null;
        var state = { query: query, ranked: ranked, next: 0, held: 0, everyLanguage: everyLanguage };
        return take(ranked, 0, SHOWN).then(function (taken) {
          if (mine !== generation) return;
          shown = state;
          show(state, taken, false);
        });
      }).catch(function () {
        if (mine === generation) { status.textContent = text(app, 'error', {}); app.dataset.state = 'error'; }
      });
    }

    more.addEventListener('click', function () {
      var state = shown;
      var mine = generation;
      if (!state) return;
      var first = list.children.length;
      take(state.ranked, state.next, SHOWN).then(function (taken) {
        if (mine !== generation || state !== shown) return;
        show(state, taken, true);
        // Keyboard and screen reader users go on from the first new result.
        var link = list.children[first] && list.children[first].querySelector('a');
        if (link) link.focus();
      }).catch(function () { status.textContent = text(app, 'error', {}); });
    });

    function remember() {
      try {
        var next = new URLSearchParams();
        if (input.value) next.set('q', input.value);
        if (all && all.checked) next.set('all', '1');
        var query = next.toString();
        global.history.replaceState(null, '', query ? '?' + query : global.location.pathname);
      } catch (e) { /* some browsers refuse this on file:// */ }
    }

    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { remember(); run(input.value, true); }, 120);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      remember();
      run(input.value, false);
    });
    if (all) all.addEventListener('change', function () { remember(); run(input.value, false); });
    run(input.value, false);
  }

  global.HashiSearch = {
    register, search, tokenize, normalize, stem, shardOf, decodePostings, bytesOf, parseQuery, snippet,
  };

  if (dom) {
    if (dom.readyState === 'loading') dom.addEventListener('DOMContentLoaded', setUpPage);
    else setUpPage();
  }
})(typeof window !== 'undefined' ? window : globalThis);

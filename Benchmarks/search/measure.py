#!/usr/bin/env python3
"""Search on a throttled phone: hashi beside Pagefind on the shared/bench corpus (issue 18).

Steps (see run.sh, which installs what is missing, and RESULTS.md):
  1. generate the corpus (gen_corpus.py --pages N, kept in WORK/corpus-p<N> and reused for the
     same N and seed) and write its content/site.yaml (en, ja);
  2. build it with hashi into WORK/hashi-p<N> (`--timings`, under /usr/bin/time -v);
  3. copy that output (hard links) to WORK/pagefind-p<N>, index it there with Pagefind
     (`--root-selector main --exclude-selectors .toc`, the text hashi indexes) and add a minimal
     search page a language, pagefind-search-<lang>.html (hashi's CSP forbids wasm);
  4. measure each index on disk: hashi's <lang>/search/ folders minus their index.html,
     Pagefind's output folder; apparent bytes, disk usage as du counts it, files;
  5. serve each site from 127.0.0.1 (a counting server: every file sent, its raw size and its
     gzip -6 size; Cache-Control: no-store) and, in headless Chromium driven over the DevTools
     protocol, open for every query and run a fresh tab with the CPU slowed 4x
     (Emulation.setCPUThrottlingRate) and the cache disabled, at <lang>/search/?q=<query> for
     hashi and pagefind-search-<lang>.html?q=<query> for Pagefind. A MutationObserver installed
     before the page's own scripts (Page.addScriptToEvaluateOnNewDocument) records
     performance.now(), i.e. the time since navigation start, when the results are on screen:
     when #search-results first holds ten items with a title link and a snippet, or when
     #search-app gets data-state="done" (or "error") if that comes first. hashi's
     performance.mark('hashi-search-done') is read too, when the page sets it, as a cross-check.
     Tools alternate query by query (hashi q1, pagefind q1, hashi q2, ...), all queries R times,
     after one untimed warm-up of each tool;
  6. print Markdown tables and which of issue 18's targets hold, and write every figure as JSON.

Exits 1 when a measurement fails (a page that never reaches done, an error state, fewer results
shown than found, a build that fails), and with --require-targets 3 when a target does not hold.
"""

import argparse
import contextlib
import datetime
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, HERE)

SITE_YAML = """languages:
  - code: en
    name: English
    title: Bench
  - code: ja
    name: 日本語
    title: ベンチ
"""

# Queries for the synthetic corpus (see gen_corpus.py's vocabulary): common one- and two-word
# English queries, a person's family name (one page), Japanese nouns and a two-word query, and
# ワット, a fragment of katakana person names (ヴァワット, ティワット, ...; about 66 pages at 1k).
QUERIES = [
    ("en", "shelter"),
    ("en", "labor rights"),
    ("en", "unpaid wages"),
    ("en", "interpreters"),
    ("en", "mental health"),
    ("en", "mutahan"),
    ("ja", "相談窓口"),
    ("ja", "シェルター"),
    ("ja", "未払い賃金"),
    ("ja", "技能実習 相談"),
    ("ja", "外国人労働者"),
    ("ja", "ワット"),
]

# Pagefind indexes <main> without the table of contents: the text hashi indexes.
PAGEFIND_ARGS = ["--root-selector", "main", "--exclude-selectors", ".toc"]

# The figures of the baseline run (RESULTS.md, "before the redesign"), for the target
# "gzipped bytes per query at most today's". --baseline FILE (a results.json) replaces them.
BASELINE = {
    "what": "the baseline run of RESULTS.md: main at df80b5d, 1,000 pages a language, 2026-12-01",
    "gz_median": 214070,
    "gz_per_query": {"shelter": 190484, "labor rights": 173309, "unpaid wages": 184847, "interpreters": 207765,
                     "mental health": 200504, "mutahan": 16959, "相談窓口": 303405, "シェルター": 291212,
                     "未払い賃金": 292043, "技能実習 相談": 301790, "外国人労働者": 446674, "ワット": 220374},
}

MARK = "hashi-search-done"
RESULT_COUNT = 10

# Installed before any script of the page: records when the results are on screen.
OBSERVER_JS = r"""
(() => {
  const want = %d;
  const rec = { shown: null, shownBy: null, done: null, state: null, items: 0, frame: null };
  Object.defineProperty(window, '__bench', { value: rec });
  let reported = false;
  function report() {
    if (reported) return;
    reported = true;
    requestAnimationFrame(() => {
      rec.frame = performance.now();
      if (typeof window.__benchReport === 'function') window.__benchReport(JSON.stringify(rec));
    });
  }
  function complete(li) {
    const a = li.querySelector('a[href]');
    const p = li.querySelector('p');
    return !!(a && a.textContent.trim() && p && p.textContent.trim());
  }
  function check() {
    const app = document.getElementById('search-app');
    if (!app) return;
    const now = performance.now();
    const list = document.getElementById('search-results') || app.querySelector('ol');
    if (rec.shown === null && list) {
      let full = 0;
      for (const li of list.children) if (li.tagName === 'LI' && complete(li)) full++;
      rec.items = full;
      if (full >= want) { rec.shown = now; rec.shownBy = 'ten'; }
    }
    const state = app.getAttribute('data-state');
    if ((state === 'done' || state === 'error') && rec.done === null) {
      rec.done = now;
      rec.state = state;
      if (list) rec.items = Array.prototype.filter.call(list.children, li => li.tagName === 'LI' && complete(li)).length;
      if (rec.shown === null) { rec.shown = now; rec.shownBy = 'done'; }
      report();
    }
  }
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();
""" % RESULT_COUNT

# Read once the page has reported (not timed).
COLLECT_JS = r"""
(() => {
  const app = document.getElementById('search-app');
  const status = document.getElementById('search-status');
  const mark = performance.getEntriesByName('%s')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map(r => ({
    name: new URL(r.name).pathname, start: r.startTime, fetchStart: r.fetchStart, end: r.responseEnd,
    type: r.initiatorType }));
  const paint = {};
  for (const p of performance.getEntriesByType('paint')) paint[p.name] = p.startTime;
  return {
    bench: window.__bench,
    mark: mark ? mark.startTime : null,
    status: status ? status.textContent : null,
    total: app && app.dataset.total !== undefined ? Number(app.dataset.total) : null,
    error: app ? (app.dataset.error || null) : 'no #search-app',
    nav: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive,
                 dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    paint: paint,
    resources: res,
  };
})()
""" % MARK

PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind search ({lang})</title>
</head>
<body>
<main>
<div id="search-app" data-lang="{lang}">
<h1>Search</h1>
<p id="search-status" role="status"></p>
<ol id="search-results"></ol>
</div>
</main>
<script type="module">
const app = document.getElementById('search-app');
const params = new URLSearchParams(location.search);
const q = params.get('q') || '';
try {{
  const pf = await import('./pagefind/pagefind.js');
  if (params.get('worker') === '0') await pf.options({{ noWorker: true }});
  await pf.init?.();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, {count}).map(x => x.data()));
  const items = data.map(d => {{
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = (d.meta && d.meta.title) || d.url;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }});
  document.getElementById('search-results').replaceChildren(...items);
  document.getElementById('search-status').textContent = r.results.length + ' results';
  app.dataset.total = String(r.results.length);
  app.dataset.state = 'done';
}} catch (e) {{
  app.dataset.error = String(e && e.stack || e);
  app.dataset.state = 'error';
}}
</script>
</body>
</html>
"""


def log(*args):
    print("[search]", *args, file=sys.stderr, flush=True)


def fail(message):
    log("FAILED:", message)
    sys.exit(1)


def timed(cmd, logfile):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS bytes, output)."""
    log("running:", " ".join(cmd))
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    wall = time.monotonic() - start
    with open(logfile, "w") as f:
        f.write(proc.stdout)
    if proc.returncode != 0:
        fail(f"command failed ({proc.returncode}), see {logfile}:\n{proc.stdout[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stdout)
    return wall, int(rss.group(1)) * 1024 if rss else None, proc.stdout


def pagefind_binary():
    try:
        import pagefind_bin
    except ImportError:
        fail("Pagefind is not installed: python3 -m pip install 'pagefind[bin]'")
    path = os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind")
    if not os.path.exists(path):
        fail(f"no Pagefind binary at {path}")
    return path


# ---- corpus and builds ----------------------------------------------------------

def generate(args, corpus):
    stamp = os.path.join(corpus, "corpus.json")
    want = {"pages": args.pages, "seed": args.seed, "generator": os.path.abspath(args.gen)}
    have = json.load(open(stamp)) if os.path.exists(stamp) else None
    if have != want or not os.path.isdir(os.path.join(corpus, "ja")):
        cmd = [sys.executable, args.gen, "--out", corpus, "--pages", str(args.pages), "--seed", args.seed,
               "--jobs", str(os.cpu_count() or 1), "--force"]
        log("generating:", " ".join(cmd))
        subprocess.run(cmd, check=True)
        json.dump(want, open(stamp, "w"))
    else:
        log("reusing corpus", corpus)
    with open(os.path.join(corpus, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML)


def build_hashi(args, corpus, site, work):
    if os.path.exists(site):
        shutil.rmtree(site)
    wall, rss, out = timed([args.hashi, "build", "--content", corpus, "--templates", args.templates,
                            "--output", site, "--timings"], os.path.join(work, "hashi-build.log"))
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"hashi: ([\w+]+) ([\d.]+) s", out)}
    return {"wall_s": wall, "peak_rss": rss, "stages": stages}


def build_pagefind(binary, site, pfsite, work):
    if os.path.exists(pfsite):
        shutil.rmtree(pfsite)
    # The same HTML, hard-linked; Pagefind writes its bundle into pfsite/pagefind.
    shutil.copytree(site, pfsite, copy_function=os.link)
    wall, rss, out = timed([binary, "--site", pfsite] + PAGEFIND_ARGS, os.path.join(work, "pagefind.log"))
    pages = re.search(r"Indexed (\d+) pages", out)
    words = re.search(r"Indexed (\d+) words", out)
    return {"wall_s": wall, "peak_rss": rss, "pages": int(pages.group(1)) if pages else None,
            "words": int(words.group(1)) if words else None}


def write_pagefind_pages(pfsite, langs):
    for lang in langs:
        with open(os.path.join(pfsite, f"pagefind-search-{lang}.html"), "w", encoding="utf-8") as f:
            f.write(PAGEFIND_PAGE.format(lang=lang, count=RESULT_COUNT))


# ---- index on disk ---------------------------------------------------------------

def usage(path, skip=lambda rel: False):
    """Apparent bytes, disk bytes (st_blocks as du counts them, hard links once) and files under path."""
    apparent = disk = files = 0
    seen = set()
    for root, dirs, names in os.walk(path):
        st = os.lstat(root)
        disk += st.st_blocks * 512
        for name in names:
            full = os.path.join(root, name)
            if skip(os.path.relpath(full, path)):
                continue
            st = os.lstat(full)
            files += 1
            apparent += st.st_size
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                disk += st.st_blocks * 512
    return {"apparent": apparent, "disk": disk, "files": files}


def du_bytes(path):
    try:
        return int(subprocess.run(["du", "-s", "-B1", path], capture_output=True, text=True,
                                  check=True).stdout.split()[0])
    except Exception:
        return None


def index_sizes(site, pfsite, langs):
    hashi = {"apparent": 0, "disk": 0, "files": 0, "per_lang": {}, "kinds": {}}
    for lang in langs:
        folder = os.path.join(site, lang, "search")
        u = usage(folder, skip=lambda rel: rel == "index.html")
        hashi["per_lang"][lang] = u
        for k in ("apparent", "disk", "files"):
            hashi[k] += u[k]
        for name in os.listdir(folder):
            if name == "index.html":
                continue
            kind = kind_of(name)
            slot = hashi["kinds"].setdefault(kind, {"apparent": 0, "files": 0})
            slot["apparent"] += os.path.getsize(os.path.join(folder, name))
            slot["files"] += 1
    hashi["search_js"] = os.path.getsize(os.path.join(site, "assets", "search.js"))
    bundle = os.path.join(pfsite, "pagefind")
    pf = usage(bundle)
    pf["du"] = du_bytes(bundle)
    pf["kinds"] = {}
    for root, _, names in os.walk(bundle):
        for name in names:
            kind = kind_of(os.path.relpath(os.path.join(root, name), bundle))
            slot = pf["kinds"].setdefault(kind, {"apparent": 0, "files": 0})
            slot["apparent"] += os.path.getsize(os.path.join(root, name))
            slot["files"] += 1
    return {"hashi": hashi, "pagefind": pf}


def kind_of(path):
    name = path.rsplit("/", 1)[-1]
    if re.match(r"p-\d+\.js$", name):
        return "postings"
    if re.match(r"t-\d+\.js$", name):
        return "texts"
    if name == "index.js":
        return "meta"
    if "fragment/" in path:
        return "fragments"
    if "index/" in path and name.endswith(".pf_index"):
        return "index chunks"
    if name.endswith(".pf_meta") or name == "pagefind-entry.json":
        return "meta"
    if name in ("pagefind.js", "pagefind-worker.js") or name.startswith("wasm."):
        return "runtime"
    if name.startswith("pagefind-") and name.endswith((".js", ".css")):
        return "ui (not loaded)"
    return "other"


# ---- serving ---------------------------------------------------------------------

class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = []
        self.inflight = 0
        self.last = time.monotonic()

    def take(self):
        with self.lock:
            sent, self.sent = self.sent, []
        return sent

    def wait_quiet(self, quiet=0.5, limit=10.0):
        """Waits until no request is in flight and none came for `quiet` seconds."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                idle = self.inflight == 0 and time.monotonic() - self.last >= quiet
            if idle:
                return True
            time.sleep(0.05)
        return False


GZ_CACHE = {}


def gz_size(full, data):
    st = os.stat(full)
    key = (full, st.st_mtime_ns, st.st_size)
    if key not in GZ_CACHE:
        GZ_CACHE[key] = len(gzip.compress(data, 6))
    return GZ_CACHE[key]


def make_handler(root, log_):
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                              **{".wasm": "application/wasm", ".js": "text/javascript",
                                 ".mjs": "text/javascript", ".svg": "image/svg+xml"})

        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def handle_one_request(self):
            with log_.lock:
                log_.inflight += 1
            try:
                super().handle_one_request()
            finally:
                with log_.lock:
                    log_.inflight -= 1
                    log_.last = time.monotonic()

        def send_head(self):
            f = super().send_head()
            if f is not None and hasattr(f, "fileno"):
                path = self.translate_path(self.path)
                if os.path.isdir(path):
                    path = os.path.join(path, "index.html")
                data = f.read()
                f.seek(0)
                with log_.lock:
                    log_.sent.append({"path": urllib.parse.unquote(urllib.parse.urlsplit(self.path).path),
                                      "raw": len(data), "gz": gz_size(path, data)})
            return f

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def serve(root):
    log_ = Log()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(root, log_))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log_
    finally:
        server.shutdown()
        server.server_close()


PAGE_ASSETS = ("/assets/search.js", "/assets/quick-exit.js")


def page_asset(tool, path):
    """What every search page loads whatever the query: for hashi its CSS, assets/search.js,
    assets/quick-exit.js and the favicon; for Pagefind's page (which has no CSS) the favicon."""
    if "favicon" in path:
        return True
    return tool == "hashi" and (path.endswith(".css") or path.endswith(PAGE_ASSETS))


def split_requests(sent, tool, page_path):
    """(search requests, every request after the HTML page itself)."""
    after = [r for r in sent if r["path"] != page_path]
    return [r for r in after if not page_asset(tool, r["path"])], after


def tally(requests):
    return {"requests": len(requests), "raw": sum(r["raw"] for r in requests),
            "gz": sum(r["gz"] for r in requests)}


# ---- browser ---------------------------------------------------------------------

class Runner:
    def __init__(self, args):
        from cdp import Browser
        self.args = args
        self.browser = Browser(args.chromium)
        self.version = self.browser.version.get("product")
        self.user_agent = self.browser.version.get("userAgent")

    def open(self, url, throttle, log_, timeout):
        b = self.browser
        b.drain_events()
        log_.take()
        target, session = b.new_tab()
        try:
            b.call("Network.enable", {}, session)
            b.call("Network.setCacheDisabled", {"cacheDisabled": True}, session)
            b.call("Network.clearBrowserCache", {}, session)
            b.call("Emulation.setCPUThrottlingRate", {"rate": throttle}, session)
            b.call("Runtime.enable", {}, session)
            b.call("Runtime.addBinding", {"name": "__benchReport"}, session)
            b.call("Page.enable", {}, session)
            b.call("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVER_JS}, session)
            load = os.getloadavg()[0]
            b.call("Page.navigate", {"url": url}, session)
            msg = b.wait_event(lambda m: m.get("method") == "Runtime.bindingCalled"
                               and m.get("sessionId") == session
                               and m["params"].get("name") == "__benchReport", timeout)
            if msg is None:
                state = None
                with contextlib.suppress(Exception):
                    state = b.evaluate(session, "JSON.stringify([document.readyState, window.__bench])", 10)
                raise RuntimeError(f"{url}: no results on screen within {timeout} s (page: {state})")
            info = b.evaluate(session, COLLECT_JS)
            info["load1"] = load
            log_.wait_quiet()
            info["sent"] = log_.take()
            return info, session, target
        except Exception:
            b.close_tab(target)
            raise

    def measure(self, tool, base, log_, lang, query):
        q = urllib.parse.quote(query)
        if tool["kind"] == "hashi":
            page = f"/{lang}/search/"
            url = f"{base}{page}?q={q}"
        else:
            page = f"/pagefind-search-{lang}.html"
            url = f"{base}{page}?q={q}" + ("&worker=0" if tool["mode"] == "main" else "")
        info, session, target = self.open(url, self.args.throttle, log_, self.args.timeout)
        self.browser.close_tab(target)
        bench = info["bench"] or {}
        if bench.get("state") != "done":
            raise RuntimeError(f"{tool['name']} {query!r}: state {bench.get('state')!r} "
                               f"({info.get('error') or info.get('status')})")
        search, after = split_requests(info["sent"], tool["kind"], page)
        return {
            "shown_ms": bench["shown"], "shown_by": bench["shownBy"], "done_ms": bench["done"],
            "frame_ms": bench["frame"], "mark_ms": info["mark"], "items": bench["items"],
            "status": info["status"], "total_attr": info["total"], "nav": info["nav"], "paint": info["paint"],
            "resources": info["resources"], "load1": info["load1"],
            "search": tally(search), "all": tally(after),
            "files": [(r["path"], r["raw"], r["gz"]) for r in search],
        }

    def hashi_total_by_api(self, base, log_, lang, query):
        """Fallback when the status line has no number: every match through the page's API, unthrottled."""
        b = self.browser
        target, session = b.new_tab()
        try:
            b.call("Page.enable", {}, session)
            b.call("Page.navigate", {"url": f"{base}/{lang}/search/"}, session)
            b.wait_event(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session, 60)
            n = b.evaluate(session, "window.HashiSearch ? HashiSearch.search(%s, {lang: %s, limit: Infinity})"
                           ".then(r => r.length) : null" % (json.dumps(query), json.dumps(lang)), 300)
            log_.wait_quiet()
            log_.take()
            return n
        finally:
            b.close_tab(target)

    def close(self):
        self.browser.close()


def status_number(status, query):
    if not status:
        return None
    # The largest number, so that "10 of 977 results" reads as 977 (the query's own digits removed).
    numbers = re.findall(r"\d[\d,]*", status.replace(query.strip(), ""))
    return max(int(n.replace(",", "")) for n in numbers) if numbers else (0 if status.strip() else None)


def hashi_split(run):
    """Where a hashi page's time goes: the page (HTML, CSS, search.js) up to DOMContentLoaded, then
    the index files (first request to last answer, from Resource Timing), then the rest to the
    results on screen (ranking, snippets, rendering)."""
    data = [r for r in run["resources"] if not page_asset("hashi", r["name"])]
    nav = run["nav"] or {}
    if not data:
        return None
    first = min(r["start"] for r in data)
    last = max(r["end"] for r in data)
    return {"dcl": nav.get("dcl"), "first_request": first, "last_answer": last,
            "after_last_answer": run["shown_ms"] - last}


def run_browser(args, site, pfsite, tools, queries):
    runner = Runner(args)
    rows = {(t["name"], lang, q): [] for t in tools for lang, q in queries}
    loads = []
    totals = {}
    try:
        with serve(site) as (hbase, hlog), serve(pfsite) as (pbase, plog):
            servers = {"hashi": (hbase, hlog), "pagefind": (pbase, plog)}
            log(f"hashi at {hbase}, Pagefind at {pbase}; Chromium {runner.version}; CPU throttled {args.throttle}x")
            for tool in tools:  # one untimed warm-up of the browser a tool
                runner.measure(tool, *servers[tool["kind"]], *queries[0])
            for rep in range(args.runs):
                for lang, query in queries:
                    for tool in tools:
                        r = runner.measure(tool, *servers[tool["kind"]], lang, query)
                        loads.append(r["load1"])
                        rows[(tool["name"], lang, query)].append(r)
                        found = (status_number(r["status"], query) if tool["kind"] == "hashi"
                                 else r["total_attr"])
                        want = min(RESULT_COUNT, found) if found is not None else None
                        if want is not None and r["items"] < want:
                            raise RuntimeError(f"{tool['name']} {query!r}: {r['items']} results on screen, "
                                               f"{found} found")
                        log(f"run {rep + 1}/{args.runs} {tool['name']:17} {lang} {query:12} "
                            f"{r['shown_ms']:7.0f} ms ({r['shown_by']}) {r['search']['requests']:3} req "
                            f"{r['search']['gz'] / 1024:7.1f} KiB gz  found {found}  load {r['load1']:.2f}")
            for lang, query in queries:
                for tool in tools:
                    last = rows[(tool["name"], lang, query)][-1]
                    if tool["kind"] == "hashi":
                        n = status_number(last["status"], query)
                        how = "status line"
                        if n is None:
                            n, how = runner.hashi_total_by_api(hbase, hlog, lang, query), "HashiSearch.search"
                    else:
                        n, how = last["total_attr"], "results.length"
                    totals[(tool["name"], lang, query)] = (n, how)
    finally:
        runner.close()
    return rows, totals, loads, runner.version, runner.user_agent


# ---- report ----------------------------------------------------------------------

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def kib(n):
    return "–" if n is None else f"{n / 1024:,.1f} KiB" if n < 1024 * 1024 else f"{n / 1048576:,.2f} MiB"


def mb(n):
    return "–" if n is None else f"{n / 1e6:,.1f} MB"


def ms(x):
    return "–" if x is None else f"{x:,.0f} ms"


def summarise(rows, totals, tools, queries):
    per_query = []
    for lang, query in queries:
        entry = {"lang": lang, "query": query, "tools": {}}
        for tool in tools:
            runs = rows[(tool["name"], lang, query)]
            last = runs[-1]
            splits = [hashi_split(r) for r in runs] if tool["kind"] == "hashi" else []
            splits = [s for s in splits if s]
            entry["tools"][tool["name"]] = {
                "shown_ms": med(r["shown_ms"] for r in runs),
                "shown_all": [round(r["shown_ms"], 1) for r in runs],
                "shown_by": sorted({r["shown_by"] for r in runs}),
                "done_ms": med(r["done_ms"] for r in runs),
                "frame_ms": med(r["frame_ms"] for r in runs),
                "mark_ms": med(r["mark_ms"] for r in runs),
                "dcl_ms": med((r["nav"] or {}).get("dcl") for r in runs),
                "requests": med(r["search"]["requests"] for r in runs),
                "requests_all": med(r["all"]["requests"] for r in runs),
                "raw": med(r["search"]["raw"] for r in runs),
                "gz": med(r["search"]["gz"] for r in runs),
                "raw_all": med(r["all"]["raw"] for r in runs),
                "gz_all": med(r["all"]["gz"] for r in runs),
                "shown_items": last["items"],
                "found": totals[(tool["name"], lang, query)][0],
                "found_by": totals[(tool["name"], lang, query)][1],
                "status": last["status"],
                "split": {k: med(s[k] for s in splits) for k in ("dcl", "first_request", "last_answer",
                                                                  "after_last_answer")} if splits else None,
                "files": last["files"],
            }
        per_query.append(entry)
    overall = {}
    for tool in tools:
        name = tool["name"]
        for scope in ("all", "en", "ja"):
            qs = [e["tools"][name] for e in per_query if scope == "all" or e["lang"] == scope]
            overall.setdefault(name, {})[scope] = {
                "shown_ms": med(q["shown_ms"] for q in qs),
                "requests": med(q["requests"] for q in qs),
                "requests_max": max(q["requests"] for q in qs),
                "requests_all": med(q["requests_all"] for q in qs),
                "gz": med(q["gz"] for q in qs), "raw": med(q["raw"] for q in qs),
                "gz_all": med(q["gz_all"] for q in qs),
                "queries": len(qs),
            }
        overall[name]["all_runs_shown_ms"] = med(r["shown_ms"] for (t, _, _), runs in rows.items() if t == name
                                                 for r in runs)
    return per_query, overall


def targets(data, baseline):
    """Issue 18's targets for the search, as (name, holds, figures)."""
    o = data["overall"]
    h = o["hashi"]["all"]
    p = o["pagefind"]["all"]
    out = [("time to results (median of the per-query medians) ≤ Pagefind's",
            h["shown_ms"] <= p["shown_ms"], f"{ms(h['shown_ms'])} against {ms(p['shown_ms'])}"),
           ("at most 12 requests per query (every query)", h["requests_max"] <= 12,
            f"up to {h['requests_max']:.0f} (median {h['requests']:.0f})")]
    if baseline and baseline.get("gz_median"):
        per = baseline.get("gz_per_query", {})
        over = [e["query"] for e in data["per_query"]
                if e["query"] in per and e["tools"]["hashi"]["gz"] > per[e["query"]]]
        out.append(("gzipped bytes per query ≤ the baseline's (median over the queries)",
                    h["gz"] <= baseline["gz_median"], f"{kib(h['gz'])} against {kib(baseline['gz_median'])} "
                                                      f"({baseline.get('what', 'baseline')}); queries above their "
                                                      f"baseline: {', '.join(over) if over else 'none'}"))
    else:
        out.append(("gzipped bytes per query ≤ the baseline's", None, f"{kib(h['gz'])}; no baseline given"))
    hs, ps = data["sizes"]["hashi"], data["sizes"]["pagefind"]
    out.append(("index on disk ≤ Pagefind's (apparent bytes and du)",
                hs["apparent"] <= ps["apparent"] and hs["disk"] <= ps["disk"],
                f"{mb(hs['apparent'])} / du {mb(hs['disk'])} against {mb(ps['apparent'])} / du {mb(ps['disk'])}"))
    return out


def report(data):
    out = []
    tools = data["tools"]
    names = [t["name"] for t in tools]
    out.append(f"- Date {data['date']}; {data['machine']['cpu']}, {data['machine']['cores']} cores, "
               f"{data['machine']['mem_gib']:.1f} GiB; {data['machine']['platform']}")
    out.append(f"- {data['versions']['chromium']} headless, CPU throttled {data['throttle']}×, cache disabled, "
               f"a fresh tab per run; Pagefind {data['versions']['pagefind']}; hashi `{data['hashi']}`")
    lo = data["load"]
    out.append(f"- 1-minute load average before the runs {min(lo):.2f}–{max(lo):.2f} (median {med(lo):.2f}); "
               f"{data['runs']} runs a query and tool, alternating, after one warm-up a tool")
    out.append(f"- Command: `{data['command']}`")
    out.append("")
    out.append("#### Medians over the queries (each query's median first)")
    out.append("")
    out.append("| | " + " | ".join(names) + " |")
    out.append("| --- |" + " ---: |" * len(names))
    o = data["overall"]
    for scope, label in (("all", "all"), ("en", "English"), ("ja", "Japanese")):
        out.append(f"| time to results, {label} ({o[names[0]][scope]['queries']} queries) | "
                   + " | ".join(ms(o[n][scope]["shown_ms"]) for n in names) + " |")
    out.append("| requests per query (search's own; max) | "
               + " | ".join(f"{o[n]['all']['requests']:.0f} ({o[n]['all']['requests_max']:.0f})" for n in names) + " |")
    out.append("| requests per query, everything after the HTML | "
               + " | ".join(f"{o[n]['all']['requests_all']:.0f}" for n in names) + " |")
    out.append("| bytes per query, gzip -6 (raw) | "
               + " | ".join(f"{kib(o[n]['all']['gz'])} ({kib(o[n]['all']['raw'])})" for n in names) + " |")
    out.append("| bytes per query with the page's CSS and scripts, gzip -6 | "
               + " | ".join(kib(o[n]["all"]["gz_all"]) for n in names) + " |")
    out.append("")
    out.append("#### Per query (median of the runs)")
    out.append("")
    out.append("| query | tool | time to results | (runs) | requests | gzip -6 | raw | results found | shown |")
    out.append("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for e in data["per_query"]:
        for n in names:
            t = e["tools"][n]
            out.append(f"| {e['lang']} `{e['query']}` | {n} | {ms(t['shown_ms'])} | "
                       f"{', '.join(f'{x:.0f}' for x in t['shown_all'])} | {t['requests']:.0f} | {kib(t['gz'])} | "
                       f"{kib(t['raw'])} | {t['found'] if t['found'] is not None else '?'} | {t['shown_items']} |")
    out.append("")
    hs = data["per_query"]
    if any(e["tools"]["hashi"]["split"] for e in hs):
        out.append("#### Where hashi's time goes (ms since navigation start, medians)")
        out.append("")
        out.append("| query | DOMContentLoaded | first index request | last index file in | results shown | "
                   "shown − last file in | `hashi-search-done` mark |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for e in hs:
            t = e["tools"]["hashi"]
            s = t["split"] or {}
            out.append(f"| {e['lang']} `{e['query']}` | {ms(s.get('dcl'))} | {ms(s.get('first_request'))} | "
                       f"{ms(s.get('last_answer'))} | {ms(t['shown_ms'])} | {ms(s.get('after_last_answer'))} | "
                       f"{ms(t['mark_ms'])} |")
        out.append("")
    s = data["sizes"]
    out.append("#### Index on disk, both languages")
    out.append("")
    out.append("| | apparent bytes | du | files |")
    out.append("| --- | ---: | ---: | ---: |")
    out.append(f"| hashi `<lang>/search/` minus `index.html` | {mb(s['hashi']['apparent'])} | {mb(s['hashi']['disk'])} | "
               f"{s['hashi']['files']:,} |")
    out.append(f"| Pagefind `pagefind/` | {mb(s['pagefind']['apparent'])} | {mb(s['pagefind']['disk'])} | "
               f"{s['pagefind']['files']:,} |")
    out.append("")
    if data.get("outside_index_folders"):
        out.append("**Warning:** hashi's search fetched files outside `<lang>/search/`, not counted above: "
                   + ", ".join(f"`{p}`" for p in data["outside_index_folders"][:10]))
        out.append("")
    out.append("hashi: " + "; ".join(f"{k} {mb(v['apparent'])} in {v['files']:,} files"
                                      for k, v in sorted(s["hashi"]["kinds"].items()))
               + f" (and `assets/search.js`, {kib(s['hashi']['search_js'])}, loaded by every search page). "
               + "Pagefind: " + "; ".join(f"{k} {mb(v['apparent'])} in {v['files']:,} files"
                                          for k, v in sorted(s["pagefind"]["kinds"].items())) + ".")
    out.append("")
    out.append("#### Targets of issue 18 (search)")
    out.append("")
    for name, holds, figures in data["targets"]:
        mark = "–" if holds is None else ("holds" if holds else "**not yet**")
        out.append(f"- {name}: {mark} ({figures})")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--work", default="/tmp/hashi-search-bench", help="work folder (corpus, sites, logs, JSON)")
    parser.add_argument("--gen", default=os.environ.get("GEN_CORPUS", os.path.join(
        REPO, "..", "shared", "bench", "gen_corpus.py")), help="gen_corpus.py")
    parser.add_argument("--hashi", default=os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi")))
    parser.add_argument("--templates", default=os.environ.get("HASHI_TEMPLATES", os.path.join(REPO, "Templates")))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query and tool (default 5)")
    parser.add_argument("--throttle", type=float, default=4, help="CPU slow-down (default 4)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a page may take (default 120)")
    parser.add_argument("--pagefind-modes", default="worker,main",
                        help="Pagefind as shipped (worker: its Web Worker, which the CPU throttling slows "
                             "only in part) and/or on the page's thread (main: options({noWorker: true})); "
                             "the targets compare with the first")
    parser.add_argument("--queries", help="JSON list of [lang, query] pairs")
    parser.add_argument("--skip-build", action="store_true",
                        help="reuse the corpus, sites and build figures of a previous run in --work")
    parser.add_argument("--baseline", help="a results.json of an earlier run: its median gzipped bytes "
                                           "per query is the target (default: the figures in this script)")
    parser.add_argument("--json", help="write every figure here too (always written to WORK/results.json)")
    parser.add_argument("--require-targets", action="store_true", help="exit 3 when a target does not hold")
    args = parser.parse_args()

    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, f"corpus-p{args.pages}")
    site = os.path.join(work, f"hashi-p{args.pages}")
    pfsite = os.path.join(work, f"pagefind-p{args.pages}")
    queries = [tuple(q) for q in json.loads(args.queries)] if args.queries else QUERIES
    langs = sorted({lang for lang, _ in queries} | {"en", "ja"})
    binary = pagefind_binary()
    pf_version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()

    tools = [{"name": "hashi", "kind": "hashi"}]
    for mode in [m.strip() for m in args.pagefind_modes.split(",") if m.strip()]:
        if mode not in ("worker", "main"):
            fail(f"unknown Pagefind mode {mode!r}")
        # The first Pagefind is the one the targets compare with.
        name = "pagefind" if len(tools) == 1 else f"pagefind, {mode} thread"
        tools.append({"name": name, "kind": "pagefind", "mode": mode})
    if len(tools) < 2:
        fail("--pagefind-modes names no mode")

    builds_file = os.path.join(work, f"builds-p{args.pages}.json")
    if args.skip_build:
        builds = json.load(open(builds_file))
    else:
        if not os.access(args.hashi, os.X_OK):
            fail(f"no hashi binary at {args.hashi}")
        generate(args, corpus)
        builds = {"hashi": build_hashi(args, corpus, site, work),
                  "pagefind": build_pagefind(binary, site, pfsite, work)}
        with open(builds_file, "w") as f:
            json.dump(builds, f, indent=1)
    write_pagefind_pages(pfsite, langs)
    sizes = index_sizes(site, pfsite, ["en", "ja"])

    try:
        rows, totals, loads, chromium, ua = run_browser(args, site, pfsite, tools, queries)
    except Exception as e:
        fail(str(e))
    per_query, overall = summarise(rows, totals, tools, queries)
    outside = sorted({f[0] for e in per_query for f in e["tools"]["hashi"]["files"]
                      if not re.match(r"^/[^/]+/search/", f[0])})
    if outside:
        log("warning: hashi's search fetched files outside <lang>/search/, which the index size does not "
            "count: " + ", ".join(outside[:10]))

    # The figures in this script hold for the default queries at 1,000 pages a language only.
    baseline = BASELINE if args.pages == 1000 and queries == QUERIES else None
    if args.baseline:
        b = json.load(open(args.baseline))
        baseline = {"what": f"{args.baseline} ({b.get('date')})", "gz_median": b["overall"]["hashi"]["all"]["gz"],
                    "gz_per_query": {e["query"]: e["tools"]["hashi"]["gz"] for e in b["per_query"]}}
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    data = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "Benchmarks/search/run.sh " + " ".join(sys.argv[1:]),
        "machine": {"cores": os.cpu_count(), "mem_gib": mem / 1048576, "platform": platform.platform(),
                    "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                                 if l.startswith("model name")), platform.processor())},
        "versions": {"chromium": chromium, "user_agent": ua, "pagefind": pf_version},
        "hashi": args.hashi, "pages_per_language": args.pages, "runs": args.runs, "throttle": args.throttle,
        "load": loads, "load_end": os.getloadavg(), "tools": tools, "queries": queries, "builds": builds,
        "sizes": sizes, "per_query": per_query, "overall": overall, "outside_index_folders": outside,
        "runs_detail": {f"{t} | {lang} | {q}": [{k: v for k, v in r.items() if k not in ("resources",)}
                                                  for r in rs] for (t, lang, q), rs in rows.items()},
    }
    data["targets"] = targets(data, baseline)
    for path in [os.path.join(work, "results.json")] + ([args.json] if args.json else []):
        with open(path, "w") as f:
            json.dump(data, f, indent=1, ensure_ascii=False)
    table = report(data)
    with open(os.path.join(work, "results.md"), "w") as f:
        f.write(table + "\n")
    print(f"### Search, {args.pages:,} pages a language")
    print()
    print(table)
    if args.require_targets and any(h is False for _, h, _ in data["targets"]):
        sys.exit(3)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Offline search of hashi beside Pagefind, on the synthetic corpus of shared/bench.

Steps (each can be skipped with a flag to reuse a previous run's work folder):
  1. generate the corpus (gen_corpus.py --pages N) and write its site.yaml (en, ja);
  2. build it with hashi (`--timings`, under /usr/bin/time -v);
  3. index the built HTML with Pagefind (each variant, under /usr/bin/time -v);
  4. serve the site on 127.0.0.1 and, in headless Chromium (selenium + chromedriver),
     load a fresh page with the cache disabled for every query and run, and measure
     the bytes the query loaded (counted by the server) and the time to the first result;
  5. print Markdown tables (and write them with the raw figures as JSON).

Needs: python3, selenium, Debian chromium + chromium-driver, pagefind[bin] (and
pagefind[extended] for the extended variant), /usr/bin/time. See run.sh.
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
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

SITE_YAML = """languages:
  - code: en
    name: English
    title: Bench
  - code: ja
    name: 日本語
    title: ベンチ
"""

QUERIES = [
    ("en", "labor rights"),
    ("en", "shelter support"),
    ("en", "unpaid wages"),
    ("en", "forced labor"),
    ("ja", "技能実習 相談"),
    ("ja", "外国人労働者 賃金"),
    ("ja", "シェルター 支援"),
]

# Pagefind indexes <main> without the table of contents: the text hashi indexes.
PAGEFIND_ARGS = ["--root-selector", "main", "--exclude-selectors", ".toc"]


def log(*args):
    print("[measure]", *args, file=sys.stderr, flush=True)


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
        sys.exit(f"command failed ({proc.returncode}), see {logfile}:\n{proc.stdout[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stdout)
    return wall, int(rss.group(1)) * 1024 if rss else None, proc.stdout


def tree_size(path, match=None):
    total = count = 0
    for root, _, files in os.walk(path):
        for name in files:
            if match and not match(name):
                continue
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def pagefind_binaries():
    found = {}
    for variant, module, name in (("standard", "pagefind_bin", "pagefind"),
                                  ("extended", "pagefind_bin_extended", "pagefind_extended")):
        try:
            mod = __import__(module)
        except ImportError:
            continue
        path = os.path.join(os.path.dirname(mod.__file__), name)
        if os.path.exists(path):
            found[variant] = path
    return found


# ---- builds ----------------------------------------------------------------------

def generate(args, corpus):
    if args.corpus:
        log("reusing corpus", corpus)
    else:
        cmd = [sys.executable, args.gen, "--out", corpus, "--pages", str(args.pages), "--jobs",
               str(os.cpu_count() or 1), "--force"]
        log("generating:", " ".join(cmd))
        start = time.monotonic()
        subprocess.run(cmd, check=True)
        log(f"corpus generated in {time.monotonic() - start:.1f} s")
    with open(os.path.join(corpus, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML)


def build_hashi(args, corpus, site, work):
    wall, rss, out = timed([args.hashi, "build", "--content", corpus, "--templates", args.templates,
                            "--output", site, "--timings"], os.path.join(work, "hashi-build.log"))
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"hashi: ([\w+]+) ([\d.]+) s", out)}
    return {"wall_s": wall, "peak_rss": rss, "stages": stages}


def build_pagefind(binary, site, subdir, work, variant):
    wall, rss, out = timed([binary, "--site", site, "--output-subdir", subdir] + PAGEFIND_ARGS,
                           os.path.join(work, f"pagefind-{variant}.log"))
    finished = re.search(r"Finished in ([\d.]+) seconds", out)
    words = re.search(r"Indexed (\d+) words", out)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    return {"wall_s": wall, "peak_rss": rss, "finished_s": float(finished.group(1)) if finished else None,
            "words": int(words.group(1)) if words else None, "version": version}


def index_sizes(site, tools):
    sizes = {}
    part = re.compile(r"^(index|p-\d+|t-\d+)\.js$")
    per_lang = {}
    for lang in ("en", "ja"):
        folder = os.path.join(site, lang, "search")
        p = tree_size(folder, lambda n: n.startswith("p-"))
        t = tree_size(folder, lambda n: n.startswith("t-"))
        per_lang[lang] = {"postings": p, "texts": t, "all": tree_size(folder, part.match)}
    sizes["hashi"] = {
        "bytes": sum(v["all"][0] for v in per_lang.values()),
        "files": sum(v["all"][1] for v in per_lang.values()),
        "per_lang": per_lang,
        "runtime_js": os.path.getsize(os.path.join(site, "assets", "search.js")),
    }
    for tool in tools:
        if tool["kind"] != "pagefind":
            continue
        folder = os.path.join(site, tool["subdir"])
        total, files = tree_size(folder)
        frag = tree_size(os.path.join(folder, "fragment"))
        idx = tree_size(os.path.join(folder, "index"))
        sizes[tool["name"]] = {"bytes": total, "files": files, "fragments": frag, "index_chunks": idx}
    return sizes


# ---- serving ---------------------------------------------------------------------

class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records every file it sends: the bytes a query loads, whoever asked
    (Pagefind fetches its index in a Web Worker, whose requests the page's Resource Timing misses)."""
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                          **{".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"})
    sent = []
    lock = threading.Lock()

    def send_head(self):
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            with self.lock:
                self.sent.append((urllib.parse.unquote(urllib.parse.urlsplit(self.path).path),
                                  os.fstat(f.fileno()).st_size))
        return f

    def log_message(self, *args):
        pass


def take_sent():
    with CountingHandler.lock:
        sent = list(CountingHandler.sent)
        CountingHandler.sent.clear()
    return sent


@contextlib.contextmanager
def serve(site):
    handler = lambda *a, **kw: CountingHandler(*a, directory=site, **kw)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def write_harness(site, tools):
    """A plain page per language and Pagefind variant (hashi's pages forbid fetch and wasm by CSP)."""
    for tool in tools:
        if tool["kind"] != "pagefind":
            continue
        for lang in ("en", "ja"):
            path = os.path.join(site, f"bench-{tool['name']}-{lang}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                        f'<title>bench</title></head><body><p>{tool["name"]} bench</p></body></html>\n')


# ---- browser ---------------------------------------------------------------------

HASHI_JS = r"""
const [q, lang, done] = arguments;
(async () => {
  const t0 = performance.now();
  const results = await HashiSearch.search(q, {lang, limit: 10});
  const t1 = performance.now();
  done({ok: true, ms: t1 - t0, count: results.length, first: results[0] ? results[0].url : null});
})().catch(e => done({ok: false, error: String(e && e.stack || e)}));
"""

# Phase 1: the query and the first result's data; phase 2 (not timed): the data of the 10 results shown.
PAGEFIND_JS = r"""
const [q, lang, bundle, done] = arguments;
(async () => {
  const t0 = performance.now();
  const pf = await import(bundle + 'pagefind.js');
  const search = await pf.search(q);
  const first = search.results.length ? await search.results[0].data() : null;
  const t1 = performance.now();
  window.__benchSearch = search;
  done({ok: true, ms: t1 - t0, total: search.results.length, first: first ? first.url : null});
})().catch(e => done({ok: false, error: String(e && e.stack || e)}));
"""

PAGEFIND_REST_JS = r"""
const done = arguments[arguments.length - 1];
Promise.all(window.__benchSearch.results.slice(0, 10).map(r => r.data()))
  .then(shown => done({ok: true, count: shown.length}), e => done({ok: false, error: String(e)}));
"""


def start_browser(args):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-extensions", "--no-first-run", "--window-size=1200,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_script_timeout(300)
    driver.set_page_load_timeout(120)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    version = driver.capabilities.get("browserVersion")
    return driver, version


def gz_size(site, path, cache):
    path = path.lstrip("/")
    if path not in cache:
        full = os.path.join(site, path)
        if os.path.isfile(full):
            with open(full, "rb") as f:
                data = f.read()
            # Pagefind's index and fragment files are gzip already; count what a gzipping host would send.
            cache[path] = min(len(data), len(gzip.compress(data, 6)))
        else:
            cache[path] = None
    return cache[path]


def classify(url):
    name = url.rsplit("/", 1)[-1]
    if re.match(r"p-\d+\.js$", name):
        return "postings"
    if re.match(r"t-\d+\.js$", name):
        return "texts"
    if name == "index.js":
        return "meta"
    if "/fragment/" in url:
        return "fragments"
    if "/index/" in url:
        return "index_chunks"
    if name.endswith(".pf_meta") or name == "pagefind-entry.json":
        return "meta"
    if name.startswith("wasm.") or name.endswith(".js"):
        return "runtime"
    return "other"


def tally(sent, site, gz_cache, kinds=None):
    total = {"body": 0, "gz": 0, "requests": 0}
    for path, size in sent:
        total["body"] += size
        total["gz"] += gz_size(site, path, gz_cache) or size
        total["requests"] += 1
        if kinds is not None:
            k = kinds.setdefault(classify(path), {"requests": 0, "body": 0})
            k["requests"] += 1
            k["body"] += size
    return total


def measure_query(driver, base, site, tool, lang, query, gz_cache):
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    if tool["kind"] == "hashi":
        driver.get(f"{base}/{lang}/search/index.html")
        take_sent()
        result = driver.execute_async_script(HASHI_JS, query, lang)
        first = rest = take_sent()
    else:
        driver.get(f"{base}/bench-{tool['name']}-{lang}.html")
        take_sent()
        result = driver.execute_async_script(PAGEFIND_JS, query, lang, f"/{tool['subdir']}/")
        first = take_sent()
        if result.get("ok"):
            more = driver.execute_async_script(PAGEFIND_REST_JS)
            if not more.get("ok"):
                raise RuntimeError(f"{tool['name']} {query!r}: {more.get('error')}")
            result["count"] = more["count"]
        rest = first + take_sent()
    if not result.get("ok"):
        raise RuntimeError(f"{tool['name']} {query!r}: {result.get('error')}")
    kinds = {}
    return {"ms": result["ms"], "count": result["count"], "total": result.get("total"),
            "first_url": result["first"], "at_first": tally(first, site, gz_cache),
            "shown": tally(rest, site, gz_cache, kinds), "kinds": kinds, "urls": [p for p, _ in rest]}


def hashi_total(driver, base, lang, query):
    """Number of matches the search page announces (not timed)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(f"{base}/{lang}/search/index.html?q={urllib.parse.quote(query)}")
    WebDriverWait(driver, 120).until(
        lambda d: d.find_element(By.ID, "search-app").get_attribute("data-state") in ("done", "error"))
    status = driver.find_element(By.ID, "search-status").text
    numbers = re.findall(r"\d[\d,]*", status.replace(query, ""))
    return int(numbers[0].replace(",", "")) if numbers else (0 if status else None), status


def run_browser(args, site, tools, queries):
    driver, version = start_browser(args)
    gz_cache = {}
    rows = []
    try:
        with serve(site) as base:
            log("serving", site, "at", base)
            for lang, query in queries:
                for tool in tools:
                    runs = []
                    # One untimed warm-up run (browser process, JIT); every timed run is a fresh page, cache off.
                    measure_query(driver, base, site, tool, lang, query, gz_cache)
                    for _ in range(args.runs):
                        runs.append(measure_query(driver, base, site, tool, lang, query, gz_cache))
                    last = runs[-1]
                    row = {"tool": tool["name"], "lang": lang, "query": query,
                           "ms_median": statistics.median(r["ms"] for r in runs),
                           "ms_all": [round(r["ms"], 1) for r in runs],
                           "count": last["count"], "total": last["total"], "first_url": last["first_url"],
                           "at_first": last["at_first"], "shown": last["shown"], "kinds": last["kinds"],
                           "urls": last["urls"]}
                    if tool["kind"] == "hashi":
                        row["total"], row["status"] = hashi_total(driver, base, lang, query)
                    rows.append(row)
                    log(f"{tool['name']:18} {query:22} {row['ms_median']:8.1f} ms  "
                        f"{row['at_first']['body'] / 1024:9.1f} KiB  {row['at_first']['requests']:3} req  "
                        f"total={row['total']} first={row['first_url']}")
    finally:
        driver.quit()
    return rows, version


# ---- report ----------------------------------------------------------------------

def kib(n):
    return "–" if n is None else f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1048576:,.1f} MiB"


def mib(n):
    return "–" if n is None else f"{n / 1048576:,.1f} MiB"


def report(data):
    out = []
    tools = data["tools"]
    out.append("### Indexing and index size\n")
    out.append("| tool | indexing time | whole build / run | peak memory | index on disk | files |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    h = data["builds"]["hashi"]
    hs = data["sizes"]["hashi"]
    out.append(f"| hashi | {h['stages'].get('index', float('nan')):.1f} s (`index` stage) | "
               f"{h['wall_s']:.1f} s (whole `hashi build`) | {mib(h['peak_rss'])} (whole build) | "
               f"{mib(hs['bytes'])} | {hs['files']:,} |")
    for tool in tools:
        if tool["kind"] != "pagefind":
            continue
        b = data["builds"][tool["name"]]
        s = data["sizes"][tool["name"]]
        out.append(f"| {tool['name']} | {b['wall_s']:.1f} s | {b['wall_s']:.1f} s | {mib(b['peak_rss'])} | "
                   f"{mib(s['bytes'])} | {s['files']:,} |")
    out.append("")
    for lang in ("en", "ja"):
        p, t = hs["per_lang"][lang]["postings"], hs["per_lang"][lang]["texts"]
        out.append(f"- hashi `{lang}`: postings {mib(p[0])} in {p[1]:,} `p-*.js`, texts {mib(t[0])} "
                   f"in {t[1]:,} `t-*.js`.")
    out.append(f"- hashi's search runtime `assets/search.js` ({hs['runtime_js'] / 1024:.1f} KiB) is loaded by the "
               "search page itself and is not counted below; Pagefind's runtime (pagefind.js, wasm) is, as it "
               "loads on the query.")
    out.append("")
    out.append("### A two-word query on a fresh page, cold cache, served on 127.0.0.1\n")
    out.append("Bytes are the file bytes the server sent for the query after the page had loaded (counted in the "
               "server, so Pagefind's Web Worker fetches are included; no compression); "
               "*gzip* is what a host gzipping text would send (Pagefind's index files are gzip already). "
               f"Time is the median of {data['runs']} runs.\n")
    out.append("| query | tool | time to first result | bytes to first result | gzip | requests | "
               "bytes, 10 results shown | results (total) |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in data["rows"]:
        out.append(f"| {row['query']} | {row['tool']} | {row['ms_median']:.0f} ms | {kib(row['at_first']['body'])} | "
                   f"{kib(row['at_first']['gz'])} | {row['at_first']['requests']} | {kib(row['shown']['body'])} | "
                   f"{row['count']} ({row['total']}) |")
    out.append("")
    out.append("What the bytes to the first result are made of (KiB, requests):\n")
    out.append("| query | tool | runtime | meta | postings / index chunks | texts / fragments |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    for row in data["rows"]:
        k = row["kinds"]

        def cell(*names):
            req = sum(k.get(n, {}).get("requests", 0) for n in names)
            body = sum(k.get(n, {}).get("body", 0) for n in names)
            return f"{body / 1024:,.0f} ({req})" if req else "–"
        out.append(f"| {row['query']} | {row['tool']} | {cell('runtime')} | {cell('meta')} | "
                   f"{cell('postings', 'index_chunks')} | {cell('texts', 'fragments')} |")
    out.append("")
    out.append("(This breakdown counts all 10 results shown for both tools. hashi's `search()` with `limit: 10` "
               "resolves only when the texts of all 10 are loaded, so its bytes to the first result are those of "
               "10 results; Pagefind's first result needs one fragment.)")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10000, help="pages per language (default 10000)")
    parser.add_argument("--work", default="/tmp/hashi-search-bench", help="work folder (corpus, site, logs)")
    parser.add_argument("--corpus", help="reuse this corpus folder instead of generating one (its site.yaml is "
                                         "rewritten)")
    parser.add_argument("--gen", default=os.environ.get("GEN_CORPUS", os.path.join(
        REPO, "..", "shared", "bench", "gen_corpus.py")), help="gen_corpus.py")
    parser.add_argument("--hashi", default=os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi")))
    parser.add_argument("--templates", default=os.path.join(REPO, "Templates"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    parser.add_argument("--variants", default="extended,standard",
                        help="Pagefind variants to run, of extended,standard (those installed)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query and tool (median reported)")
    parser.add_argument("--skip-build", action="store_true",
                        help="reuse the site, Pagefind bundles and build figures of a previous run in --work")
    parser.add_argument("--queries", help="JSON list of [lang, query] pairs")
    args = parser.parse_args()

    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    corpus = os.path.abspath(args.corpus) if args.corpus else os.path.join(work, "corpus")
    site = os.path.join(work, "site")
    queries = [tuple(q) for q in json.loads(args.queries)] if args.queries else QUERIES

    binaries = pagefind_binaries()
    tools = [{"name": "hashi", "kind": "hashi"}]
    for variant in [v.strip() for v in args.variants.split(",") if v.strip()]:
        if variant not in binaries:
            sys.exit(f"Pagefind {variant} is not installed (pip install 'pagefind[bin]' / 'pagefind[extended]')")
        tools.append({"name": f"pagefind-{variant}", "kind": "pagefind", "variant": variant,
                      "binary": binaries[variant], "subdir": f"pagefind-{variant}"})

    builds_file = os.path.join(work, "builds.json")
    if args.skip_build:
        with open(builds_file) as f:
            builds = json.load(f)
    else:
        generate(args, corpus)
        if os.path.exists(site) and not os.path.exists(os.path.join(site, ".hashi")):
            shutil.rmtree(site)
        builds = {"hashi": build_hashi(args, corpus, site, work)}
        for tool in tools[1:]:
            builds[tool["name"]] = build_pagefind(tool["binary"], site, tool["subdir"], work, tool["variant"])
        builds["pages_per_language"] = args.pages if not args.corpus else None
        with open(builds_file, "w") as f:
            json.dump(builds, f, indent=1)

    sizes = index_sizes(site, tools)
    write_harness(site, tools)
    rows, chromium = run_browser(args, site, tools, queries)
    data = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "platform": platform.platform()},
        "versions": {"chromium": chromium, **{t["name"]: builds[t["name"]].get("version") for t in tools[1:]}},
        "runs": args.runs, "tools": tools, "builds": builds, "sizes": sizes, "rows": rows,
    }
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
    table = report(data)
    with open(os.path.join(work, "results.md"), "w") as f:
        f.write(table + "\n")
    print(f"Machine: {data['machine']['cores']} cores, {data['machine']['platform']}; date {data['date']}; "
          f"Chromium {chromium}; " + ", ".join(f"{k} {v}" for k, v in data["versions"].items() if k != "chromium"))
    print()
    print(table)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Edit to served: `hashi serve` beside `hugo server` on the shared/bench corpus.

Called by run.sh; see RESULTS.md.

1. Generates the corpus (../shared/bench/gen_corpus.py) once, then copies it into two
   sites, one for each server, so an edit for one does not make the other rebuild:
   WORK/hashi/content (with site.yaml) and WORK/hugo/{content,hugo.toml,layouts}
   (the Hugo site of Benchmarks/build/hugo/).
2. Starts `hashi serve` and `hugo server` (both from memory) on free ports of 127.0.0.1.
3. Each edit appends one line with a fresh marker to one page (a different page each
   time), then fetches that page every 5 ms until the marker is served: the time from
   the write to the first answer with it. Edits alternate between the servers.
4. Prints the median, mean and range for each, and the ratio of the medians.
"""
import argparse
import importlib.util
import datetime
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(REPO, "Benchmarks", "build")

# The corpus's site.yaml and the logging of the build benchmark, so the three benchmarks build the same site.
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
_spec = importlib.util.spec_from_file_location("build_measure", os.path.join(BUILD, "measure.py"))
_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_build)
SITE_YAML, log = _build.SITE_YAML, _build.log


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_until(url, needle, limit, step=0.005):
    """Seconds until `url` serves `needle` (fetched every `step` s), or None after `limit` s."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        if needle in fetch(url):
            return time.perf_counter() - t0
        time.sleep(step)
    return None


def prepare(work, pages, gen, seed):
    corpus = os.path.join(work, f"corpus-{pages}")
    stamp = os.path.join(corpus, "corpus.json")
    want = {"pages": pages, "seed": seed, "generator": os.path.abspath(gen)}
    have = json.load(open(stamp)) if os.path.exists(stamp) else None
    if have != want:
        log(f"generating {pages} pages a language ...")
        subprocess.run([sys.executable, gen, "--out", os.path.join(corpus, "content"), "--pages", str(pages),
                        "--seed", seed, "--force"], check=True, stdout=subprocess.DEVNULL)
        json.dump(want, open(stamp, "w"))
    sites = {}
    for tool in ("hashi", "hugo"):
        site = os.path.join(work, tool)
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(os.path.join(corpus, "content"), os.path.join(site, "content"))
        sites[tool] = site
    with open(os.path.join(sites["hashi"], "content", "site.yaml"), "w") as f:
        f.write(SITE_YAML)
    shutil.copy(os.path.join(BUILD, "hugo", "hugo.toml"), os.path.join(sites["hugo"], "hugo.toml"))
    shutil.copytree(os.path.join(BUILD, "hugo", "layouts"), os.path.join(sites["hugo"], "layouts"))
    return sites


def start(tool, site, port, hashi, templates):
    if tool == "hashi":
        cmd = [hashi, "serve", "--content", os.path.join(site, "content"), "--templates", templates,
               "--output", os.path.join(site, "Output"), "--port", str(port)]
    else:
        cmd = ["hugo", "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1",
               "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"]
    out = open(os.path.join(site, "serve.log"), "w")
    return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000, help="pages a language (default 1000)")
    ap.add_argument("--edits", type=int, default=20, help="edits a server (default 20)")
    ap.add_argument("--work", default="/tmp/hashi-serve-bench", help="work folder")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--json", help="also write every figure to this JSON file")
    args = ap.parse_args()

    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi"))
    templates = os.environ.get("HASHI_TEMPLATES", os.path.join(REPO, "Templates"))
    gen = os.environ.get("GEN_CORPUS", os.path.join(os.path.dirname(REPO), "shared/bench/gen_corpus.py"))
    sites = prepare(args.work, args.pages, gen, args.seed)
    pages = sorted(os.path.relpath(os.path.join(root, n), os.path.join(sites["hashi"], "content"))
                   for root, _, names in os.walk(os.path.join(sites["hashi"], "content", "en"))
                   for n in names if n.endswith(".md") and n != "_index.md")
    ports = {tool: free_port() for tool in sites}
    procs = {tool: start(tool, sites[tool], ports[tool], hashi, templates) for tool in sites}
    times = {tool: [] for tool in sites}
    try:
        first = pages[0][:-3].replace(os.sep, "/")
        for tool in sites:
            started = wait_until(f"http://127.0.0.1:{ports[tool]}/{first}/", "<", 600, step=0.1)
            if started is None:
                raise SystemExit(f"{tool} did not start; see {sites[tool]}/serve.log")
            log(f"{tool} serving after {started:.1f} s")
        time.sleep(2)
        for i in range(args.edits):
            page = pages[(i * 37) % len(pages)]
            url_path = page[:-3].replace(os.sep, "/")
            for tool in sites:
                marker = f"edit{tool}{i}marker"
                with open(os.path.join(sites[tool], "content", page), "a") as f:
                    f.write(f"\n\nAppended line {marker}.\n")
                took = wait_until(f"http://127.0.0.1:{ports[tool]}/{url_path}/", marker, 30)
                if took is None:
                    raise SystemExit(f"{tool} never served edit {i} of {page}")
                times[tool].append(took * 1000)
                time.sleep(0.5)
            log(f"edit {i + 1}: hashi {times['hashi'][-1]:.0f} ms, hugo {times['hugo'][-1]:.0f} ms")
    finally:
        for p in procs.values():
            os.killpg(p.pid, signal.SIGTERM)
            p.wait()

    med = {tool: statistics.median(v) for tool, v in times.items()}
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    print(f"## {datetime.date.today().isoformat()}: {args.pages} pages a language, {args.edits} edits each, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print()
    print("| dev server | median | mean | fastest | slowest |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for tool, v in times.items():
        print(f"| {tool} | {med[tool]:.0f} ms | {statistics.mean(v):.0f} ms | {min(v):.0f} ms | {max(v):.0f} ms |")
    print()
    print(f"hashi / Hugo (medians): {med['hashi'] / med['hugo']:.2f}; {hugo_version}")
    if args.json:
        json.dump({"pages": args.pages, "times_ms": times, "median_ms": med, "hugo": hugo_version}, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()

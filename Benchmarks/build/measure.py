#!/usr/bin/env python3
"""Clean builds of hashi beside Hugo on the shared/bench corpus, and the cmark floor.

Called by run.sh (which installs what is missing); see RESULTS.md.

1. Generates the corpus (../shared/bench/gen_corpus.py) into WORK/p<N>/content/{en,ja},
   adds content/site.yaml for hashi and the Hugo site of Benchmarks/build/hugo/
   (hugo.toml + layouts/) beside it, so both read the very same files.
2. Builds with hashi and Hugo in turn (hashi, hugo, hashi, hugo, ...), each into a
   fresh output folder, under /usr/bin/time -v: wall time, peak memory (max RSS),
   CPU time. Prints medians and the ratios hashi/Hugo, and hashi's stage times
   (`hashi build --timings`, median per stage).
3. The cmark floor: cmark_floor.c renders every body (front matter dropped) with
   cmark_markdown_to_html on nproc threads, files already in memory.
4. Prints a Markdown table of it all, with the machine and the load averages.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

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


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def parse_time_v(err):
    """Fields of GNU time -v from the end of a stderr text; the rest of the text."""
    fields = {}
    lines = err.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("\tCommand being timed:")), len(lines))
    for l in lines[start:]:
        if ":" in l:
            k, _, v = l.strip().rpartition(": ") if ": " in l else (l, "", "")
            fields[k.strip()] = v.strip()
    return fields, "\n".join(lines[:start])


def tree_stats(path):
    files = size = pages = 0
    for root, _, names in os.walk(path):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(root, n))
            if n == "index.html":
                pages += 1
    return files, size, pages


def timed(cmd, cwd=None):
    la = os.getloadavg()
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, text=True,
                       capture_output=True)
    wall = time.perf_counter() - t0
    fields, err = parse_time_v(p.stderr)
    return {
        "rc": p.returncode,
        "wall_s": wall,
        "max_rss_mib": int(fields.get("Maximum resident set size (kbytes)", "0")) / 1024,
        "user_s": float(fields.get("User time (seconds)", "0")),
        "sys_s": float(fields.get("System time (seconds)", "0")),
        "cpu_percent": fields.get("Percent of CPU this job got", "?"),
        "load_before": la,
        "stdout": p.stdout,
        "stderr": err,
    }


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return f"{x:.2f} s" if x >= 1 else f"{x * 1000:.0f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="builds per tool, alternating (default 3)")
    ap.add_argument("--work", default="/tmp/hashi-build-bench", help="work folder (corpus and outputs)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="corpus generator processes")
    ap.add_argument("--no-hugo", action="store_true", help="build with hashi only")
    ap.add_argument("--keep-output", action="store_true", help="keep the last output of each tool")
    ap.add_argument("--json", help="also write every figure to this JSON file")
    args = ap.parse_args()

    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi"))
    templates = os.environ.get("HASHI_TEMPLATES", os.path.join(REPO, "Templates"))
    gen = os.environ.get("GEN_CORPUS", os.path.join(os.path.dirname(REPO), "shared/bench/gen_corpus.py"))
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not args.no_hugo and not use_hugo:
        log("hugo is not installed: building with hashi only (apt-get install -y hugo)")

    site = os.path.join(args.work, f"p{args.pages}")
    content = os.path.join(site, "content")
    os.makedirs(site, exist_ok=True)

    # 1. Corpus (reused when the same N and seed made it).
    stamp = os.path.join(site, "corpus.json")
    want = {"pages": args.pages, "seed": args.seed, "generator": os.path.abspath(gen)}
    have = json.load(open(stamp)) if os.path.exists(stamp) else None
    if have != want or not os.path.isdir(os.path.join(content, "en")):
        log(f"generating {args.pages} pages a language into {content} ...")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, gen, "--out", content, "--pages", str(args.pages),
                        "--seed", args.seed, "--jobs", str(args.jobs), "--force"], check=True)
        log(f"  generated in {time.perf_counter() - t0:.1f} s")
        json.dump(want, open(stamp, "w"))
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write(SITE_YAML)
    shutil.copy(os.path.join(HERE, "hugo", "hugo.toml"), os.path.join(site, "hugo.toml"))
    shutil.rmtree(os.path.join(site, "layouts"), ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(site, "layouts"))

    md_files = []
    for root, _, names in os.walk(content):
        md_files += [os.path.join(root, n) for n in names if n.endswith(".md")]
    md_files.sort()

    # 2. Builds, alternating.
    cmds = {
        "hashi": lambda out: [hashi, "build", "--content", content, "--templates", templates,
                              "--output", out, "--timings"],
        "hugo": lambda out: ["hugo", "--source", site, "--destination", out],
    }
    tools = ["hashi"] + (["hugo"] if use_hugo else [])
    runs = {t: [] for t in tools}
    stages = {}
    loads = []
    outputs = []
    # Leftovers of an interrupted run, deleted before the first build.
    leftovers = [n for n in os.listdir(site) if n.startswith("out-")]
    for name in leftovers:
        shutil.rmtree(os.path.join(site, name), ignore_errors=True)
    subprocess.run(["sync"])
    if leftovers:
        time.sleep(5)
    # Every input read once, so the first build (hashi's) does not alone pay for reading the
    # corpus from disk: a first 10k run after the page cache was emptied took 7 s to load.
    for root, dirs, names in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith("out-")]
        for name in names:
            with open(os.path.join(root, name), "rb") as f:
                while f.read(1 << 20):
                    pass
    for i in range(args.runs):
        for t in tools:
            # A folder never used before: deleting the previous output just before a build
            # was seen to charge the next build seconds of system time (ext4 freeing blocks),
            # so outputs are deleted only after the last run.
            out = os.path.join(site, f"out-{t}-{i + 1}")
            outputs.append(out)
            for old in (out, out + ".hashi-staging"):
                shutil.rmtree(old, ignore_errors=True)
            subprocess.run(["sync"])
            r = timed(cmds[t](out))
            loads.append(r["load_before"])
            if r["rc"] != 0:
                log(f"{t} failed (exit {r['rc']}):\n{r['stdout'][-3000:]}\n{r['stderr'][-3000:]}")
                sys.exit(1)
            files, size, pages = tree_stats(out)
            r.update(files=files, bytes=size, index_html=pages)
            if t == "hashi":
                st = {}
                for l in (r["stdout"] + "\n" + r["stderr"]).splitlines():
                    m = re.match(r"^hashi: (\S+) ([0-9.]+) s(,|$)", l)
                    if m:
                        st[m.group(1)] = float(m.group(2))
                    elif l.startswith("hashi: built"):
                        r["summary"] = l
                    elif "warning:" in l or "error:" in l:
                        r.setdefault("diagnostics", []).append(l)
                r["stages"] = st
                for k, v in st.items():
                    stages.setdefault(k, []).append(v)
            else:
                r["summary"] = " ".join(l.strip() for l in r["stdout"].splitlines()
                                        if l.strip().startswith(("Pages", "Total in")))
            log(f"run {i + 1} {t:5}: {r['wall_s']:7.2f} s wall, {r['max_rss_mib']:7.0f} MiB peak, "
                f"cpu {r['user_s'] + r['sys_s']:.1f} s ({r['cpu_percent']}), {pages} index.html, "
                f"{size / 1e6:.0f} MB; load {r['load_before'][0]:.2f}  {r.get('summary', '')}")
            for k in ("stdout", "stderr"):
                r[k] = r[k][-2000:]
            runs[t].append(r)
    for out in outputs:
        if not (args.keep_output and out.endswith(f"-{args.runs}")):
            shutil.rmtree(out, ignore_errors=True)

    # 3. cmark floor.
    floor_bin = os.path.join(args.work, "cmark_floor")
    src = os.path.join(HERE, "cmark_floor.c")
    if not os.path.exists(floor_bin) or os.path.getmtime(floor_bin) < os.path.getmtime(src):
        sh(["cc", "-O2", "-o", floor_bin, src, "-lcmark", "-lpthread"])
    nproc = os.cpu_count()
    listing = "\n".join(md_files) + "\n"

    def floor(threads):
        line = sh([floor_bin, str(threads)], input=listing)
        return {k: float(v) for k, v in (kv.split("=") for kv in line.split())}

    floors = [floor(nproc) for _ in range(max(3, args.runs))]
    floor_1 = floor(1)
    floor_s = median([f["render_s"] for f in floors])
    md_bytes = int(floors[0]["markdown_bytes"])
    file_bytes = int(floors[0]["file_bytes"])
    log(f"cmark floor: {floor_s:.3f} s on {nproc} threads ({md_bytes / 1e6 / floor_s:.0f} MB/s); "
        f"1 thread {floor_1['render_s']:.3f} s ({floor_1['mb_per_s']:.0f} MB/s)")

    # 4. Figures.
    la_end = os.getloadavg()
    hugo_version = sh(["hugo", "version"]).strip() if use_hugo else "not installed"
    mem_total = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    med = {t: {k: median([r[k] for r in runs[t]]) for k in ("wall_s", "max_rss_mib", "user_s", "sys_s")}
           for t in tools}
    for t in tools:
        med[t]["cpu_s"] = median([r["user_s"] + r["sys_s"] for r in runs[t]])
        med[t]["min_wall_s"] = min(r["wall_s"] for r in runs[t])
        med[t]["max_wall_s"] = max(r["wall_s"] for r in runs[t])
    stage_med = {k: median(v) for k, v in stages.items()}
    h = med["hashi"]
    result = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"nproc": nproc, "mem_total_gib": int(mem_total) / 1024 / 1024,
                    "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                                 if l.startswith("model name")), platform.processor())},
        "hashi": hashi, "hugo_version": hugo_version,
        "pages_per_language": args.pages, "runs": args.runs,
        "markdown_files": len(md_files), "markdown_file_bytes": file_bytes,
        "markdown_body_bytes": md_bytes,
        "medians": med, "hashi_stage_medians_s": stage_med,
        "cmark_floor_s": floor_s, "cmark_floor_runs_s": [f["render_s"] for f in floors],
        "cmark_1thread_s": floor_1["render_s"],
        "load_before_runs": loads, "load_end": la_end,
        "runs_detail": runs,
    }
    rows = []
    n_runs = f"{args.runs} run{'s' if args.runs > 1 else ''} each, alternating"
    rows.append(("corpus", f"{args.pages:,} pages a language: {len(md_files):,} Markdown files, "
                 f"{file_bytes / 1e6:.0f} MB ({md_bytes / 1e6:.0f} MB of Markdown bodies)"))
    rows.append(("hashi wall (median)", f"{fmt_s(h['wall_s'])} (min {fmt_s(h['min_wall_s'])}, "
                 f"max {fmt_s(h['max_wall_s'])}; CPU {fmt_s(h['cpu_s'])})"))
    rows.append(("hashi peak memory (median)", f"{h['max_rss_mib']:.0f} MiB"))
    if use_hugo:
        g = med["hugo"]
        rows.append(("Hugo wall (median)", f"{fmt_s(g['wall_s'])} (min {fmt_s(g['min_wall_s'])}, "
                     f"max {fmt_s(g['max_wall_s'])}; CPU {fmt_s(g['cpu_s'])})"))
        rows.append(("Hugo peak memory (median)", f"{g['max_rss_mib']:.0f} MiB"))
        rows.append(("**hashi/Hugo wall**", f"**{h['wall_s'] / g['wall_s']:.2f}×** (target ≤ 0.33×)"))
        pair = [a["wall_s"] / b["wall_s"] for a, b in zip(runs["hashi"], runs["hugo"])]
        rows.append(("hashi/Hugo wall, run by run", ", ".join(f"{x:.2f}×" for x in pair)))
        rows.append(("hashi/Hugo CPU time (user+sys)", f"{h['cpu_s'] / g['cpu_s']:.2f}×"))
        result["pairwise_wall_ratios"] = pair
        rows.append(("**hashi/Hugo peak memory**", f"**{h['max_rss_mib'] / g['max_rss_mib']:.2f}×** (target ≤ 0.25×)"))
    rows.append(("cmark floor (render only, %d threads)" % nproc,
                 f"{fmt_s(floor_s)} ({md_bytes / 1e6 / floor_s:.0f} MB/s; 1 thread "
                 f"{fmt_s(floor_1['render_s'])}, {floor_1['mb_per_s']:.0f} MB/s)"))
    rows.append(("**hashi/floor**", f"**{h['wall_s'] / floor_s:.2f}×** (target ≤ 2×)"))
    rows.append(("hashi stages (median)", ", ".join(f"{k} {fmt_s(v)}" for k, v in stage_med.items())))
    r0 = runs["hashi"][-1]
    rows.append(("hashi output", f"{r0['index_html']:,} index.html, {r0['files']:,} files, "
                 f"{r0['bytes'] / 1e6:.0f} MB"))
    if use_hugo:
        r1 = runs["hugo"][-1]
        rows.append(("Hugo output", f"{r1['index_html']:,} index.html, {r1['files']:,} files, "
                     f"{r1['bytes'] / 1e6:.0f} MB"))
    rows.append(("machine", f"{nproc} cores ({result['machine']['cpu']}), "
                 f"{result['machine']['mem_total_gib']:.1f} GiB, {result['date']}"))
    rows.append(("tools", f"{os.path.basename(hashi)} ({hashi}); {hugo_version}"))
    rows.append(("load average", f"1-min before each run {min(l[0] for l in loads):.2f}–"
                 f"{max(l[0] for l in loads):.2f}; at the end {la_end[0]:.2f} {la_end[1]:.2f} {la_end[2]:.2f}"))
    rows.append(("runs", n_runs))
    rows.append(("command", "`Benchmarks/build/run.sh " + " ".join(sys.argv[1:]) + "`"))

    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)

    print()
    print(f"### Build: {args.pages:,} pages a language ({n_runs})")
    print()
    print("| | |")
    print("| --- | --- |")
    for k, v in rows:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()

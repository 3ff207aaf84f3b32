#!/usr/bin/env python3
"""Clean builds of hashi beside Hugo on the shared/bench corpus, and the floor (issues 7 and 18).

Called by run.sh (which installs what is missing); see RESULTS.md.

For each corpus size asked for (--pages 1000,10000 by default):
1. Generates the corpus (../shared/bench/gen_corpus.py) into WORK/p<N>/content/{en,ja}
   (reused for the same N and seed), adds content/site.yaml for hashi and the Hugo site
   of Benchmarks/build/hugo/ (hugo.toml + layouts/) beside it, so both read the very same
   files, and reads every file once so that no build pays alone for reading them from disk.
2. R rounds, each: a hashi build, a Hugo build, the files floor, the cmark floor. Every
   build goes into an output folder never used before (WORK/p<N>/run-<time>/out-<tool>-<i>),
   after `sync`, under /usr/bin/time -v: wall time, peak memory (max RSS), CPU time.
   Nothing is deleted before or between builds: deleting a large folder slows the next
   builds on this disk (RESULTS.md, "Measuring on this disk"); every output of the call is
   deleted at its end, after the last corpus.
3. The floor, measured in the same round: cmark_floor.c renders every body (front matter
   dropped) with cmark_markdown_to_html on nproc threads, files already in memory, PLUS
   files_floor.c makes again, in a fresh folder, exactly the folders and files (count and
   sizes) that the round's hashi build wrote, on nproc threads. floor = the two summed.
4. The output of each tool: files (against the corpus's pages: files/pages and
   files - 1.25 x pages), apparent bytes and disk usage as du counts it.
5. Prints a Markdown table (a column a corpus), the targets of issue 18 and whether each
   holds, and writes every figure as JSON (WORK/results.json and --json FILE).

Exits 1 when a build or a floor fails; with --require-targets, 3 when a target does not hold.
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

# Issue 18's targets for the build.
FILES_PER_PAGE = 1.25
TARGET_SIZE = 1.5       # output size against Hugo's
TARGET_WALL = 0.33      # wall time against Hugo's
TARGET_FLOOR = 2.5      # wall time against the floor
TARGET_MEMORY = 0.25    # peak memory against Hugo's


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
    """Files, apparent bytes, disk bytes (st_blocks, as du counts them, folders included),
    index.html pages, and the part of it all in the .hashi state folder."""
    files = size = disk = pages = 0
    state = {"files": 0, "bytes": 0}
    for root, _, names in os.walk(path):
        disk += os.lstat(root).st_blocks * 512
        in_state = os.path.relpath(root, path).split(os.sep)[0] == ".hashi"
        for n in names:
            st = os.lstat(os.path.join(root, n))
            files += 1
            size += st.st_size
            disk += st.st_blocks * 512
            if n == "index.html":
                pages += 1
            if in_state:
                state["files"] += 1
                state["bytes"] += st.st_size
    return {"files": files, "bytes": size, "disk": disk, "index_html": pages, "state": state}


def write_listing(out, listing):
    """The folders and files of an output, as files_floor.c reads them."""
    with open(listing, "w") as f:
        for root, dirs, names in os.walk(out):
            rel = os.path.relpath(root, out)
            if rel != ".":
                f.write(f"D {rel}\n")
            for n in names:
                p = os.path.join(root, n)
                f.write(f"F {os.lstat(p).st_size} {os.path.relpath(p, out)}\n")


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
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return f"{x:.2f} s" if x >= 1 else f"{x * 1000:.0f} ms"


def fmt_mb(n):
    return f"{n / 1e6:,.1f} MB"


def compile_tool(work, name, libs):
    binary = os.path.join(work, name)
    src = os.path.join(HERE, name + ".c")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(src):
        sh(["cc", "-O2", "-o", binary, src] + libs)
    return binary


def prepare_corpus(args, gen, site, content):
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


def measure_corpus(args, tools_paths, use_hugo, stamp_name, outputs):
    """Every figure of one corpus size. Appends each folder it makes to `outputs`."""
    hashi, templates, gen, cmark_floor_bin, files_floor_bin = tools_paths
    site = os.path.join(args.work, f"p{args.pages}")
    content = os.path.join(site, "content")
    os.makedirs(site, exist_ok=True)
    prepare_corpus(args, gen, site, content)

    md_files = []
    for root, _, names in os.walk(content):
        md_files += [os.path.join(root, n) for n in names if n.endswith(".md")]
    md_files.sort()

    old = [n for n in os.listdir(site) if n.startswith(("out-", "run-"))]
    if old:
        log(f"note: {site} holds {len(old)} folder(s) of earlier runs ({', '.join(sorted(old)[:4])}); "
            "they are left alone (deleting them now would slow these builds). Delete them some "
            "minutes before a run.")
    run_dir = os.path.join(site, stamp_name)
    os.makedirs(run_dir)
    outputs.append(run_dir)

    cmds = {
        "hashi": lambda out: [hashi, "build", "--content", content, "--templates", templates,
                              "--output", out, "--timings"],
        "hugo": lambda out: ["hugo", "--source", site, "--destination", out],
    }
    tools = ["hashi"] + (["hugo"] if use_hugo else [])
    runs = {t: [] for t in tools}
    floors = {"files": [], "cmark": [], "sum": []}
    stages = {}
    loads = []

    # Every input read once, so the first build (hashi's) does not alone pay for reading the
    # corpus from disk: a first 10k run after the page cache was emptied took 7 s to load.
    for root, dirs, names in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith(("out-", "run-"))]
        for name in names:
            with open(os.path.join(root, name), "rb") as f:
                while f.read(1 << 20):
                    pass
    subprocess.run(["sync"])
    nproc = os.cpu_count()
    listing = "\n".join(md_files) + "\n"

    def cmark(threads):
        line = sh([cmark_floor_bin, str(threads)], input=listing)
        return {k: float(v) for k, v in (kv.split("=") for kv in line.split())}

    for i in range(args.runs):
        for t in tools:
            out = os.path.join(run_dir, f"out-{t}-{i + 1}")
            subprocess.run(["sync"])
            r = timed(cmds[t](out))
            loads.append(r["load_before"])
            if r["rc"] != 0:
                log(f"{t} failed (exit {r['rc']}):\n{r['stdout'][-3000:]}\n{r['stderr'][-3000:]}")
                sys.exit(1)
            r.update(tree_stats(out))
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
                hashi_out = out
            else:
                r["summary"] = " ".join(l.strip() for l in r["stdout"].splitlines()
                                        if l.strip().startswith(("Pages", "Total in")))
            log(f"p{args.pages} run {i + 1} {t:5}: {r['wall_s']:7.2f} s wall, {r['max_rss_mib']:7.0f} MiB peak, "
                f"cpu {r['user_s'] + r['sys_s']:.1f} s ({r['cpu_percent']}), {r['files']:,} files, "
                f"{r['bytes'] / 1e6:.0f} MB; load {r['load_before'][0]:.2f}  {r.get('summary', '')}")
            for k in ("stdout", "stderr"):
                r[k] = r[k][-2000:]
            runs[t].append(r)
        # The floor of this round: hashi's output made again, then cmark on every core.
        list_file = os.path.join(run_dir, f"hashi-{i + 1}.list")
        write_listing(hashi_out, list_file)
        subprocess.run(["sync"])
        floor_out = os.path.join(run_dir, f"floor-{i + 1}")
        with open(list_file) as f:
            p = subprocess.run([files_floor_bin, floor_out, str(nproc)], stdin=f, capture_output=True, text=True)
        if p.returncode != 0:
            log(f"files_floor failed (exit {p.returncode}):\n{p.stdout}\n{p.stderr[-3000:]}")
            sys.exit(1)
        ff = {k: float(v) for k, v in (kv.split("=") for kv in p.stdout.split())}
        cm = cmark(nproc)
        floors["files"].append(ff)
        floors["cmark"].append(cm)
        floors["sum"].append(ff["total_s"] + cm["render_s"])
        log(f"p{args.pages} run {i + 1} floor: files {ff['total_s']:.2f} s ({int(ff['files']):,} files, "
            f"{int(ff['dirs']):,} folders, {ff['bytes'] / 1e6:.0f} MB) + cmark {cm['render_s']:.2f} s "
            f"= {ff['total_s'] + cm['render_s']:.2f} s")
    floor_1 = cmark(1)
    md_bytes = int(floors["cmark"][0]["markdown_bytes"])
    file_bytes = int(floors["cmark"][0]["file_bytes"])

    med = {t: {k: median([r[k] for r in runs[t]]) for k in ("wall_s", "max_rss_mib", "user_s", "sys_s",
                                                             "files", "bytes", "disk")}
           for t in tools}
    for t in tools:
        med[t]["cpu_s"] = median([r["user_s"] + r["sys_s"] for r in runs[t]])
        med[t]["min_wall_s"] = min(r["wall_s"] for r in runs[t])
        med[t]["max_wall_s"] = max(r["wall_s"] for r in runs[t])
    pages = len(md_files)
    h = med["hashi"]
    result = {
        "pages_per_language": args.pages, "runs": args.runs,
        "markdown_files": pages, "markdown_file_bytes": file_bytes, "markdown_body_bytes": md_bytes,
        "medians": med, "hashi_stage_medians_s": {k: median(v) for k, v in stages.items()},
        "floor": {
            "sum_s": median(floors["sum"]), "sum_runs_s": floors["sum"],
            "files_s": median(f["total_s"] for f in floors["files"]),
            "files_mkdir_s": median(f["mkdir_s"] for f in floors["files"]),
            "files_write_s": median(f["write_s"] for f in floors["files"]),
            "files_written": int(floors["files"][-1]["files"]), "dirs_made": int(floors["files"][-1]["dirs"]),
            "files_bytes": int(floors["files"][-1]["bytes"]),
            "cmark_s": median(c["render_s"] for c in floors["cmark"]),
            "cmark_runs_s": [c["render_s"] for c in floors["cmark"]],
            "cmark_1thread_s": floor_1["render_s"], "cmark_1thread_mb_s": floor_1["mb_per_s"],
        },
        "files": {"hashi": h["files"], "per_page": h["files"] / pages,
                  "excess": h["files"] - FILES_PER_PAGE * pages,
                  "state_files": runs["hashi"][-1]["state"]["files"],
                  "state_bytes": runs["hashi"][-1]["state"]["bytes"]},
        "load_before_runs": loads,
        "runs_detail": runs,
    }
    result["ratios"] = {"floor": h["wall_s"] / result["floor"]["sum_s"]}
    if use_hugo:
        g = med["hugo"]
        result["ratios"].update({
            "wall": h["wall_s"] / g["wall_s"], "cpu": h["cpu_s"] / g["cpu_s"],
            "memory": h["max_rss_mib"] / g["max_rss_mib"],
            "bytes": h["bytes"] / g["bytes"], "disk": h["disk"] / g["disk"],
            "files": h["files"] / g["files"],
        })
        result["pairwise_wall_ratios"] = [a["wall_s"] / b["wall_s"] for a, b in zip(runs["hashi"], runs["hugo"])]
    return result


def targets(results, use_hugo, constant):
    """(name, holds, figures) for each target of issue 18 and each corpus."""
    out = []
    for r in results:
        n = f"{r['pages_per_language']:,}"
        f = r["files"]
        out.append((f"{n}: output files ≤ 1.25 × pages + {constant}", f["excess"] <= constant,
                    f"{f['hashi']:,.0f} files for {r['markdown_files']:,} pages: {f['per_page']:.2f} a page, "
                    f"{f['excess']:+,.0f} over 1.25×"))
        if use_hugo:
            q = r["ratios"]
            out.append((f"{n}: output size ≤ {TARGET_SIZE}× Hugo's (apparent bytes and du)",
                        q["bytes"] <= TARGET_SIZE and q["disk"] <= TARGET_SIZE,
                        f"{q['bytes']:.3f}× bytes, {q['disk']:.3f}× du"))
            out.append((f"{n}: wall time ≤ {TARGET_WALL}× Hugo's", q["wall"] <= TARGET_WALL, f"{q['wall']:.3f}×"))
            out.append((f"{n}: peak memory ≤ {TARGET_MEMORY}× Hugo's", q["memory"] <= TARGET_MEMORY,
                        f"{q['memory']:.3f}×"))
        out.append((f"{n}: wall time ≤ {TARGET_FLOOR}× the floor", r["ratios"]["floor"] <= TARGET_FLOOR,
                    f"{r['ratios']['floor']:.3f}×"))
    if len(results) > 1:
        a, b = results[0]["files"]["excess"], results[-1]["files"]["excess"]
        out.append(("files over 1.25 × pages stay constant between the corpora", abs(b - a) <= constant,
                    f"{a:+,.0f} at {results[0]['pages_per_language']:,}, "
                    f"{b:+,.0f} at {results[-1]['pages_per_language']:,}"))
    return out


def table(results, use_hugo, meta):
    cols = [f"{r['pages_per_language']:,} pages a language ({r['runs']} run{'s' if r['runs'] > 1 else ''})"
            for r in results]
    rows = []

    def row(name, fn):
        rows.append((name, [fn(r) for r in results]))

    row("corpus", lambda r: f"{r['markdown_files']:,} Markdown pages, {r['markdown_file_bytes'] / 1e6:.0f} MB "
                            f"({r['markdown_body_bytes'] / 1e6:.0f} MB of bodies)")

    def wall(t):
        return lambda r: (f"{fmt_s(r['medians'][t]['wall_s'])} ({fmt_s(r['medians'][t]['min_wall_s'])}–"
                          f"{fmt_s(r['medians'][t]['max_wall_s'])}; CPU {fmt_s(r['medians'][t]['cpu_s'])})")
    row("hashi wall (median)", wall("hashi"))
    if use_hugo:
        row("Hugo wall (median)", wall("hugo"))
        row("**hashi/Hugo wall**", lambda r: f"**{r['ratios']['wall']:.2f}×** (" + ", ".join(
            f"{x:.2f}" for x in r["pairwise_wall_ratios"]) + f" run by run; target ≤ {TARGET_WALL}×)")
        row("hashi/Hugo CPU time", lambda r: f"{r['ratios']['cpu']:.2f}×")
    row("floor: files (mkdir + write, as hashi's output)", lambda r: (
        f"{fmt_s(r['floor']['files_s'])} ({r['floor']['files_written']:,} files, {r['floor']['dirs_made']:,} "
        f"folders, {r['floor']['files_bytes'] / 1e6:.0f} MB)"))
    row(f"floor: cmark ({meta['nproc']} threads)", lambda r: (
        f"{fmt_s(r['floor']['cmark_s'])} (1 thread {fmt_s(r['floor']['cmark_1thread_s'])})"))
    row("floor: sum (median of the rounds)", lambda r: fmt_s(r["floor"]["sum_s"]))
    row("**hashi/floor**", lambda r: f"**{r['ratios']['floor']:.2f}×** (target ≤ {TARGET_FLOOR}×)")
    row("hashi peak memory (median)", lambda r: f"{r['medians']['hashi']['max_rss_mib']:,.0f} MiB")
    if use_hugo:
        row("Hugo peak memory (median)", lambda r: f"{r['medians']['hugo']['max_rss_mib']:,.0f} MiB")
        row("**hashi/Hugo peak memory**", lambda r: f"**{r['ratios']['memory']:.2f}×** (target ≤ {TARGET_MEMORY}×)")
    row("hashi output files", lambda r: (
        f"{r['files']['hashi']:,.0f} ({r['files']['state_files']} in `.hashi/`): **{r['files']['per_page']:.2f}** "
        f"a page; files − 1.25 × pages = **{r['files']['excess']:+,.0f}**"))
    if use_hugo:
        row("Hugo output files", lambda r: f"{r['medians']['hugo']['files']:,.0f}")
    row("hashi output size", lambda r: (
        f"{fmt_mb(r['medians']['hashi']['bytes'])}, du {fmt_mb(r['medians']['hashi']['disk'])} "
        f"(`.hashi/` {fmt_mb(r['files']['state_bytes'])})"))
    if use_hugo:
        row("Hugo output size", lambda r: (f"{fmt_mb(r['medians']['hugo']['bytes'])}, "
                                           f"du {fmt_mb(r['medians']['hugo']['disk'])}"))
        row("**hashi/Hugo size**", lambda r: (f"**{r['ratios']['bytes']:.2f}×** bytes, **{r['ratios']['disk']:.2f}×** "
                                              f"du (target ≤ {TARGET_SIZE}×)"))
    row("hashi stages (median)", lambda r: ", ".join(f"{k} {fmt_s(v)}" for k, v in r["hashi_stage_medians_s"].items()))
    row("load average (1 min) before the builds", lambda r: (
        f"{min(l[0] for l in r['load_before_runs']):.2f}–{max(l[0] for l in r['load_before_runs']):.2f}"))
    out = ["| | " + " | ".join(cols) + " |", "| --- |" + " --- |" * len(cols)]
    out += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default="1000,10000",
                    help="pages a language, one corpus size or several with commas (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="rounds per corpus: hashi, Hugo, floor (default 3)")
    ap.add_argument("--work", default="/tmp/hashi-build-bench", help="work folder (corpus and outputs)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="corpus generator processes")
    ap.add_argument("--no-hugo", action="store_true", help="build with hashi only")
    ap.add_argument("--keep-output", action="store_true",
                    help="keep every output of the call (by default all are deleted at its end)")
    ap.add_argument("--files-constant", type=int, default=200,
                    help="the constant of the target 'files ≤ 1.25 × pages + C' (default 200)")
    ap.add_argument("--json", help="also write every figure to this JSON file (always WORK/results.json)")
    ap.add_argument("--require-targets", action="store_true", help="exit 3 when a target does not hold")
    args = ap.parse_args()
    sizes = [int(x) for x in str(args.pages).split(",") if x.strip()]
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi"))
    templates = os.environ.get("HASHI_TEMPLATES", os.path.join(REPO, "Templates"))
    gen = os.environ.get("GEN_CORPUS", os.path.join(os.path.dirname(REPO), "shared/bench/gen_corpus.py"))
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not args.no_hugo and not use_hugo:
        log("hugo is not installed: building with hashi only (apt-get install -y hugo)")
    cmark_bin = compile_tool(args.work, "cmark_floor", ["-lcmark", "-lpthread"])
    files_bin = compile_tool(args.work, "files_floor", ["-lpthread"])
    stamp_name = "run-" + datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    outputs = []
    results = []
    try:
        for n in sizes:
            args.pages = n
            results.append(measure_corpus(args, (hashi, templates, gen, cmark_bin, files_bin), use_hugo,
                                          stamp_name, outputs))
    finally:
        if not args.keep_output:
            for out in outputs:
                shutil.rmtree(out, ignore_errors=True)
            if outputs:
                log("outputs deleted: leave a few minutes before the next run (see RESULTS.md)")

    la_end = os.getloadavg()
    nproc = os.cpu_count()
    mem_total = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    meta = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"nproc": nproc, "mem_total_gib": int(mem_total) / 1024 / 1024,
                    "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                                 if l.startswith("model name")), platform.processor()),
                    "platform": platform.platform()},
        "nproc": nproc,
        "hashi": hashi, "hashi_links_swift_runtime": "libswiftCore" in sh(["ldd", hashi]), "hugo_version": sh(["hugo", "version"]).strip() if use_hugo else "not installed",
        "load_end": la_end,
        "command": "Benchmarks/build/run.sh " + " ".join(sys.argv[1:]),
    }
    checks = targets(results, use_hugo, args.files_constant)
    data = dict(meta, corpora=results, targets=checks)
    for path in [os.path.join(args.work, "results.json")] + ([args.json] if args.json else []):
        with open(path, "w") as f:
            json.dump(data, f, indent=1)

    print()
    print(f"### Build: {', '.join(f'{n:,}' for n in sizes)} pages a language "
          f"({args.runs} rounds each: hashi, Hugo, floor)")
    print()
    print(f"- {meta['date']}; {meta['machine']['cpu']}, {nproc} cores, {meta['machine']['mem_total_gib']:.1f} GiB; "
          f"load at the end {la_end[0]:.2f} {la_end[1]:.2f} {la_end[2]:.2f}")
    print(f"- hashi `{hashi}`; {meta['hugo_version']}")
    print(f"- Command: `{meta['command']}`")
    print()
    print(table(results, use_hugo, meta))
    print()
    print("Targets of issue 18 (build):")
    print()
    for name, holds, figures in checks:
        print(f"- {name}: {'holds' if holds else '**not yet**'} ({figures})")
    if args.require_targets and not all(h for _, h, _ in checks):
        sys.exit(3)


if __name__ == "__main__":
    main()

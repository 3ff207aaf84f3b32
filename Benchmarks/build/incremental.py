#!/usr/bin/env python3
"""One-page edits rebuilt in place, beside clean builds of the same corpus (issue 6).

    Benchmarks/build/run.sh --incremental [--pages N] [--edits E] [--runs R] [--work DIR]

1. Generates the corpus of ../shared/bench into WORK/inc<N>/, a copy of its own (deleted
   at the end) so the edits never touch run.sh's corpus.
2. R clean builds, each into an output folder never used before (as run.sh does).
3. Into the last of those outputs: E rounds of "edit one page, rebuild", a page of either
   language picked at random each round (a sentence added to the body, or to the title every
   third round, which changes the lists that show it). The first round is reported on
   its own: it also lays down the second copy of the site that later rebuilds swap with.
4. After the last edit, a clean build of the edited corpus into a fresh folder, compared
   byte for byte with the output rebuilt in place.

Prints medians: clean, first edit, later edits, and later edits / clean.
"""
import argparse
import filecmp
import os
import random
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import REPO, SITE_YAML, fmt_s, log, median, timed  # noqa: E402


def same_tree(a, b):
    """Lists the files that differ between two folders (names and bytes)."""
    differ = []
    cmp = filecmp.dircmp(a, b)
    stack = [("", cmp)]
    while stack:
        prefix, c = stack.pop()
        differ += [prefix + n for n in c.left_only + c.right_only]
        _, mismatch, errors = filecmp.cmpfiles(os.path.join(a, prefix), os.path.join(b, prefix), c.common_files, shallow=False)
        differ += [prefix + n for n in mismatch + errors]
        stack += [(prefix + name + "/", sub) for name, sub in c.subdirs.items()]
    return differ


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3, help="clean builds (default 3)")
    ap.add_argument("--work", default="/tmp/hashi-build-bench")
    ap.add_argument("--seed", default="1")
    args = ap.parse_args()

    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi"))
    templates = os.environ.get("HASHI_TEMPLATES", os.path.join(REPO, "Templates"))
    gen = os.environ.get("GEN_CORPUS", os.path.join(os.path.dirname(REPO), "shared/bench/gen_corpus.py"))
    site = os.path.join(args.work, f"inc{args.pages}")
    content = os.path.join(site, "content")
    if os.path.isdir(site):
        shutil.rmtree(site)
    os.makedirs(site)
    log(f"generating {args.pages} pages a language into {content} ...")
    subprocess.run([sys.executable, gen, "--out", content, "--pages", str(args.pages), "--seed", args.seed,
                    "--jobs", str(os.cpu_count()), "--force"], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write(SITE_YAML)
    pages = sorted(os.path.join(root, n) for root, _, names in os.walk(content)
                   for n in names if n.endswith(".md") and n != "_index.md")

    def build(out):
        r = timed([hashi, "build", "--content", content, "--templates", templates, "--output", out, "--timings"])
        if r["rc"] != 0:
            log(r["stdout"][-2000:], r["stderr"][-2000:])
            sys.exit(1)
        summary = next((l for l in r["stdout"].splitlines() if l.startswith("hashi: built")), "")
        return r["wall_s"], r["user_s"] + r["sys_s"], r["max_rss_mib"], summary

    subprocess.run(["sync"])
    clean = []
    for i in range(args.runs):
        wall, cpu, rss, summary = build(os.path.join(site, f"out-{i + 1}"))
        clean.append(wall)
        log(f"clean {i + 1}: {wall:.2f} s wall, cpu {cpu:.1f} s, {rss:.0f} MiB  {summary}")
    out = os.path.join(site, f"out-{args.runs}")

    rng = random.Random(args.seed)
    edits = []
    for round_ in range(args.edits):
        path = rng.choice(pages)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        japanese = "/ja/" in path
        if round_ % 3 == 2:
            text = text.replace('title: "', 'title: "改訂 ' if japanese else 'title: "Revised ', 1)
            what = "title"
        else:
            text += ("\n編集で加えた一文です。\n" if japanese else "\nA sentence added by an edit.\n")
            what = "body"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        wall, cpu, rss, summary = build(out)
        edits.append(wall)
        log(f"edit {round_ + 1} ({what} of {os.path.relpath(path, content)}): {wall:.2f} s wall, cpu {cpu:.2f} s, "
            f"{rss:.0f} MiB  {summary}")

    fresh = os.path.join(site, "out-clean-after-edits")
    build(fresh)
    differ = same_tree(out, fresh)
    log(f"rebuilt in place vs clean build of the edited corpus: {'identical' if not differ else 'DIFFERENT: ' + ', '.join(differ[:5])}")

    later = edits[1:] or edits
    print(f"| pages a language | clean (median of {args.runs}) | first edit after the clean build | later edits (median of {len(later)}) | later / clean |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {args.pages:,} | {fmt_s(median(clean))} | {fmt_s(edits[0])} | {fmt_s(median(later))} | "
          f"{median(later) / median(clean):.2f} |")
    shutil.rmtree(site, ignore_errors=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

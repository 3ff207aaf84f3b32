#!/usr/bin/env python3
"""CPU that an idle `hashi serve` uses: the share of one core over 30 s, read from /proc/<pid>/stat.

    python3 Benchmarks/serve/idle.py --pages 10000 [--seconds 30] [--work DIR] [--poll]

Generates the corpus (../shared/bench/gen_corpus.py) unless WORK has it, starts `hashi serve` on it,
waits until it serves, lets it settle for 5 s, then counts its user and system time over the window.
"""
import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, HERE)
from measure import SITE_YAML, free_port  # noqa: E402  (serve/measure.py, which takes it from the build benchmark)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--work", default="/tmp/hashi-serve-idle")
    ap.add_argument("--poll", action="store_true", help="measure the polling fallback instead")
    args = ap.parse_args()
    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/release/hashi"))
    gen = os.environ.get("GEN_CORPUS", os.path.join(os.path.dirname(REPO), "shared/bench/gen_corpus.py"))
    content = os.path.join(args.work, f"p{args.pages}", "content")
    if not os.path.isdir(os.path.join(content, "en")):
        subprocess.run([sys.executable, gen, "--out", content, "--pages", str(args.pages), "--force"], check=True,
                       stdout=subprocess.DEVNULL)
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write(SITE_YAML)
    port = free_port()
    cmd = [hashi, "serve", "--content", content, "--templates", os.path.join(REPO, "Templates"),
           "--output", os.path.join(args.work, "Output"), "--port", str(port)] + (["--poll"] if args.poll else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        t0 = time.time()
        while time.time() - t0 < 900:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except Exception:
                time.sleep(0.5)
        print(f"serving {args.pages} pages a language after {time.time() - t0:.1f} s", file=sys.stderr)
        time.sleep(5)
        before, t1 = cpu_seconds(proc.pid), time.time()
        time.sleep(args.seconds)
        used, wall = cpu_seconds(proc.pid) - before, time.time() - t1
        print(f"idle hashi serve ({'polling' if args.poll else 'inotify'}), {args.pages} pages a language: "
              f"{used:.2f} s of CPU in {wall:.1f} s = {100 * used / wall:.2f} % of one core")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


if __name__ == "__main__":
    main()

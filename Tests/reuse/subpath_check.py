#!/usr/bin/env python3
"""The built site works under a sub-path: no broken link and no missing anchor.

Builds the microsite (Content/) with the worked example of docs/REUSE.md laid over it
(--overlay Examples/ngo-overlay, --templates Examples/ngo-overlay/Templates --templates Templates)
into <tmp>/www/campaign/, serves <tmp>/www on 127.0.0.1 (anything outside /campaign/ answers 404,
so a link that climbs out of the sub-path is caught), and runs LinkChecker with its AnchorCheck
plugin on http://127.0.0.1:PORT/campaign/. Only the site's own URLs are checked; links to other
sites (and tel:) are left alone, since the test must not make outside requests.

    HASHI=path/to/hashi python3 Tests/reuse/subpath_check.py [--keep]

Exit 0 when LinkChecker finds nothing, 1 when it reports a broken link or anchor, 2 when a tool is missing.
"""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUBPATH = "campaign"


# LinkChecker run as root switches to "nobody" before it loads its plugins; where Python lives under
# /root (pyenv) "nobody" cannot list them, and AnchorCheck would silently not run. This test only talks
# to its own server on 127.0.0.1, so it keeps the user it was started as.
RUN_LINKCHECKER = """
import sys
import linkcheck.command.linkchecker as command
command.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
sys.exit(command.linkchecker())
"""


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves only the sub-path, quietly."""

    def do_GET(self):
        if not self.path.startswith(f"/{SUBPATH}/"):
            self.send_error(404, "outside the sub-path")
            return
        super().do_GET()

    def do_HEAD(self):
        if not self.path.startswith(f"/{SUBPATH}/"):
            self.send_error(404, "outside the sub-path")
            return
        super().do_HEAD()

    def log_message(self, *args):
        pass


def main(argv):
    hashi = os.environ.get("HASHI") or os.path.join(REPO, ".build/debug/hashi")
    if not os.access(hashi, os.X_OK):
        print(f"subpath: no hashi binary at {hashi}: run swift build first (or set HASHI)", file=sys.stderr)
        return 2
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        print("subpath: LinkChecker not found: pip install -r Tests/a11y/requirements.txt", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="hashi-subpath-")
    server = None
    try:
        example = os.path.join(REPO, "Examples/ngo-overlay")
        site = os.path.join(work, "www", SUBPATH)
        build = subprocess.run([hashi, "build", "--content", os.path.join(REPO, "Content"),
                                "--overlay", example,
                                "--templates", os.path.join(example, "Templates"),
                                "--templates", os.path.join(REPO, "Templates"),
                                "--output", site], capture_output=True, text=True)
        if build.returncode != 0:
            print(f"FAIL hashi build exited {build.returncode}:\n{build.stderr}")
            return 1

        handler = functools.partial(SubPathHandler, directory=os.path.join(work, "www"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        start = f"http://127.0.0.1:{port}/{SUBPATH}/"

        config = os.path.join(work, "linkcheckerrc")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""[checking]
threads=4
timeout=30
[filtering]
# Only the site itself: every URL that is not on this server is ignored, never fetched.
ignore=
  ^(?!http://127\\.0\\.0\\.1:{port}/)
internlinks=^http://127\\.0\\.0\\.1:{port}/
checkextern=0
[output]
status=0
[AnchorCheck]
""")
        run = subprocess.run([sys.executable, "-c", RUN_LINKCHECKER, "--config", config, "--verbose", start],
                             capture_output=True, text=True, timeout=600)
        out = run.stdout
        problems = [block for block in out.split("\n\n") if "Result     Error" in block or "\nWarning" in block]
        checked = out.count("\nURL ") + out.startswith("URL ")
        for block in problems:
            print("FAIL " + block.strip().replace("\n", "\n     "))
        summary = [line for line in out.splitlines() if "links in" in line or "errors found" in line or "warnings found" in line]
        print("subpath: " + " ".join(summary), file=sys.stderr)
        if run.returncode not in (0, 1):
            print(f"FAIL linkchecker exited {run.returncode}:\n{run.stderr[-2000:]}")
            return 1
        if run.returncode == 1 and not problems:
            print(f"FAIL linkchecker reported problems:\n{out[-3000:]}")
            return 1
        print(f"subpath: {checked} URLs under {start} checked, {len(problems)} problem(s)")
        if problems:
            return 1
        # A planted link to a missing anchor must be reported, or AnchorCheck did not run.
        with open(os.path.join(site, "anchor-probe.html"), "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html lang="en"><title>probe</title><a href="en/#no-such-anchor">x</a></html>')
        probe = subprocess.run([sys.executable, "-c", RUN_LINKCHECKER, "--config", config, "-r2", start + "anchor-probe.html"],
                               capture_output=True, text=True, timeout=600)
        if "no-such-anchor" not in probe.stdout or "not found" not in probe.stdout:
            print("FAIL AnchorCheck did not report a planted missing anchor: it is not running")
            print(f"subpath: {checked} passed, 1 failed")
            return 1
        print(f"subpath: {checked - len(problems)} passed, {len(problems)} failed")
        return 0
    finally:
        if server is not None:
            server.shutdown()
        if "--keep" in argv:
            print(f"subpath: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

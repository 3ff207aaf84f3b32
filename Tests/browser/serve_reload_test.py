#!/usr/bin/env python3
"""Browser test of `hashi serve`'s live reload: a page open in headless Chromium reloads by
itself soon after its source changes, through the server's event stream (which the page's
Content-Security-Policy, as serve sends it, must allow).

Run:  swift build && python3 Tests/browser/serve_reload_test.py
      (HASHI=path/to/hashi and CHROMIUM=path/to/chromium override the defaults)
Needs Debian's chromium. It watches the tab's title through Chromium's DevTools HTTP
endpoint on 127.0.0.1, so it needs no Python package.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search_test import REPO, chromium  # noqa: E402

SITE = "languages:\n  - code: en\n    name: English\n    title: {title}\n"


def wait_for(condition, seconds, step=0.01):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


def write_like_an_editor(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


def main():
    hashi = os.environ.get("HASHI", os.path.join(REPO, ".build/debug/hashi"))
    work = tempfile.mkdtemp(prefix="hashi-serve-reload-")
    os.makedirs(os.path.join(work, "Content/en"))
    write_like_an_editor(os.path.join(work, "Content/site.yaml"), SITE.format(title="First"))
    write_like_an_editor(os.path.join(work, "Content/en/_index.md"), "---\ntitle: Home\n---\nHello.\n")
    serve = subprocess.Popen([hashi, "serve", "--port", "0", "--content", os.path.join(work, "Content"),
                              "--templates", os.path.join(REPO, "Templates"), "--output", os.path.join(work, "Output")],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    browser = None
    failures = []
    try:
        line = ""
        while "Ctrl-C stops" not in line:
            line = serve.stdout.readline()
            if not line:
                sys.exit("hashi serve did not start")
        port = re.search(r"127\.0\.0\.1:(\d+)/", line).group(1)
        profile = os.path.join(work, "profile")
        browser = subprocess.Popen([chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    "--remote-debugging-port=0", f"--user-data-dir={profile}",
                                    f"http://127.0.0.1:{port}/en/"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        active = os.path.join(profile, "DevToolsActivePort")
        devtools = wait_for(lambda: os.path.exists(active) and open(active).read().split("\n")[0], 30, 0.1)
        if not devtools:
            sys.exit("chromium did not open its DevTools port")

        def title():
            try:
                tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list", timeout=2))
            except OSError:
                return None
            pages = [t for t in tabs if t.get("type") == "page" and t.get("url", "").startswith(f"http://127.0.0.1:{port}/")]
            return pages[0]["title"] if pages else None

        if not wait_for(lambda: title() == "First", 30):
            sys.exit(f"the page did not open: {title()!r}")
        time.sleep(1)  # the page's event stream is open
        for number, new in enumerate(["Second", "Third"]):
            started = time.time()
            write_like_an_editor(os.path.join(work, "Content/site.yaml"), SITE.format(title=new))
            if wait_for(lambda: title() == new, 10):
                print(f"ok   the open page reloaded by itself {1000 * (time.time() - started):.0f} ms after the edit ({new})")
            else:
                failures.append(f"the page did not reload after the edit to {new!r} (title {title()!r})")
                print("FAIL " + failures[-1])
            time.sleep(0.5)
    finally:
        if browser:
            os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"serve reload: {2 - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

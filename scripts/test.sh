#!/usr/bin/env bash
# The test command of the README: installs what the tests need, then runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build
# The search tokenizer in JavaScript, against the same vectors as the Swift tests.
node --test Tests/js/
# The search page opened from disk in headless Chromium, against a freshly built site.
HASHI=.build/debug/hashi python3 Tests/browser/search_test.py
# A site in ja, en, vi, th and ar from disk: the Arabic page mirrored, search in every script.
HASHI=.build/debug/hashi python3 Tests/browser/languages_test.py
# hashi serve: a page open in headless Chromium reloads by itself after an edit.
HASHI=.build/debug/hashi python3 Tests/browser/serve_reload_test.py
# Every page of the microsite: vnu, axe-core (WCAG 2.2 AA) in headless Chromium at desktop and 360 px,
# the quick exit, the CSP and no request outside the site.
HASHI=.build/debug/hashi python3 Tests/a11y/site_check.py
# The microsite with the worked example of docs/REUSE.md, served under a sub-path: LinkChecker with
# its AnchorCheck plugin finds no broken link or missing anchor.
HASHI=.build/debug/hashi python3 Tests/reuse/subpath_check.py
# The release archive of scripts/package.sh, unpacked and run with the Swift toolchain and libcmark
# hidden: hashi --version, init, check --strict, build, and Examples/content-only/build.sh.
Tests/package/package_test.sh

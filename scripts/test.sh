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

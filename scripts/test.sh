#!/usr/bin/env bash
# The test command of the README: installs what the tests need, then runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build

#!/usr/bin/env bash
# The build command of the README: installs libcmark-dev if missing, then builds Content/ into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift run -c release hashi build "$@"

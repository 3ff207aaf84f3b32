#!/usr/bin/env bash
# One-page edits rebuilt in place beside clean builds (issue 6). See incremental.py and RESULTS.md.
#   Benchmarks/build/incremental.sh [--pages N] [--edits E] [--runs R] [--work DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export HASHI="${HASHI:-$repo/.build/release/hashi}"
[ -x "$HASHI" ] || { echo "no hashi binary at $HASHI: run 'swift build -c release' or set HASHI" >&2; exit 2; }
[ -x /usr/bin/time ] || apt-get install -y time
exec python3 "$here/incremental.py" "$@"

#!/usr/bin/env bash
# Edit-to-served time of `hashi serve` beside `hugo server` on the shared/bench corpus. See RESULTS.md.
#   Benchmarks/serve/run.sh [--pages N] [--edits E] [--work DIR] [--json FILE]
# HASHI (default .build/release/hashi) is the hashi binary; GEN_CORPUS the corpus generator
# (default ../shared/bench/gen_corpus.py beside the repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export HASHI="${HASHI:-$repo/.build/release/hashi}"
[ -x "$HASHI" ] || { echo "no hashi binary at $HASHI: run 'swift build -c release' or set HASHI" >&2; exit 2; }
command -v hugo >/dev/null || apt-get install -y hugo || { echo "hugo is needed: apt-get install -y hugo" >&2; exit 2; }
exec python3 "$here/measure.py" "$@"

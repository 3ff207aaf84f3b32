#!/usr/bin/env bash
# Search on a throttled phone: hashi beside Pagefind on the shared/bench corpus (issue 18). See RESULTS.md.
#   Benchmarks/search/run.sh [--pages N] [--runs R] [--work DIR] [--skip-build] [--json FILE] ...
# HASHI (default .build/release/hashi) is the hashi binary; GEN_CORPUS the corpus generator
# (default ../shared/bench/gen_corpus.py beside the repository); CHROMIUM the browser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export HASHI="${HASHI:-$repo/.build/release/hashi}"
[ -x "$HASHI" ] || { echo "no hashi binary at $HASHI: run 'swift build -c release' or set HASHI" >&2; exit 2; }
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi
python3 -c 'import websocket' 2>/dev/null || python3 -m pip install --quiet websocket-client
python3 -c 'import pagefind_bin' 2>/dev/null || python3 -m pip install --quiet 'pagefind[bin]'
exec python3 "$here/measure.py" "$@"

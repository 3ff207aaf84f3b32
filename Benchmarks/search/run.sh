#!/usr/bin/env bash
# Offline search of hashi beside Pagefind on the shared/bench corpus. See RESULTS.md.
#   Benchmarks/search/run.sh [--pages N] [--work DIR] [--runs R] [--skip-build] ...
# HASHI (default .build/release/hashi) is the hashi binary; GEN_CORPUS the corpus generator
# (default ../shared/bench/gen_corpus.py beside the repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export HASHI="${HASHI:-$repo/.build/release/hashi}"
[ -x "$HASHI" ] || { echo "no hashi binary at $HASHI: run 'swift build -c release' or set HASHI" >&2; exit 2; }
[ -x /usr/bin/time ] || apt-get install -y time
command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt-get install -y chromium chromium-driver
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium
python3 -c 'import pagefind_bin' 2>/dev/null || python3 -m pip install --quiet 'pagefind[bin]'
python3 -c 'import pagefind_bin_extended' 2>/dev/null || python3 -m pip install --quiet 'pagefind[extended]'
exec python3 "$here/measure.py" "$@"

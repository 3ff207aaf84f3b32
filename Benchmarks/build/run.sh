#!/usr/bin/env bash
# Clean builds of hashi beside Hugo on the shared/bench corpus, against the floor (cmark on every
# core + writing hashi's files again); with --incremental, one-page edits rebuilt in place beside
# clean builds. See RESULTS.md.
#   Benchmarks/build/run.sh [--pages 1000,10000] [--runs R] [--work DIR] [--json FILE] [--no-hugo]
#                           [--keep-output] [--require-targets]
#   Benchmarks/build/run.sh --incremental [--pages N] [--edits E] [--runs R] [--work DIR]
# HASHI (default .build/package/release/hashi, else .build/release/hashi) is the hashi binary; GEN_CORPUS the corpus generator
# (default ../shared/bench/gen_corpus.py beside the repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
# The release binary, as scripts/package.sh builds it, by default; else the developer build.
release="$repo/.build/package/release/hashi"
[ -x "$release" ] || release="$repo/.build/release/hashi"
export HASHI="${HASHI:-$release}"
[ -x "$HASHI" ] || { echo "no hashi binary at $HASHI: run scripts/package.sh or set HASHI" >&2; exit 2; }
# The release binary carries the Swift runtime: it starts in a third of the time and holds about
# 12 MB less than a binary that loads it (and libcurl, through Foundation's networking) from the toolchain.
if ldd "$HASHI" 2>/dev/null | grep -q libswiftCore; then
    echo "note: $HASHI loads the Swift runtime from the toolchain; the release binary" \
         "(scripts/package.sh, .build/package/release/hashi) carries it" >&2
fi
[ -x /usr/bin/time ] || apt-get install -y time
command -v hugo >/dev/null || apt-get install -y hugo || echo "hugo not installed: hashi only" >&2
[ -f /usr/include/cmark.h ] || apt-get install -y libcmark-dev
command -v cc >/dev/null || apt-get install -y gcc
if [ "${1:-}" = "--incremental" ]; then
    shift
    exec python3 "$here/incremental.py" "$@"
fi
exec python3 "$here/measure.py" "$@"

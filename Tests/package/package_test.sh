#!/usr/bin/env bash
# The release as a volunteer gets it. scripts/package.sh makes the archive; the binary needs no
# Swift or cmark library (ldd); then, with the Swift toolchain's folder and libcmark hidden (a new
# mount namespace, as root: a tmpfs over the toolchain, /dev/null over libcmark.so), the unpacked
# binary prints its version, makes a site with `hashi init` and builds and checks it with its own
# theme, and Examples/content-only/build.sh runs against the archive, as a content site and as an
# overlay.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
archive="$("$repo/scripts/package.sh" | tail -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tar -xzf "$archive" -C "$work"
folder="$work/$(basename "$archive" .tar.gz)"
[ -x "$folder/hashi" ] && [ -f "$folder/Content/site.yaml" ] || { echo "FAIL: the archive lacks hashi or Content/" >&2; exit 1; }

ldd "$folder/hashi" | tee "$work/ldd.txt"
if grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|libcmark|not found' "$work/ldd.txt"; then
  echo "FAIL: the binary needs the libraries above" >&2
  exit 1
fi
unexpected="$(awk '{print $1}' "$work/ldd.txt" | grep -vE '^(linux-vdso|libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl|librt|/lib64/ld-linux[^ ]*|/lib/ld-linux[^ ]*)(\.so[.0-9]*)?$' || true)"
[ -z "$unexpected" ] || { echo "FAIL: not a base system library: $unexpected" >&2; exit 1; }

# The toolchain's folder (/opt/swift); when it is /usr, as in the swift Docker images, its Swift
# parts only: a tmpfs over /usr would hide the shell too.
toolchain="$(cd "$(dirname "$(readlink -f "$(command -v swift)")")/../.." && pwd)"
cp -R "$repo/Examples/content-only" "$work/content-only"
unshare --mount bash -s "$toolchain" "$folder" "$work" "$archive" <<'HIDDEN'
set -euo pipefail
toolchain=$1 folder=$2 work=$3 archive=$4
if [ "$toolchain" = /usr ]; then
  mount -t tmpfs none /usr/lib/swift
  for tool in /usr/bin/swift*; do mount --bind /dev/null "$tool"; done
else
  mount -t tmpfs none "$toolchain"
fi
for library in /usr/lib/*/libcmark.so* /lib/*/libcmark.so*; do
  if [ -e "$library" ]; then mount --bind /dev/null "$library"; fi
done
if swift --version >/dev/null 2>&1; then echo "FAIL: swift is still there" >&2; exit 1; fi
export XDG_CACHE_HOME="$work/cache" PATH="$folder:$PATH"
cd "$work"
hashi --version | grep -E '^hashi [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{7,}|development)\)$'
hashi init my-site
cd my-site
hashi check --strict
hashi build
grep -q 'ようこそ' Output/ja/index.html
ls "$work/cache/hashi" | grep -q '^theme-' || { echo "FAIL: the built-in theme was not used" >&2; exit 1; }
# hashi serve answers from the binary alone (its server must not need libcurl or the toolchain).
port=$((20000 + RANDOM % 20000))
hashi serve --port "$port" > "$work/serve.log" 2>&1 &
serving=$!
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/en/').status == 200 else 1)" 2>/dev/null; then break; fi
  sleep 0.2
done
python3 -c "import urllib.request; assert 'Content-Security-Policy' in urllib.request.urlopen('http://127.0.0.1:$port/en/').read().decode()" \
  || { kill "$serving"; cat "$work/serve.log" >&2; echo "FAIL: hashi serve did not answer" >&2; exit 1; }
kill "$serving"; wait "$serving" 2>/dev/null || true

# The content-only repository's script, as its workflow runs it, then the same as an overlay.
HASHI_ARCHIVE="$archive" "$work/content-only/build.sh"
[ -f "$work/content-only/_site/en/index.html" ] && [ -f "$work/content-only/_site/_headers" ] && [ ! -e "$work/content-only/_site/.hashi" ]
cd "$work/content-only" && rm -rf Content _site Output && hashi init --overlay overlay >/dev/null
HASHI_ARCHIVE="$archive" ./build.sh
[ -f _site/en/report/index.html ]
HIDDEN
echo "package test: $(basename "$archive") unpacked, checked with ldd, and run without the toolchain"
echo "package: 1 passed, 0 failed"

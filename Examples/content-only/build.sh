#!/usr/bin/env bash
# Every step of this repository's workflow, in one script, so a volunteer can run exactly what CI
# runs, and hashi's own CI runs it against the archive it has just packaged:
#   HASHI_ARCHIVE=~/Downloads/hashi-0.3.0-linux-x86_64.tar.gz ./build.sh   an archive you have
#   HASHI_URL=https://…/hashi-0.3.0-linux-x86_64.tar.gz ./build.sh          download it (the workflow)
#   HASHI_SHA256=…                                                          and check its checksum
#   HASHI_BASE_URL=https://www.your-organisation.org/campaign/             where the site is published
# It fetches hashi (no Swift needed), checks the content with warnings as errors, builds it, and
# puts what to publish in _site/ (the site without hashi's hidden .hashi/ folder).
# A repository with Content/ is a site of its own; one with overlay/ instead (made with
# `hashi init --overlay overlay`) lays it over the microsite's content that comes with hashi.
set -euo pipefail
cd "$(dirname "$0")"

tools=.hashi-bin
rm -rf "$tools" && mkdir -p "$tools"
archive="${HASHI_ARCHIVE:-}"
if [ -z "$archive" ]; then
  [ -n "${HASHI_URL:-}" ] || { echo "build.sh: set HASHI_ARCHIVE or HASHI_URL" >&2; exit 2; }
  archive="$tools/hashi.tar.gz"
  curl --fail --silent --show-error --location --output "$archive" "$HASHI_URL"
fi
if [ -n "${HASHI_SHA256:-}" ]; then
  echo "$HASHI_SHA256  $archive" | sha256sum --check --quiet
fi
tar -xzf "$archive" -C "$tools" --strip-components=1
hashi="$tools/hashi"
"$hashi" --version

if [ -d Content ]; then
  site=()
elif [ -d overlay ]; then
  site=(--content "$tools/Content" --overlay overlay)
else
  echo "build.sh: neither Content/ nor overlay/ here" >&2
  exit 2
fi
base=()
[ -n "${HASHI_BASE_URL:-}" ] && base=(--base-url "$HASHI_BASE_URL")

"$hashi" check --strict "${site[@]}" "${base[@]}"
"$hashi" build --quiet --headers netlify "${site[@]}" "${base[@]}"
rm -rf _site
mkdir _site
cp -a Output/. _site/
rm -rf _site/.hashi
echo "build.sh: the site to publish is in _site/"

#!/usr/bin/env bash
# Makes the one-file release: dist/hashi-<version>-linux-<arch>.tar.gz, and prints its path.
# The binary carries the Swift runtime (--static-swift-stdlib), libcmark (the archive libcmark.a
# of libcmark-dev), libdeflate and the default theme, so it runs on a Debian or Ubuntu machine with neither the
# Swift toolchain nor libcmark: `ldd` lists only the C and C++ runtimes of the base system.
# The archive holds one folder, hashi-<version>-linux-<arch>/, with:
#   hashi       the binary
#   Content/    the microsite's content, to build with an overlay (hashi build --overlay my-ngo)
#   README.md   how to start
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
scripts/setup.sh
version="$(tr -d ' \n' < VERSION)"
arch="$(uname -m)"
name="hashi-$version-linux-$arch"

# SwiftPM links what the module map names (-lcmark, -ldeflate) after the -L of pkg-config, and the linker
# takes the shared library when a folder has both. A .pc file of our own for each points to a folder
# that holds only the archive (.a of the -dev package), so the archive is linked in.
static="$repo/.build/static-libs"
mkdir -p "$static/pkgconfig"
# static_pc PACKAGE LIBRARY DEBIAN-PACKAGE: $static/pkgconfig/PACKAGE.pc naming $static/libLIBRARY.a.
static_pc() {
  local archive
  archive="$(pkg-config --variable=libdir "$1")/lib$2.a"
  # Debian's libdeflate.pc names /usr/lib, where the archive is not: then ask the compiler where it is.
  [ -f "$archive" ] || archive="$(cc -print-file-name="lib$2.a")"
  [ -f "$archive" ] || { echo "package: lib$2.a not found ($3 ships it)" >&2; exit 1; }
  ln -sf "$archive" "$static/lib$2.a"
  cat > "$static/pkgconfig/$1.pc" <<PC
Name: $1
Description: $1, linked statically for the release binary
Version: $(pkg-config --modversion "$1")
Libs: -L$static -l$2
Cflags: $(pkg-config --cflags "$1")
PC
}
static_pc libcmark cmark libcmark-dev
static_pc libdeflate deflate libdeflate-dev   # the search index's text files are deflated
# FlyingFox brings Foundation's networking, which names libcurl; hashi never uses it (scripts/no-curl.c).
cc -O2 -c "$repo/scripts/no-curl.c" -o "$static/no-curl.o"
rm -f "$static/libcurl.a"
ar rcs "$static/libcurl.a" "$static/no-curl.o"
build=(swift build -c release --static-swift-stdlib --scratch-path "$repo/.build/package" --product hashi)
PKG_CONFIG_PATH="$static/pkgconfig" "${build[@]}" >&2
binary="$("${build[@]}" --show-bin-path)/hashi"
if ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|libcmark|libcurl|libdeflate' >&2; then
  echo "package: $binary still needs the libraries above" >&2
  exit 1
fi

stage="$repo/dist/$name"
rm -rf "$stage" "$repo/dist/$name.tar.gz"
mkdir -p "$stage"
cp "$binary" "$stage/hashi"
strip "$stage/hashi" 2>/dev/null || true
cp -R Content "$stage/Content"
cat > "$stage/README.md" <<README
# hashi $version

\`hashi\` is the whole program: no Swift, no other library needed. Put it on your PATH or call it
as \`./hashi\`.

    ./hashi init my-site       # a new site in Japanese and English
    cd my-site
    ../hashi serve             # see it at http://127.0.0.1:8000/
    ../hashi build             # the site, in Output/

To publish the microsite under your organisation's name, in this folder:

    ./hashi init --overlay my-ngo
    ./hashi build --overlay my-ngo

\`Content/\` is the microsite's text, derived from the Wikipedia article "Human trafficking in
Japan" and published under CC BY-SA 4.0. The guide: docs/REUSE.md in hashi's repository.
README
# The same input gives the same archive: sorted names, one owner, the commit's time.
stamp="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$repo/dist" -czf "$repo/dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "$repo/dist/$name.tar.gz"

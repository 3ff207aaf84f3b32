#!/usr/bin/env bash
# Installs what hashi and its tests need on a fresh Debian machine, skipping what is already there.
#   scripts/setup.sh          libcmark-dev and libdeflate-dev (enough to build sites)
#   scripts/setup.sh --tests  also Chromium and its driver, Japanese fonts, Node, Java, and the Python
#                             packages of Tests/a11y/requirements.txt (selenium, vnu, axe-core)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

need=()
dpkg -s libcmark-dev >/dev/null 2>&1 || need+=(libcmark-dev)
dpkg -s libdeflate-dev >/dev/null 2>&1 || need+=(libdeflate-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ "${1:-}" = "--tests" ]; then
  # The pinned Python packages, unless every one is already there at its pinned version.
  req="$repo/Tests/a11y/requirements.txt"
  if ! python3 - "$req" >/dev/null 2>&1 <<'PY'
import sys, importlib.metadata as meta
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, _, version = line.partition("==")
        if meta.version(name.strip()) != version.strip():
            sys.exit(1)
PY
  then
    echo "setup: installing the Python packages of Tests/a11y/requirements.txt" >&2
    # Debian's own python3 refuses pip installs (PEP 668) unless told; a test machine allows it.
    PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
      python3 -m pip install -q -r "$req"
  fi
fi

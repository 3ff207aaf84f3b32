#!/usr/bin/env bash
# Installs what hashi and its tests need on a fresh Debian machine, skipping what is already there.
#   scripts/setup.sh          libcmark-dev (enough to build sites)
#   scripts/setup.sh --tests  also Chromium, Japanese fonts, Node and the HTML checkers used by the tests
set -euo pipefail

need=()
dpkg -s libcmark-dev >/dev/null 2>&1 || need+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

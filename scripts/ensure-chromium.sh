#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for Playwright (it cannot download its own here).
set -euo pipefail
CHROMIUM="${SAKSBORD_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package..." >&2
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "error: Chromium is missing and this user cannot install it; run: apt-get install -y chromium" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "error: chromium installed but $CHROMIUM is missing" >&2; exit 1; }

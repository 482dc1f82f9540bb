#!/usr/bin/env bash
# Headless Chromium and chromedriver (Debian's packages) for browser tests.
# Usage: chromium.sh install|status
#   install  installs `chromium` and `chromium-driver` with apt if /usr/bin/chromium or
#            /usr/bin/chromedriver is missing, then prints the versions.
#   status   prints the versions; exit 3 when either binary is missing.
# Headless use as root needs --no-sandbox, e.g.
#   chromium --headless --no-sandbox --disable-gpu --dump-dom about:blank
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

missing() { [[ ! -x "$CHROMIUM_BIN" || ! -x "$CHROMEDRIVER_BIN" ]]; }

versions() {
  echo "chromium: $("$CHROMIUM_BIN" --version 2>/dev/null | head -n 1) ($CHROMIUM_BIN)"
  echo "chromedriver: $("$CHROMEDRIVER_BIN" --version 2>/dev/null | head -n 1) ($CHROMEDRIVER_BIN)"
}

case "${1:-}" in
  install)
    if missing; then
      log "installing chromium and chromium-driver"
      apt_install chromium chromium-driver
      missing && die "$CHROMIUM_BIN or $CHROMEDRIVER_BIN still missing after apt-get install"
    fi
    versions
    ;;
  status)
    if missing; then
      [[ -x "$CHROMIUM_BIN" ]] || echo "chromium: $CHROMIUM_BIN missing (run $0 install)"
      [[ -x "$CHROMEDRIVER_BIN" ]] || echo "chromedriver: $CHROMEDRIVER_BIN missing (run $0 install)"
      exit 3
    fi
    versions
    ;;
  *) echo "usage: $0 install|status" >&2; exit 2 ;;
esac

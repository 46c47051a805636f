#!/usr/bin/env bash
# Installs the real browser the UI tests drive (tests/Comity.Ui.Tests): Debian's chromium and chromium-driver, both
# at /usr/bin. Idempotent: nothing is done when both are present. No browser is downloaded from anywhere else.
#   bash .ci/chromium.sh
set -euo pipefail

log() { printf 'chromium.sh: %s\n' "$*" >&2; }

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  log "chromium and chromedriver present ($(/usr/bin/chromedriver --version 2>/dev/null | head -n 1))"
  exit 0
fi

log "installing Debian's chromium and chromium-driver"
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >&2
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { log "chromium or chromedriver missing after the install"; exit 1; }
log "installed $(/usr/bin/chromedriver --version | head -n 1)"

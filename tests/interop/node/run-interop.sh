#!/usr/bin/env bash
# Usage: run-interop.sh OPENTOK_MOCK_BINARY
# Runs the Node interop script (the official `opentok` npm package) against a fresh
# standalone mock started by ../with-mock.sh.
set -euo pipefail
mock=$1
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/opentok" ]; then
  echo "interop: $here/node_modules is missing; run 'make deps' (it runs npm ci there)" >&2
  exit 1
fi
exec "$here/../with-mock.sh" "$mock" node "$here/interop.js"

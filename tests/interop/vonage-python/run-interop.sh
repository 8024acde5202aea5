#!/usr/bin/env bash
# Usage: run-interop.sh OPENTOK_MOCK_BINARY
# Runs the Python interop script (the official vonage PyPI package with vonage-video, from
# the venv that `make deps` creates in .venv) against a fresh standalone mock with a Vonage
# application, started by ../with-mock.sh --application --tls (that SDK only speaks https).
set -euo pipefail
mock=$1
here=$(cd "$(dirname "$0")" && pwd)
if ! cmp -s "$here/requirements.txt" "$here/.venv/requirements.txt"; then
  echo "interop: $here/.venv is missing or not at the pinned versions; run 'make deps'" >&2
  exit 1
fi
# -B: no __pycache__ in the source tree.
exec "$here/../with-mock.sh" --application --tls "$mock" "$here/.venv/bin/python" -B "$here/interop.py"

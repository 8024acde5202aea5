#!/usr/bin/env bash
# Usage: run-interop.sh OPENTOK_MOCK_BINARY
# Starts the standalone mock on a free loopback port with a fresh project (readiness: its
# --port-file, written before the "listening on" line, read once that line is out), runs
# the Node interop script against it, and stops the mock with SIGTERM.
set -euo pipefail
mock=$1
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/opentok" ]; then
  echo "interop: $here/node_modules is missing; run 'make deps' (it runs npm ci there)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'kill -TERM "$mock_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export OPENTOK_API_KEY=$(( (RANDOM << 15 | RANDOM) % 900000000 + 100000000 ))
export OPENTOK_API_SECRET=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')

coproc MOCK { exec "$mock" --port 0 --port-file "$work/port" --project "$OPENTOK_API_KEY:$OPENTOK_API_SECRET" --frozen-clock 2>&1; }
mock_pid=$MOCK_PID
read -r first_line <&"${MOCK[0]}" || { echo "interop: the mock exited before it was ready" >&2; exit 1; }
case "$first_line" in
  "listening on "*) ;;
  *) echo "interop: unexpected first line: $first_line" >&2; exit 1 ;;
esac
export OPENTOK_MOCK_URL="http://127.0.0.1:$(cat "$work/port")"
# Keep draining the mock's output so it never blocks on a full pipe (coproc descriptors are
# not inherited by background jobs, hence the duplicate).
exec {mock_out}<&"${MOCK[0]}"
cat <&"$mock_out" >"$work/mock.log" &

status=0
node "$here/interop.js" || status=$?
kill -TERM "$mock_pid"
wait "$mock_pid" || { echo "interop: the mock did not exit cleanly" >&2; status=1; }
[ "$status" -eq 0 ] || cat "$work/mock.log" >&2
exit "$status"

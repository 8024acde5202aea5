#!/usr/bin/env bash
# Usage: with-mock.sh OPENTOK_MOCK_BINARY COMMAND [ARG...]
# Runs COMMAND against a fresh standalone mock: the mock listens on a free loopback port with
# a new random project and a frozen clock (tests move it through /_mock/clock), and COMMAND
# gets OPENTOK_MOCK_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET in its environment.
# Readiness: the mock writes --port-file before its "listening on" line; the line is read
# first, then the file. The mock is stopped with SIGTERM afterwards; its output is shown only
# when COMMAND failed or the mock did not exit cleanly. Exits with COMMAND's status.
# Shared by the official-SDK interop runners (node/, python/).
set -euo pipefail
mock=$1
shift
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
drain_pid=$!

status=0
"$@" || status=$?
# The mock may already be gone (a crash): then `wait` still reports how it ended.
kill -TERM "$mock_pid" 2>/dev/null || true
mock_status=0
wait "$mock_pid" || mock_status=$?
[ "$mock_status" -eq 0 ] || { echo "interop: the mock did not exit cleanly (status $mock_status)" >&2; status=1; }
wait "$drain_pid" || true  # the log is complete once the mock's end of the pipe closed
[ "$status" -eq 0 ] || cat "$work/mock.log" >&2
exit "$status"

#!/usr/bin/env bash
# Usage: with-mock.sh [--application] [--tls] OPENTOK_MOCK_BINARY COMMAND [ARG...]
# Runs COMMAND against a fresh standalone mock: the mock listens on a free loopback port with
# a new random project and a frozen clock (tests move it through /_mock/clock), and COMMAND
# gets OPENTOK_MOCK_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET in its environment.
# With --application, a Vonage application (RS256) is also created through the control plane
# (POST /_mock/applications, the mock generating the key pair) and COMMAND gets
# VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (a PKCS#8 PEM file in the temporary
# directory, mode 600; the key is never printed).
# With --tls, the mock serves https with a CA it generates (--tls-self-signed --tls-ca-out):
# OPENTOK_MOCK_URL is https://127.0.0.1:PORT and COMMAND gets OPENTOK_MOCK_CA_FILE, the CA's PEM.
# Readiness: the mock writes --port-file before its "listening on" line; the line is read
# first, then the file. The mock is stopped with SIGTERM afterwards; its output is shown only
# when COMMAND failed or the mock did not exit cleanly. Exits with COMMAND's status.
# Shared by the official-SDK interop runners (node/, python/).
set -euo pipefail
with_application=false
scheme=http
while true; do
  case "${1:-}" in
    --application) with_application=true; shift ;;
    --tls) scheme=https; shift ;;
    *) break ;;
  esac
done
mock=$1
shift
work=$(mktemp -d)
trap 'kill -TERM "$mock_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export OPENTOK_API_KEY=$(( (RANDOM << 15 | RANDOM) % 900000000 + 100000000 ))
export OPENTOK_API_SECRET=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')

tls_flags=() curl_tls=()
if [ "$scheme" = https ]; then
  export OPENTOK_MOCK_CA_FILE="$work/ca.pem"
  tls_flags=(--tls-self-signed --tls-ca-out "$OPENTOK_MOCK_CA_FILE")
  curl_tls=(--cacert "$OPENTOK_MOCK_CA_FILE")
fi
coproc MOCK { exec "$mock" --port 0 --port-file "$work/port" --project "$OPENTOK_API_KEY:$OPENTOK_API_SECRET" --frozen-clock "${tls_flags[@]}" 2>&1; }
mock_pid=$MOCK_PID
read -r first_line <&"${MOCK[0]}" || { echo "interop: the mock exited before it was ready" >&2; exit 1; }
case "$first_line" in
  "listening on "*) ;;
  *) echo "interop: unexpected first line: $first_line" >&2; exit 1 ;;
esac
export OPENTOK_MOCK_URL="$scheme://127.0.0.1:$(cat "$work/port")"
# Keep draining the mock's output so it never blocks on a full pipe (coproc descriptors are
# not inherited by background jobs, hence the duplicate).
exec {mock_out}<&"${MOCK[0]}"
cat <&"$mock_out" >"$work/mock.log" &
drain_pid=$!

if $with_application; then
  # A fresh lower-case UUID v4 from the kernel, sent so that the answer can be checked.
  export VONAGE_APPLICATION_ID=$(cat /proc/sys/kernel/random/uuid)
  export VONAGE_PRIVATE_KEY_PATH="$work/application-private-key.pem"
  answer=$(curl -sS "${curl_tls[@]}" -X POST -H 'Content-Type: application/json' -w '\n%{http_code}' \
    -d "{\"applicationId\":\"$VONAGE_APPLICATION_ID\"}" "$OPENTOK_MOCK_URL/_mock/applications") || answer=$'\n000'
  code=${answer##*$'\n'}
  # The PEM is base64 lines joined by \n escapes in a JSON string: no quote or other escape
  # can occur in it, so the member is cut out and its escapes expanded by printf %b.
  key=$(printf '%s' "${answer%$'\n'*}" | grep -o '"privateKey": *"[^"]*"' | sed 's/^"privateKey": *"//; s/"$//' || true)
  if [ "$code" != 201 ] || [[ "$key" != -----BEGIN\ PRIVATE\ KEY-----* ]] ||
     ! printf '%s' "${answer%$'\n'*}" | grep -q "\"applicationId\": *\"$VONAGE_APPLICATION_ID\""; then
    echo "interop: POST /_mock/applications answered $code without the application and its generated private key" >&2
    kill -TERM "$mock_pid" 2>/dev/null || true
    exit 1
  fi
  (umask 077 && printf '%b' "$key" >"$VONAGE_PRIVATE_KEY_PATH")
  unset answer key
fi

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

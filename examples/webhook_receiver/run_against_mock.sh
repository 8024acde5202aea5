#!/usr/bin/env bash
# The webhook receiver against the standalone mock (run through `opentok-mock exec`,
# which exports OPENTOK_API_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET): the receiver's URL
# becomes the project's archive, broadcast, session-monitoring and SIP callback URL and the
# status callback URL of live captions; a client joins and publishes, an archive is started
# and stopped, the mock clock passes the processing delay, and the receiver must report
# every callback (none refused), be told the archive is available and download exactly the
# bytes the mock serves; a broadcast and live captions start and stop, a SIP call joins and
# hangs up; then the client's network drops and the receiver reports the stream, the
# connection and the session ending.
# Exit 77 (a ctest skip) only when the mock has no callback routes.
# Usage: run_against_mock.sh WEBHOOK_RECEIVER OPENTOK_CLI
set -euo pipefail
receiver=$1
cli=$2
M=$OPENTOK_API_URL

work=$(mktemp -d)
transcript=$work/receiver.log
receiver_pid=
cleanup() {
  if [ -n "$receiver_pid" ]; then kill -TERM "$receiver_pid" 2>/dev/null || true; wait "$receiver_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "webhook_receiver_against_mock: $*" >&2
  echo "---- receiver output ----" >&2
  cat "$transcript" >&2 || true
  exit 1
}
# The value of a top-level string field in the CLI's pretty-printed JSON.
field() { sed -n "s/^  \"$1\": \"\(.*\)\",\{0,1\}$/\1/p"; }

# The mock must offer callback configuration and delivery; without them, say so and skip.
status=$(curl -s -o /dev/null -w '%{http_code}' "$M/_mock/projects/$OPENTOK_API_KEY/callbacks")
if [ "$status" != 200 ]; then
  echo "SKIP: this mock has no callback configuration (GET /_mock/projects/{key}/callbacks answered $status)"
  exit 77
fi
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$M/_mock/callbacks/wait?timeoutMs=1" -d "")
if [ "$status" != 200 ] && [ "$status" != 504 ]; then
  echo "SKIP: this mock has no callback delivery (POST /_mock/callbacks/wait answered $status)"
  exit 77
fi

mkdir "$work/archives"
coproc RECEIVER { exec "$receiver" --download-dir "$work/archives" --download-from "$M/" 2>&1; }
receiver_pid=$RECEIVER_PID
exec {receiver_out}<&"${RECEIVER[0]}"
: >"$transcript"
# Reads the receiver's lines into the transcript until one matches the extended regex $1;
# the receiver printing it is the readiness signal. Each line must come within 30 s.
expect_line() {
  local line
  while IFS= read -r -t 30 line <&"$receiver_out"; do
    echo "$line" >>"$transcript"
    if [[ $line =~ $1 ]]; then matched=$line; return 0; fi
  done
  fail "no line matching '$1' from the receiver"
}
expect_line '^listening on '
receiver_url=${matched#listening on }

for group in archive broadcast sessionMonitoring sip; do
  curl -sf -X PUT "$M/_mock/projects/$OPENTOK_API_KEY/callbacks/$group" -d "{\"url\":\"$receiver_url/callbacks\"}" \
    >/dev/null || fail "could not set the $group callback URL"
done

session_id=$(field session_id <<<"$("$cli" session create --routed)")
[ -n "$session_id" ] || fail "no session id"
token=$(field token <<<"$("$cli" token "$session_id" --data name=webhook-demo)")
connection_json=$(curl -sf -X POST "$M/_mock/sessions/$session_id/connections" -d "{\"token\":\"$token\"}")
connection_id=$(sed -n 's/.*"connectionId":"\([^"]*\)".*/\1/p' <<<"$connection_json")
[ -n "$connection_id" ] || fail "no connectionId in: $connection_json"
stream_json=$(curl -sf -X POST "$M/_mock/sessions/$session_id/connections/$connection_id/streams" -d '{"name":"cam"}') ||
  fail "could not publish a stream"
stream_id=$(sed -n 's/.*"streamId":"\([^"]*\)".*/\1/p' <<<"$stream_json")

archive_id=$(field id <<<"$("$cli" archive start "$session_id" --name webhook-demo)")
[ -n "$archive_id" ] || fail "no archive id"
"$cli" archive stop "$archive_id" >/dev/null
# Past the mock's processing delay (5 s by default): the archive becomes available.
curl -sf -X POST "$M/_mock/clock/advance" -d '{"seconds": 10}' >/dev/null || fail "could not advance the clock"
curl -sf -X POST "$M/_mock/callbacks/wait?timeoutMs=20000" -d "" >/dev/null || fail "the mock did not deliver its callbacks"

# Session monitoring, then the archive's status changes, in the order they happened.
expect_line "^callback sessionCreated $session_id\$"
expect_line "^callback connectionCreated $connection_id\$"
expect_line "^callback streamCreated $stream_id\$"
expect_line "^callback archive $archive_id started\$"
expect_line "^callback archive $archive_id stopped\$"
expect_line "^callback archive $archive_id available\$"
expect_line "^(downloaded|download of) archive $archive_id"
[[ $matched == "downloaded archive $archive_id: "* ]] || fail "the download failed: $matched"
saved=${matched##* bytes to }
curl -sf "$M/_mock/archives/$archive_id/download" -o "$work/expected" || fail "could not fetch the archive from the mock"
cmp -s "$saved" "$work/expected" || fail "the downloaded file differs from what the mock serves"
[ -s "$saved" ] || fail "the downloaded file is empty"
[[ $matched == *": $(stat -c %s "$saved") bytes to "* ]] || fail "the reported size is not the file's: $matched"

broadcast_id=$(field id <<<"$("$cli" broadcast start "$session_id" --hls)")
[ -n "$broadcast_id" ] || fail "no broadcast id"
"$cli" broadcast stop "$broadcast_id" >/dev/null
curl -sf -X POST "$M/_mock/callbacks/wait?timeoutMs=20000" -d "" >/dev/null || fail "the mock did not deliver its callbacks"
expect_line "^callback broadcast $broadcast_id started\$"
expect_line "^callback broadcast $broadcast_id stopped\$"

# Live captions post to the statusCallbackUrl they were started with; a SIP call joins and
# hangs up (its connection leaves).
captions_id=$(field captionsId <<<"$("$cli" captions start "$session_id" --status-callback-url "$receiver_url/callbacks")")
[ -n "$captions_id" ] || fail "no captions id"
"$cli" captions stop "$captions_id" >/dev/null
sip_json=$("$cli" sip dial "$session_id" sip:alice@127.0.0.1 --from webhook-demo)
sip_id=$(field id <<<"$sip_json")
sip_connection_id=$(field connectionId <<<"$sip_json")
[ -n "$sip_id" ] && [ -n "$sip_connection_id" ] || fail "no SIP call in: $sip_json"
curl -sf -X DELETE "$M/_mock/sessions/$session_id/connections/$sip_connection_id" || fail "could not hang up"
curl -sf -X POST "$M/_mock/callbacks/wait?timeoutMs=20000" -d "" >/dev/null || fail "the mock did not deliver its callbacks"
expect_line "^callback captions $captions_id started\$"
expect_line "^callback captions $captions_id stopped\$"
expect_line "^callback callCreated $sip_id\$"
expect_line "^callback callDestroyed $sip_id [a-zA-Z]+\$"

# The client's network drops: its stream, its connection and then the session end, each
# with the reason the mock sends.
curl -sf -X DELETE "$M/_mock/sessions/$session_id/connections/$connection_id?reason=networkDisconnected" ||
  fail "could not disconnect the client"
curl -sf -X POST "$M/_mock/callbacks/wait?timeoutMs=20000" -d "" >/dev/null || fail "the mock did not deliver its callbacks"
expect_line "^callback streamDestroyed $stream_id [a-zA-Z]+\$"
expect_line "^callback connectionDestroyed $connection_id networkDisconnected\$"
expect_line "^callback sessionDestroyed $session_id\$"

kill -TERM "$receiver_pid"
expect_line '^stopped$'
wait "$receiver_pid" || fail "the receiver exited with status $?"
receiver_pid=
if grep -q '^refused a callback' "$transcript"; then fail "the receiver refused a callback of the mock"; fi
echo "webhook_receiver_against_mock: ok ($(grep -c '^callback ' "$transcript") callbacks, archive $archive_id downloaded)"

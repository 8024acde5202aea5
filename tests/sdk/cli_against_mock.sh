#!/usr/bin/env bash
# CLI smoke run against the standalone mock server (run through `opentok-mock exec`,
# which exports OPENTOK_API_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET): sessions, tokens,
# archives, and a broadcast of a session with a simulated publisher (streams, class lists,
# layout, stream selection). With EXAMPLE_BROADCASTS, that example then runs against the
# same session.
# Usage: cli_against_mock.sh OPENTOK_CLI [EXAMPLE_BROADCASTS]
set -euo pipefail
cli=$1
example_broadcasts=${2:-}

fail() { echo "cli_against_mock: $*" >&2; exit 1; }
# The value of a top-level string field in the CLI's pretty-printed JSON.
field() { sed -n "s/^  \"$1\": \"\(.*\)\",\{0,1\}$/\1/p"; }

session_json=$("$cli" session create --routed)
session_id=$(field session_id <<<"$session_json")
[ -n "$session_id" ] || fail "no session_id in: $session_json"

token_json=$("$cli" token "$session_id" --role moderator --format t1)
[[ $(field token <<<"$token_json") == T1==* ]] || fail "not a T1 token: $token_json"

list_json=$("$cli" archive list --session-id "$session_id")
grep -q '"count": 0' <<<"$list_json" || fail "expected no archives: $list_json"

# A service error: exit status 1 and the mock's message on stderr.
set +e
err=$("$cli" archive get 00000000-0000-4000-8000-000000000000 2>&1 >/dev/null)
status=$?
set -e
[ "$status" -eq 1 ] || fail "archive get of an unknown id exited with $status"
grep -q "HTTP 404" <<<"$err" || fail "expected an HTTP 404 message, got: $err"

# Starting an archive of a session nobody publishes to is refused by the service.
set +e
"$cli" archive start "$session_id" --name smoke >/dev/null 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || fail "archive start without publishers exited with $status"
# A publisher joins through the mock's control plane (a client token made by the CLI).
token=$(field token <<<"$("$cli" token "$session_id")")
connection_json=$(curl -sf -X POST "$OPENTOK_API_URL/_mock/sessions/$session_id/connections" -d "{\"token\":\"$token\"}")
connection_id=$(sed -n 's/.*"connectionId":"\([^"]*\)".*/\1/p' <<<"$connection_json")
[ -n "$connection_id" ] || fail "no connectionId in: $connection_json"
curl -sf -X POST "$OPENTOK_API_URL/_mock/sessions/$session_id/connections/$connection_id/streams" \
  -d '{"name":"cam"}' >/dev/null || fail "could not publish a stream"

streams_json=$("$cli" stream list "$session_id")
stream_id=$(grep -o '"id": "[^"]*"' <<<"$streams_json" | head -1 | sed 's/"id": "\(.*\)"/\1/')
[ -n "$stream_id" ] || fail "no stream in: $streams_json"
"$cli" stream set-class-lists "$session_id" --stream "$stream_id=focus,full" >/dev/null
grep -q '"focus"' <<<"$("$cli" stream get "$session_id" "$stream_id")" || fail "class list not applied"

broadcast_json=$("$cli" broadcast start "$session_id" --hls --rtmp rtmp://127.0.0.1/live,smoke,main \
  --stream-mode manual)
broadcast_id=$(field id <<<"$broadcast_json")
[ -n "$broadcast_id" ] || fail "no broadcast id in: $broadcast_json"
grep -q '"status": "started"' <<<"$broadcast_json" || fail "broadcast not started: $broadcast_json"
"$cli" broadcast add-stream "$broadcast_id" "$stream_id" --no-video >/dev/null
"$cli" broadcast layout "$broadcast_id" --layout pip >/dev/null
grep -q "\"streamId\": \"$stream_id\"" <<<"$("$cli" broadcast get "$broadcast_id")" || fail "stream not selected"
grep -q '"count": 1' <<<"$("$cli" broadcast list --session-id "$session_id")" || fail "broadcast not listed"
stopped_json=$("$cli" broadcast stop "$broadcast_id")
grep -q '"broadcastUrls": null' <<<"$stopped_json" || fail "stopped broadcast still has URLs: $stopped_json"
set +e
err=$("$cli" broadcast stop "$broadcast_id" 2>&1 >/dev/null)
status=$?
set -e
[ "$status" -eq 1 ] && grep -q "HTTP 404" <<<"$err" || fail "stopping twice: exit $status, $err"

if [ -n "$example_broadcasts" ]; then
  "$example_broadcasts" "$session_id" >/dev/null || fail "example_broadcasts failed"
fi
echo "cli_against_mock: ok"

#!/usr/bin/env bash
# CLI smoke run against the standalone mock server (run through scripts/with-mock-server,
# which exports OPENTOK_API_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET).
# Usage: cli_against_mock.sh OPENTOK_CLI
set -euo pipefail
cli=$1

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
echo "cli_against_mock: ok"

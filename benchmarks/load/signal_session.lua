-- POST /v2/project/{key}/session/{sid}/signal: a signal to every connection of a session with
-- one connected client (LOAD_API_KEY, LOAD_SESSION_ID). The write route of the session-control
-- families: each request appends to the client's signal inbox under the session's lock.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.path = "/v2/project/" .. os.getenv("LOAD_API_KEY") .. "/session/" .. os.getenv("LOAD_SESSION_ID") .. "/signal"
wrk.body = '{"type":"load","data":"hello from wrk"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-OPENTOK-AUTH"] = auth_header

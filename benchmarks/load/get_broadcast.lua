-- GET /v2/project/{key}/broadcast/{id}: one started broadcast with HLS and RTMP outputs
-- (LOAD_API_KEY, LOAD_BROADCAST_ID).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/v2/project/" .. os.getenv("LOAD_API_KEY") .. "/broadcast/" .. os.getenv("LOAD_BROADCAST_ID")
wrk.headers["X-OPENTOK-AUTH"] = auth_header

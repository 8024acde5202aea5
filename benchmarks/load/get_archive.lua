-- GET /v2/project/{key}/archive/{id}: one stored archive (LOAD_API_KEY, LOAD_ARCHIVE_ID).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/v2/project/" .. os.getenv("LOAD_API_KEY") .. "/archive/" .. os.getenv("LOAD_ARCHIVE_ID")
wrk.headers["X-OPENTOK-AUTH"] = auth_header

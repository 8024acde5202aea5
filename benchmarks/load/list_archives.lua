-- GET /v2/project/{key}/archive: the default page (50 newest of the stored archives).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/v2/project/" .. os.getenv("LOAD_API_KEY") .. "/archive"
wrk.headers["X-OPENTOK-AUTH"] = auth_header

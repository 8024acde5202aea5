-- POST /session/create: a routed session per request, JSON answer (as the SDKs ask).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.path = "/session/create"
wrk.body = "p2p.preference=disabled&archiveMode=manual"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-OPENTOK-AUTH"] = auth_header

-- POST /_mock/sessions/{sid}/connections then DELETE of that connection, alternately: a
-- client joins (connectionCreated) and leaves (connectionDestroyed), so that every request
-- makes one service event. LOAD_SESSION_ID names a session with a client that stays (no
-- sessionCreated/sessionDestroyed), LOAD_CLIENT_TOKEN is a publisher token for it. With
-- --callback-url each event is also a callback to deliver.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local connections = "/_mock/sessions/" .. os.getenv("LOAD_SESSION_ID") .. "/connections"
local join_body = '{"token":"' .. os.getenv("LOAD_CLIENT_TOKEN") .. '"}'
local joined = {}  -- ids of this thread's clients still connected, oldest first

request = function()
  if #joined > 0 then
    return wrk.format("DELETE", connections .. "/" .. table.remove(joined, 1))
  end
  return wrk.format("POST", connections, {["Content-Type"] = "application/json"}, join_body)
end

response = function(status, headers, body)
  local id = body:match('"connectionId" *: *"([^"]+)"')
  if id then table.insert(joined, id) end
end

-- Records attendance of a whole cell per request: a random line of $LINES ("meetingId memberId,memberId,…"),
-- each member present with 90% probability, else excused or absent; sends $COOKIE and the CSRF token $XSRF.
local meetings = {}
for line in io.lines(os.getenv("LINES")) do
  local id, list = line:match("^(%d+)%s+(.+)$")
  if id then
    local ids = {}
    for m in list:gmatch("%d+") do ids[#ids + 1] = m end
    meetings[#meetings + 1] = { id = id, members = ids }
  end
end
local cookie = os.getenv("COOKIE")
local xsrf = os.getenv("XSRF")

init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

request = function()
  local m = meetings[math.random(#meetings)]
  local parts = { "_csrf=" .. xsrf }
  for _, member in ipairs(m.members) do
    local r = math.random(100)
    local s = r <= 90 and "PRESENT" or (r <= 96 and "EXCUSED" or "UNEXCUSED")
    parts[#parts + 1] = "s" .. member .. "=" .. s
  end
  local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded", ["X-XSRF-TOKEN"] = xsrf }
  return wrk.format("POST", "/meetings/" .. m.id .. "/attendance", headers, table.concat(parts, "&"))
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f rps=%.0f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end

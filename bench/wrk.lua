-- Picks a random line of $IDS for each request, formats it into $PATHFMT, sends $COOKIE (and HX-Request when $HX
-- is set); prints p50/p95/p99, requests/s and errors as one line.
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local fmt = os.getenv("PATHFMT")
local cookie = os.getenv("COOKIE")
local hx = os.getenv("HX")

init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

request = function()
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  if hx and hx ~= "" then headers["HX-Request"] = "true" end
  return wrk.format("GET", string.format(fmt, ids[math.random(#ids)]), headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f rps=%.0f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end

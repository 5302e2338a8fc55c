-- wrk script for the baseline: a trivial GET, summarised like votes.lua.
local threads = {}
function setup(thread) table.insert(threads, thread) end
-- With TOKEN set, every request carries it as a bearer token: the same trivial GET, authenticated
-- (what authentication alone costs per request; the token's member is cached after the first).
function init(args)
  statuses = {}
  if os.getenv("TOKEN") then
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  end
end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do totals[code] = (totals[code] or 0) + n end
  end
  local line = "statuses:"
  for code, n in pairs(totals) do line = line .. " " .. code .. "=" .. n end
  io.write(line .. "\n")
  io.write(string.format("latency_ms: p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("rate: %.0f req/s over %.1f s (%d requests, errors: connect %d read %d write %d timeout %d status %d)\n",
    summary.requests / (summary.duration / 1e6), summary.duration / 1e6, summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end

-- wrk script: members vote through the API with their bearer tokens.
-- Each thread takes every THREADS-th member (from FIRST_MEMBER on); each member casts VOTES votes
-- on distinct ideas, and with REPEAT=1 follows them with one repeat of their first vote (so about
-- 1 request in 11 is a duplicate). When a thread runs out of members it stops, so a run of
-- MEMBERS members is an exact scenario; otherwise wrk's -d bounds it.
-- Environment: TOKENS (file, one per line), THREADS (wrk's -t), IDEAS, FIRST_IDEA, VOTES, REPEAT,
-- FIRST_MEMBER, MEMBERS.
-- With RATE (requests per second, all threads together) the script offers a constant rate: each
-- thread keeps a schedule of send times RATE/THREADS apart, and a connection that becomes free
-- waits for the next free slot (wrk's delay()). The offered rate does not depend on the server's
-- latency, as long as a connection is free at each slot (64 connections at 80% of the maximum
-- leave plenty); a server that cannot keep up shows as an achieved rate below RATE. wrk measures
-- latency from the actual send. A schedule that falls more than a second behind starts again
-- from now rather than bursting to catch up.

local tokens = {}

if os.getenv("RATE") then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } tribune_timespec;
    int clock_gettime(int clk, tribune_timespec *tp);
  ]]
  local ts = ffi.new("tribune_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval_ms = tonumber(os.getenv("THREADS") or "1") * 1000 / tonumber(os.getenv("RATE"))
  local next_slot = nil
  function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now - 1000 then
      next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval_ms
    if wait < 0 then
      return 0
    end
    return wait
  end
end
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    tokens[#tokens + 1] = line
  end
  ideas = tonumber(os.getenv("IDEAS") or "1000")
  first_idea = tonumber(os.getenv("FIRST_IDEA") or "1")
  votes = tonumber(os.getenv("VOTES") or "10")
  repeat_vote = os.getenv("REPEAT") == "1"
  first_member = tonumber(os.getenv("FIRST_MEMBER") or "0")
  members = tonumber(os.getenv("MEMBERS") or tostring(#tokens))
  -- Each thread has its own Lua state: the number of threads comes from the environment.
  step = tonumber(os.getenv("THREADS") or "1")
  member = first_member + id
  slot = 0
  per_member = votes + (repeat_vote and 1 or 0)
  statuses = {}
  sent = 0
end

local function idea_for(m, s)
  -- distinct ideas per member: a stride that is coprime with the number of ideas
  return first_idea + ((m * 7919 + s * 104729) % ideas)
end

function request()
  if member >= first_member + members or member >= #tokens then
    -- wrk's main thread sleeps for the whole -d even when every thread has stopped, so tell the
    -- script that runs it (ci/bench.sh interrupts wrk once all threads are done).
    if not marked and os.getenv("DONE_DIR") then
      local f = io.open(os.getenv("DONE_DIR") .. "/" .. id, "w")
      if f then f:close() end
      marked = true
    end
    wrk.thread:stop()
    return wrk.format("GET", "/api/v1/ping")
  end
  local s = slot
  if s >= votes then s = 0 end
  local path = "/api/v1/ideas/" .. idea_for(member, s) .. "/votes"
  local req = wrk.format("POST", path, {["Authorization"] = "Bearer " .. tokens[member + 1]}, nil)
  slot = slot + 1
  if slot >= per_member then
    slot = 0
    member = member + step
  end
  sent = sent + 1
  return req
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local st = thread:get("statuses")
    for code, n in pairs(st) do
      totals[code] = (totals[code] or 0) + n
    end
  end
  local line = "statuses:"
  for code, n in pairs(totals) do
    line = line .. " " .. code .. "=" .. n
  end
  io.write(line .. "\n")
  io.write(string.format("latency_ms: p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("rate: %.0f req/s over %.1f s (%d requests, errors: connect %d read %d write %d timeout %d status %d)\n",
    summary.requests / (summary.duration / 1e6), summary.duration / 1e6, summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end

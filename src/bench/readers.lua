-- Readers for wrk, one per thread (run with -t N -c N): a thread's one connection sends a request only after the
-- previous answer, so the time from request() to response() is that request's latency, measured here with the
-- wall clock rather than taken from wrk's histogram (which adds corrected samples for slow answers). Each reader
-- goes round the same mix of requests, the lines "kind path" of the file READERS_MIX, from a starting point of its
-- own, and writes one line per answer to READERS_OUT/reader-<n>.txt: kind, start (microseconds since the epoch),
-- latency (microseconds), HTTP status. done() prints wrk's own count of requests and of socket errors and timeouts,
-- which never reach response().
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } readers_timespec;
int clock_gettime(int clock, readers_timespec *time);
]]
local clock = ffi.new("readers_timespec")
local function now_us()
    ffi.C.clock_gettime(0, clock) -- CLOCK_REALTIME, to compare with the times the bench script takes
    return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

local readers = 0
function setup(thread)
    readers = readers + 1
    thread:set("reader", readers)
end

local mix, at, kind, started, out
function init(args)
    mix = {}
    for line in io.lines(os.getenv("READERS_MIX")) do
        local k, path = line:match("^(%S+)%s+(%S+)$")
        if k then
            mix[#mix + 1] = { k, path }
        end
    end
    at = ((reader - 1) * 29) % #mix -- 29 and the mix's 84 lines have no common divisor: every reader starts elsewhere
    out = io.open(os.getenv("READERS_OUT") .. "/reader-" .. reader .. ".txt", "w")
    out:setvbuf("line")
end

function request()
    at = at % #mix + 1
    kind = mix[at][1]
    started = now_us()
    return wrk.format("GET", mix[at][2])
end

function response(status, headers, body)
    out:write(string.format("%s %.0f %.0f %d\n", kind, started, now_us() - started, status))
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("WRK requests=%d connect=%d read=%d write=%d status=%d timeout=%d\n", summary.requests,
        e.connect, e.read, e.write, e.status, e.timeout))
end

-- wrk: every connection goes round the paths of the file MIX (one a line), each thread from a starting point of its
-- own; reports like latency.lua (one RESULT line: requests per second, p50/p95/p99 ms, requests, errors).
local paths = {}
for line in io.lines(os.getenv("MIX")) do
    if line ~= "" then
        paths[#paths + 1] = line
    end
end
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("first", threads * 7)
end
local at
function init(args)
    at = first
end
function request()
    at = at % #paths + 1
    return wrk.format("GET", paths[at])
end
done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests, errors))
end

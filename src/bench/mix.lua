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
-- the RESULT line: latency.lua's done, from beside this file
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "latency.lua")

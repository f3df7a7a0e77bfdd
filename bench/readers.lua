-- wrk: readers spread over several pages (BENCH_PATHS, comma separated); prints one JSON line
-- with throughput, latency percentiles (microseconds) and the count of 5xx answers.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,]+") do
   paths[#paths + 1] = path
end

local threads = {}

setup = function(thread)
   thread:set("offset", #threads)
   threads[#threads + 1] = thread
end

init = function()
   counter = offset
   server_errors = 0
end

request = function()
   counter = counter + 1
   return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status)
   if status >= 500 then
      server_errors = server_errors + 1
   end
end

done = function(summary, latency, requests)
   local fivexx = 0
   for _, thread in ipairs(threads) do
      fivexx = fivexx + thread:get("server_errors")
   end
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "bytes": %d, "socket_errors": %d, ' ..
      '"non_2xx_3xx": %d, "status_5xx": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
      summary.requests, summary.duration, summary.bytes,
      errors.connect + errors.read + errors.write + errors.timeout, errors.status, fivexx,
      latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end

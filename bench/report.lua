-- wrk: print one JSON line with throughput and latency percentiles (microseconds).
done = function(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "bytes": %d, "socket_errors": %d, ' ..
      '"non_2xx_3xx": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
      summary.requests, summary.duration, summary.bytes,
      errors.connect + errors.read + errors.write + errors.timeout, errors.status,
      latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end

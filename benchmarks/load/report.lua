-- Shared by the scenario scripts: the X-OPENTOK-AUTH header from the environment (never
-- printed) and one machine-readable result line for load/run.

auth_header = os.getenv("LOAD_AUTH") or ""

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end

"""Writes the wrk script of bench/load: one entry per delegation of each exercise (from the JSON that
`eurosec exercise new --format json` prints); each request is an information request from one
delegation to the next, cycling through all of them; responses other than 201 are counted, and so are
201s without a signed receipt."""
import glob
import json
import sys

work = sys.argv[1]
rows = []
for f in sorted(glob.glob(work + "/ex*.json")):
    d = json.load(open(f))
    dels = [(k.split(":")[1], v) for k, v in d["credentials"].items() if k.startswith("delegation:")]
    for i, (state, token) in enumerate(dels):
        rows.append((d["exercise"], token, dels[(i + 1) % len(dels)][0]))
out = ["delegations = {"]
for ex, token, to in rows:
    body = '{\\"kind\\":\\"request-information\\",\\"to\\":\\"%s\\",\\"subject\\":\\"load\\"}' % to
    out.append('  {"/api/exercises/%s/actions", "Bearer %s", "%s"},' % (ex, token, body))
out.append("}")
out.append("""
local counter = 0
local thread_id = 0
local threads = {}
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1; table.insert(threads, thread) end
init = function(args) counter = tid * 997 end
request = function()
  counter = counter + 1
  local d = delegations[(counter % #delegations) + 1]
  return wrk.format("POST", d[1], {["Authorization"] = d[2], ["Content-Type"] = "application/json"}, d[3])
end
bad = 0
unsigned = 0
response = function(status, headers, body)
  if status ~= 201 then bad = bad + 1
  elseif not string.find(body, '"signature":"[^"]') then unsigned = unsigned + 1 end
end
done = function(summary, latency, requests)
  local n = 0
  local u = 0
  for _, t in ipairs(threads) do n = n + (t:get("bad") or 0); u = u + (t:get("unsigned") or 0) end
  io.write(string.format("NOT_ACCEPTED %d\\n", n))
  io.write(string.format("UNSIGNED %d\\n", u))
  io.write(string.format("RATE %.1f\\n", (summary.requests - n) / (summary.duration / 1e6)))
  io.write(string.format("P50 %.2f\\nP99 %.2f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
""")
open(work + "/load.lua", "w").write("\n".join(out))

"""Prepares the procedures part of bench/load: fills one exercise (from `eurosec exercise new --format json`)
with N information requests, each from one delegation to the next (so N procedures), over keep-alive
connections from a few threads; then walks its procedures list page by page as the observer (who sees
every procedure) and writes a wrk script that asks for those pages in turn, and a file of their paths.
Usage: procedures.py BASE_URL EXERCISE_JSON N WORK_DIR"""
import http.client
import json
import sys
import threading
from urllib.parse import urlparse

base, exfile, n, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
u = urlparse(base)
d = json.load(open(exfile))
ex = d["exercise"]
dels = [(k.split(":")[1], v) for k, v in d["credentials"].items() if k.startswith("delegation:")]
observer = d["credentials"]["observer"]
failed = []


def post(start, step):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    for i in range(start, n, step):
        state, token = dels[i % len(dels)]
        to = dels[(i + 1) % len(dels)][0]
        body = json.dumps({"kind": "request-information", "to": to, "subject": "load %d" % i})
        c.request("POST", "/api/exercises/%s/actions" % ex, body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        if r.status != 201:
            failed.append(r.status)


threads = [threading.Thread(target=post, args=(k, 8)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if failed:
    sys.exit("procedures.py: %d of %d actions were not accepted (%s)" % (len(failed), n, sorted(set(failed))))

c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
paths, after, seen = [], 0, 0
while True:
    p = "/api/exercises/%s/procedures?after=%d" % (ex, after)
    c.request("GET", p, headers={"Authorization": "Bearer " + observer})
    r = c.getresponse()
    page = json.loads(r.read())
    if r.status != 200:
        sys.exit("procedures.py: %s answered %d" % (p, r.status))
    paths.append(p)
    seen += len(page["procedures"])
    if not page["more"]:
        break
    after = page["next_after"]
open(work + "/pages.txt", "w").write("\n".join(paths) + "\n")
out = ["pages = {"] + ['  "%s",' % p for p in paths] + ["}"]
out.append('token = "Bearer %s"' % observer)
out.append("""
local counter = 0
local thread_id = 0
local threads = {}
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1; table.insert(threads, thread) end
init = function(args) counter = tid * 31 end
request = function()
  counter = counter + 1
  return wrk.format("GET", pages[(counter % #pages) + 1], {["Authorization"] = token})
end
bad = 0
response = function(status, headers, body) if status ~= 200 then bad = bad + 1 end end
done = function(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("bad") or 0) end
  io.write(string.format("NOT_OK %d\\n", n))
  io.write(string.format("RATE %.1f\\n", (summary.requests - n) / (summary.duration / 1e6)))
  io.write(string.format("P50 %.2f\\nP99 %.2f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
""")
open(work + "/pages.lua", "w").write("\n".join(out))
print("%d procedures in %d pages of up to 100" % (seen, len(paths)))

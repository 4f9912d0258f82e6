"""Asks a server N GETs (the paths in PAGES_FILE in turn, as the holder of TOKEN) from 4 threads over
keep-alive connections; exits non-zero if any answer is not 200. Usage: ask.py BASE_URL TOKEN PAGES_FILE N"""
import http.client
import sys
import threading
from urllib.parse import urlparse

base, token, pages, n = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().split(), int(sys.argv[4])
u = urlparse(base)
bad = []


def ask(start, step):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    for i in range(start, n, step):
        c.request("GET", pages[i % len(pages)], headers={"Authorization": "Bearer " + token})
        r = c.getresponse()
        r.read()
        if r.status != 200:
            bad.append(r.status)


threads = [threading.Thread(target=ask, args=(k, 4)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if bad:
    sys.exit("ask.py: %d of %d answers were not 200 (%s)" % (len(bad), n, sorted(set(bad))))

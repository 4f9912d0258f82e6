"""CPU used so far, in microseconds, by `eurosec serve` (argv[1], its pid) per group of threads, and by
the local PostgreSQL server (every process of the user 'postgres', with the time of the backends that
have ended, which is counted to their parent); prints "web journal snapshot gc jit other pg", pg being
-1 when argv[2] is not 'local' or no such process is found. bench/load takes it before and after a
window and divides by the actions accepted in it."""
import os
import pwd
import re
import sys

tick = 1e6 / os.sysconf("SC_CLK_TCK")


def stat(path):
    # the fields after the command name (which may hold spaces) start at field 3
    s = open(path).read()
    f = s[s.rindex(")") + 2:].split()
    return int(f[11]), int(f[12]), int(f[13]), int(f[14])  # utime stime cutime cstime


groups = {"web": 0, "journal": 0, "snapshot": 0, "gc": 0, "jit": 0, "other": 0}
pid = sys.argv[1]
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        name = open(f"/proc/{pid}/task/{t}/comm").read().strip()
        u, s, _, _ = stat(f"/proc/{pid}/task/{t}/stat")
    except OSError:
        continue  # the thread ended meanwhile
    if name.startswith(("JettyServerThre", "qtp", "Connector-Sched")):
        g = "web"
    elif name.startswith("eurosec-journal"):
        g = "journal"
    elif name.startswith("eurosec-snapsho"):
        g = "snapshot"
    elif re.match(r"(GC Thread|G1 |VM Thread)", name):
        g = "gc"
    elif name.startswith(("C1 Compiler", "C2 Compiler")):
        g = "jit"
    else:
        g = "other"
    groups[g] += u + s

pg = -1
if len(sys.argv) > 2 and sys.argv[2] == "local":
    try:
        uid = pwd.getpwnam("postgres").pw_uid
        total, found = 0, False
        for p in filter(str.isdigit, os.listdir("/proc")):
            try:
                if os.stat(f"/proc/{p}").st_uid != uid:
                    continue
                u, s, cu, cs = stat(f"/proc/{p}/stat")
            except OSError:
                continue
            total += u + s + cu + cs
            found = True
        pg = total if found else -1
    except KeyError:
        pass
print(" ".join(str(round(v * tick)) for v in groups.values()), round(pg * tick) if pg >= 0 else -1)

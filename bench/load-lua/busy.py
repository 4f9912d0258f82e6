"""The whole machine's busy CPU time so far, in microseconds, summed over its cores: every state of
/proc/stat's first line but idle and iowait (user, nice, system, irq, softirq, steal). bench/load
takes it before and after a window and divides by the actions accepted (or pgbench's transactions)."""
import os

tick = 1e6 / os.sysconf("SC_CLK_TCK")
fields = open("/proc/stat").readline().split()[1:]
user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in fields[:8])
print(int((user + nice + system + irq + softirq + steal) * tick))

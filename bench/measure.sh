#!/usr/bin/env bash
# Time one command on a quiet machine: waits until the 1-minute load average is below 0.5
# (at most WAIT_SECS, default 120), then runs the command under /usr/bin/time -v and prints
# wall time, CPU time, peak memory and the CPU time other processes used meanwhile (so a
# noisy run can be told from a slow one).
#
# usage: bash bench/measure.sh NAME COMMAND [ARGS...]     (stdout of COMMAND is discarded)
# e.g.:  bash bench/measure.sh t1 target/release/sitrep extract first-20MB.jsonl --threads 1
set -euo pipefail
name=$1; shift
wait_secs=${WAIT_SECS:-120}
for ((i = 0; i < wait_secs; i++)); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" 'BEGIN { exit !(l < 0.5) }' && break
    sleep 1
done
busy() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }   # user nice system irq softirq, in ticks
ticks=$(getconf CLK_TCK)
before=$(busy)
log=$(mktemp)
/usr/bin/time -v "$@" > /dev/null 2> "$log"
after=$(busy)
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
user=$(awk -F': ' '/User time/ { print $2 }' "$log")
sys=$(awk -F': ' '/System time/ { print $2 }' "$log")
rss=$(awk -F': ' '/Maximum resident/ { printf "%.1f", $2 / 1024 }' "$log")
others=$(awk -v a="$after" -v b="$before" -v t="$ticks" -v u="$user" -v s="$sys" 'BEGIN { o = (a - b) / t - u - s; if (o < 0) o = 0; printf "%.2f", o }')
printf '%s\twall %s s\tcpu %.2f s\tpeak %s MB\tothers %s s\n' "$name" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rss" "$others"
rm -f "$log"

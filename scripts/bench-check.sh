#!/usr/bin/env bash
# Times `casebook check` on a large study against plain reading of its files
# (find | xargs cat), and reports max RSS against the files' total size.
# Usage: scripts/bench-check.sh [STUDY_DIR] [RUNS] [CASEBOOK_BINARY]
# Defaults: /tmp/big, 5 runs, $CARGO_TARGET_DIR/release/casebook (or target/).
# The study is generated (10,000 projects, seed 2025) when STUDY_DIR has none.
set -euo pipefail

study=${1:-/tmp/big}
runs=${2:-5}
bin=${3:-${CARGO_TARGET_DIR:-target}/release/casebook}
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
if [ ! -f "$study/cases/study.ron" ]; then
    "$bin" generate --out "$study" --projects 10000 --seed 2025
fi
bin=$(realpath "$bin")
cd "$study"

read_files() { find cases guides -name '*.ron' -print0 | xargs -0 cat >/dev/null; }
bytes=$(find cases guides -name '*.ron' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find cases guides -name '*.ron' | wc -l)

# One warm-up of each, so both are measured with the files in the page cache.
read_files
"$bin" --study . check >/dev/null || true

# Wall seconds of a command (nanosecond clock), one line per run.
time_runs() {
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        echo "scale=3; ($end - $start) / 1000000000" | bc
    done
}
# Median and 95th percentile (nearest rank) of numbers on standard input.
summary() {
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        p = int(0.95 * NR + 0.999); if (p < 1) p = 1
        printf "%.3f %.3f\n", m, v[p] }'
}

read -r cat_med cat_p95 < <(time_runs read_files | summary)
read -r chk_med chk_p95 < <(time_runs "$bin" --study . check | summary)
# Max RSS and CPU seconds (user + sys) of each run: on a shared machine the
# CPU time moves less than the wall time, so it is printed too.
usage=$(for _ in $(seq "$runs"); do
    /usr/bin/time -f '%M %U %S' -o /dev/stdout "$bin" --study . check 2>/dev/null | tail -1
done)
rss_kb=$(echo "$usage" | awk '{ print $1 }' | sort -n | tail -1)
read -r cpu_med cpu_p95 < <(echo "$usage" | awk '{ print $2 + $3 }' | summary)

echo "study: $study ($files files, $bytes bytes), $runs runs, $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-30s %8s %8s\n' "" median p95
printf '%-30s %7ss %7ss\n' "find | xargs cat" "$cat_med" "$cat_p95"
printf '%-30s %7ss %7ss\n' "casebook check" "$chk_med" "$chk_p95"
printf '%-30s %7ss %7ss\n' "casebook check, CPU (user+sys)" "$cpu_med" "$cpu_p95"
echo "check / cat (median): $(echo "scale=2; $chk_med / $cat_med" | bc)x   (target <= 2x)"
echo "max RSS: $((rss_kb / 1024)) MiB = $(echo "scale=2; $rss_kb * 1024 / $bytes" | bc)x the files   (target <= 4x)"

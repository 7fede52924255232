#!/usr/bin/env bash
# Ingest benchmark: already-extracted text articles (JSONL built from IndoSum, read in place from ../shared/data and
# never committed) ingested end to end into a fresh store, at several corpus sizes, with and without linking.
# Prints a markdown table: articles/s, CPU seconds (user + system: what a shared machine's load does not inflate)
# and peak RSS (from /usr/bin/time -v) per size.
# Usage: bench/ingest-bench.sh [--no-link] [SIZES...]   (default: 10000 50000 200000; linking runs up to 50000;
#        --no-link runs only the rows without linking)
set -euo pipefail
cd "$(dirname "$0")/.."
modes=(off on)
if [[ ${1:-} == --no-link ]]; then modes=(off); shift; fi
sizes=("${@:-10000 50000 200000}")
read -r -a sizes <<< "${sizes[*]}"
work=$(mktemp -d /tmp/warta-ingest-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
./warta --help > /dev/null   # build once, outside the timings
echo "| articles | linking | seconds | articles/s | CPU s | articles per CPU-s | peak RSS MB |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  python3 bench/make-ingest-corpus.py "$n" "$work/in.jsonl"
  for mode in "${modes[@]}"; do
    if [[ $mode == on && $n -gt 50000 ]]; then continue; fi
    rm -rf "$work/data"
    flag=(); [[ $mode == off ]] && flag=(--no-link)
    /usr/bin/time -v -o "$work/time" ./warta ingest "${flag[@]}" --data "$work/data" "$work/in.jsonl" 2> "$work/err" || true
    secs=$(grep -o 'done in [0-9.]*s' "$work/err" | grep -o '[0-9.]*' | head -1)
    rss=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time")
    cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$work/time")
    rate=$(python3 -c "print(f'{$n/$secs:,.0f}')")
    per_cpu=$(python3 -c "print(f'{$n/$cpu:,.0f}')")
    echo "| $n | $mode | $secs | $rate | $cpu | $per_cpu | $rss |"
  done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

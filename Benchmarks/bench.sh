#!/usr/bin/env bash
# Builds a synthetic corpus (../shared/bench/make-corpus.py) with a release sitegen and prints
# pages, wall seconds (median of RUNS) and peak memory. Corpora are cached in .bench/.
# Usage: Benchmarks/bench.sh [PAGES ...]   (default: 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
pages_list=("${@:-1000}")
runs=${RUNS:-3}
corpus_tool=${CORPUS_TOOL:-../shared/bench/make-corpus.py}
bench_dir=.bench
out_root=${BENCH_OUT:-/dev/shm/sitegen-bench}
mkdir -p "$bench_dir" "$out_root"

swift build -c release --product sitegen >/dev/null
bin=$(swift build -c release --show-bin-path)/sitegen

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-8s %-8s %10s %10s %12s\n' tool pages seconds pages/s "peak MB"
for pages in "${pages_list[@]}"; do
  corpus="$bench_dir/corpus-$pages"
  if [ ! -f "$corpus/files.txt" ]; then
    python3 "$corpus_tool" --pages "$pages" --out "$corpus" >/dev/null
  fi
  times=(); mems=()
  for _ in $(seq "$runs"); do
    rm -rf "$out_root/out"
    /usr/bin/time -f '%e %M' -o "$bench_dir/time.txt" \
      "$bin" build --source "$corpus" --output "$out_root/out" --quiet
    read -r secs kb < "$bench_dir/time.txt"
    times+=("$secs"); mems+=("$kb")
  done
  secs=$(printf '%s\n' "${times[@]}" | median)
  kb=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  printf '%-8s %-8s %10.2f %10.0f %12.1f\n' sitegen "$pages" "$secs" \
    "$(awk -v p="$pages" -v s="$secs" 'BEGIN{print p/s}')" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
done
rm -rf "$out_root"

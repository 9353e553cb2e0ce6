#!/usr/bin/env bash
# Times a release sitegen against the cmark-gfm floor (../shared/bench/cmark-floor.c: parse,
# render and write each page, single-threaded) on synthetic corpora from make-corpus.py.
# Both write to tmpfs (/dev/shm) for stable figures. Prints pages/s, median wall seconds, peak
# memory and the ratio sitegen / floor. Corpora and the floor binary are cached in .bench/.
# Usage: Benchmarks/bench.sh [PAGES ...]   (default: 1000 10000; RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
pages_list=("${@:-1000}")
[ $# -eq 0 ] && pages_list=(1000 10000)
runs=${RUNS:-3}
shared=${SHARED:-../shared/bench}
bench_dir=.bench
out_root=${BENCH_OUT:-/dev/shm/sitegen-bench}
mkdir -p "$bench_dir" "$out_root"

swift build -c release --product sitegen >/dev/null
bin=$(swift build -c release --show-bin-path)/sitegen
floor=$bench_dir/cmark-floor
if [ ! -x "$floor" ] || [ "$shared/cmark-floor.c" -nt "$floor" ]; then
  cc -O2 -o "$floor" "$shared/cmark-floor.c" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# time_runs NAME COMMAND...: prints "median_seconds peak_kb"
time_runs() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    rm -rf "$out_root/out"
    /usr/bin/time -f '%e %M' -o "$bench_dir/time.txt" "$@" >/dev/null 2>"$bench_dir/stderr.txt"
    read -r secs kb < "$bench_dir/time.txt"
    times+=("$secs"); mems+=("$kb")
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${mems[@]}" | sort -n | tail -1)"
}

printf '%-8s %7s %9s %9s %9s %7s\n' tool pages seconds pages/s "peak MB" ratio
for pages in "${pages_list[@]}"; do
  corpus="$bench_dir/corpus-$pages"
  [ -f "$corpus/files.txt" ] || python3 "$shared/make-corpus.py" --pages "$pages" --out "$corpus" >/dev/null
  read -r floor_s floor_kb < <(time_runs "$floor" "$corpus/files.txt" "$corpus" "$out_root/out")
  read -r sg_s sg_kb < <(time_runs "$bin" build --source "$corpus" --output "$out_root/out" --quiet \
    --base-url https://bench.example/docs/)
  for row in "cmark $floor_s $floor_kb" "sitegen $sg_s $sg_kb"; do
    set -- $row
    awk -v t="$1" -v p="$pages" -v s="$2" -v k="$3" -v f="$floor_s" \
      'BEGIN { printf "%-8s %7d %9.2f %9.0f %9.1f %7.2f\n", t, p, s, p / s, k / 1024, s / f }'
  done
done
echo
echo "Stages of the last sitegen build:"
"$bin" build --source "$corpus" --output "$out_root/out" --verbose --base-url https://bench.example/docs/
echo
echo "Search index a first query downloads (Benchmarks/search-bytes.py):"
python3 Benchmarks/search-bytes.py "$out_root/out"
rm -rf "$out_root"

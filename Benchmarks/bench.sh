#!/usr/bin/env bash
# Times a release sitegen against the cmark-gfm floor (../shared/bench/cmark-floor.c: parse,
# render and write each page, single-threaded) on synthetic corpora from make-corpus.py.
# Both write to tmpfs (/dev/shm) for stable figures. Prints pages/s, median wall seconds, peak
# memory and the ratio sitegen / floor (median of alternating pairs). Corpora and the floor binary are cached in .bench/.
# Then, on the largest corpus, the incremental rebuild: a full build that writes the build cache,
# one page edited, and the rebuild timed (median of RUNS edits) as a share of the full build.
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

# Linked as a Linux release ships: the Swift runtime and Foundation inside the binary, which
# starts in about 7 ms instead of 13 (no dynamic loading of the Swift libraries).
swift build -c release --static-swift-stdlib --product sitegen 2>&1 \
  | grep -E "error|Compiling|Build" || true
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)/sitegen
floor=$bench_dir/cmark-floor
if [ ! -x "$floor" ] || [ "$shared/cmark-floor.c" -nt "$floor" ]; then
  cc -O2 -o "$floor" "$shared/cmark-floor.c" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# time_one COMMAND...: prints "seconds peak_kb" of one run that starts with no output and no
# build cache, so it is a full build.
time_one() {
  rm -rf "$out_root/out" "$corpus/.sitegen-cache"
  /usr/bin/time -f '%e %M' -o "$bench_dir/time.txt" "$@" >/dev/null 2>"$bench_dir/stderr.txt"
  cat "$bench_dir/time.txt"
}

# This VM's speed drifts between runs, and a single-threaded program gains more from an idle
# second core than a parallel one, so the floor and sitegen alternate: the ratio printed is the
# median of the RUNS pairs' ratios, beside the median seconds of each tool.
printf '%-8s %7s %9s %9s %9s %7s\n' tool pages seconds pages/s "peak MB" ratio
for pages in "${pages_list[@]}"; do
  corpus="$bench_dir/corpus-$pages"
  [ -f "$corpus/files.txt" ] || python3 "$shared/make-corpus.py" --pages "$pages" --out "$corpus" >/dev/null
  floor_times=() floor_mems=() sg_times=() sg_mems=() ratios=()
  # One untimed run of each first: the first run after the corpus is made or the binaries are
  # built pays for reading them into the page cache (the floor's first 10,000-page run took up
  # to 1.5 times its usual time), which skewed the first pair.
  time_one "$floor" "$corpus/files.txt" "$corpus" "$out_root/out" >/dev/null
  time_one "$bin" build --source "$corpus" --output "$out_root/out" --quiet \
    --base-url https://bench.example/docs/ >/dev/null
  for _ in $(seq "$runs"); do
    read -r f_s f_kb < <(time_one "$floor" "$corpus/files.txt" "$corpus" "$out_root/out")
    read -r s_s s_kb < <(time_one "$bin" build --source "$corpus" --output "$out_root/out" \
      --quiet --base-url https://bench.example/docs/)
    floor_times+=("$f_s") floor_mems+=("$f_kb") sg_times+=("$s_s") sg_mems+=("$s_kb")
    ratios+=("$(awk -v s="$s_s" -v f="$f_s" 'BEGIN { printf "%.4f", s / f }')")
  done
  floor_s=$(printf '%s\n' "${floor_times[@]}" | median)
  sg_s=$(printf '%s\n' "${sg_times[@]}" | median)
  floor_kb=$(printf '%s\n' "${floor_mems[@]}" | sort -n | tail -1)
  sg_kb=$(printf '%s\n' "${sg_mems[@]}" | sort -n | tail -1)
  ratio=$(printf '%s\n' "${ratios[@]}" | median)
  for row in "cmark $floor_s $floor_kb 1" "sitegen $sg_s $sg_kb $ratio"; do
    set -- $row
    awk -v t="$1" -v p="$pages" -v s="$2" -v k="$3" -v r="$4" \
      'BEGIN { printf "%-8s %7d %9.2f %9.0f %9.1f %7.2f\n", t, p, s, p / s, k / 1024, r }'
  done
  echo "  pair ratios sitegen/cmark: ${ratios[*]}"
done
echo
echo "Stages of a full sitegen build of $pages pages (no cache):"
rm -rf "$out_root/out" "$corpus/.sitegen-cache"
"$bin" build --source "$corpus" --output "$out_root/out" --verbose --no-cache \
  --base-url https://bench.example/docs/
echo
echo "Search index a first query downloads (Benchmarks/search-bytes.py):"
python3 Benchmarks/search-bytes.py "$out_root/out"

# Incremental: a copy of the corpus (the cached corpus stays pristine), RUNS full builds that
# write the cache (each from none; the median is the full build time), then RUNS rebuilds,
# each after appending a sentence to a different page.
echo
work="$out_root/incremental"
rm -rf "$work" && cp -r "$corpus" "$work"
build=("$bin" build --source "$work" --output "$out_root/inc-out" --base-url https://bench.example/docs/)
# timed_build: runs the build once, setting secs (wall, to the millisecond: /usr/bin/time
# prints hundredths) and kb (peak memory).
timed_build() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%e %M' -o "$bench_dir/time.txt" "${build[@]}" --quiet
  end=$(date +%s%N)
  read -r _ kb < "$bench_dir/time.txt"
  secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
}
full_times=()
for _ in $(seq "$runs"); do
  rm -rf "$work/.sitegen-cache" "$out_root/inc-out"
  timed_build
  full_times+=("$secs")
done
full_s=$(printf '%s\n' "${full_times[@]}" | median)
# At least five edits: a rebuild is cheap, and the first after a full build (which lists the
# whole output, having no record of it yet) is slower than the rest.
edits=$((runs > 5 ? runs : 5))
mapfile -t pages_md < <(sort "$corpus/files.txt" | awk 'NR % 997 == 1' | head -n "$edits")
inc_times=()
for page in "${pages_md[@]}"; do
  echo "Edited in the benchmark." >> "$work/content/${page#content/}"
  timed_build
  inc_times+=("$secs")
done
inc_s=$(printf '%s\n' "${inc_times[@]}" | median)
awk -v f="$full_s" -v i="$inc_s" -v k="$kb" -v p="$pages" 'BEGIN {
  printf "incremental, %d pages: full build with cache %.3f s (median); rebuild after a one-page edit %.3f s (median), %.1f%% of the full build, peak %.1f MB\n", p, f, i, 100 * i / f, k / 1024 }'
echo "  full builds: ${full_times[*]} s; rebuilds: ${inc_times[*]} s"
echo "Stages of the last rebuild:"
echo "Edited in the benchmark." >> "$work/content/${pages_md[0]#content/}"
"${build[@]}" --verbose
rm -rf "$out_root"

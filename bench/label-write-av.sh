#!/usr/bin/env bash
# Label write on 1 GB audio/video files: Suanbei (--in-place and copy mode) vs `cp` of the same file and vs
# `ffmpeg -c copy -movflags use_metadata_tags -metadata AIGC=…`. Peak memory from GNU time (`/usr/bin/time -v`), whose
# clock has 10 ms steps, so `--in-place` is also timed over PRECISE_RUNS (default 20) relabels with `perf stat`
# (wall and CPU means, page faults) when perf is installed, else with bash's clock: once with the same label every run
# (after the first, an MP4 relabel finds nothing to change and writes no bytes), and once with the label changing every
# run (the produce ID alternates), which is what a platform relabelling files does. Unattended: one command, one
# summary table at the end, `uptime` before and after.
# Suanbei is the CLI as `./suanbei label write` runs it (the standalone build in .build/label, built once before the
# timing), so every wall time includes process start-up. The big files live in $WORK (default /tmp/suanbei-bench-av)
# and are deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/needs.sh
needs ffmpeg linux-perf time
WORK=${WORK:-/tmp/suanbei-bench-av}
SIZE_MB=${SIZE_MB:-1024}
RUNS=${RUNS:-5}
PRECISE_RUNS=${PRECISE_RUNS:-20}
mkdir -p "$WORK"
echo "# uptime before: $(uptime)"
trap 'rm -rf "$WORK"' EXIT

"$PWD/suanbei" label producer-code check 001191440300708461136T1XGW3 >/dev/null   # builds the CLI outside the timing
CLI="$PWD/.build/label/suanbei-label"
[[ -x $CLI ]] || CLI="dotnet $PWD/.build/label/suanbei-label.dll"   # the launcher's framework-dependent fallback
IDS=(--producer 001191440300708461136T1XGW3 --produce-id bench-0001)
LABEL='{"Label":"1","ContentProducer":"001191440300708461136T1XGW3","ProduceID":"bench-0001","ReservedCode1":"",'
LABEL+='"ContentPropagator":"001191440300708461136T1XGW3","PropagateID":"bench-0001","ReservedCode2":""}'

echo "# making fixtures (${SIZE_MB} MB each) in $WORK"
# A 10 s high-bitrate clip (mpeg4 q1, ~2.4 MB/s) looped with -c copy: the result is what ffmpeg writes by default (moov last).
ffmpeg -v error -y -f lavfi -i testsrc2=s=1280x720:r=30:d=10 -f lavfi -i sine=d=10 -c:v mpeg4 -q:v 1 -c:a aac "$WORK/clip.mp4"
clip=$(stat -c %s "$WORK/clip.mp4")
loops=$(( SIZE_MB * 1024 * 1024 / clip ))
ffmpeg -v error -y -stream_loop "$loops" -i "$WORK/clip.mp4" -c copy "$WORK/big.mp4"
ffmpeg -v error -y -i "$WORK/big.mp4" -c copy -movflags faststart "$WORK/fast.mp4"
ffmpeg -v error -y -f lavfi -i "sine=r=48000:d=$(( SIZE_MB * 1024 * 1024 / 192000 ))" -ac 2 -c:a pcm_s16le "$WORK/big.wav"
ls -l "$WORK"/big.mp4 "$WORK"/fast.mp4 "$WORK"/big.wav

# measure NAME COMMAND…: prints wall seconds and peak RSS (MB).
measure() {
  local name=$1; shift
  for run in $(seq "$RUNS"); do
    sync
    /usr/bin/time -v -o "$WORK/time.txt" "$@" 2>"$WORK/err.txt" >/dev/null || { cat "$WORK/err.txt"; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time.txt")
    printf '%-34s run %d  wall %6.3f s  peak %7s MB\n' "$name" "$run" "$wall" "$rss"
    printf '%s|%s|%s|%s\n' "$CURRENT" "$name" "$wall" "$rss" >> "$WORK/results.txt"
  done
}

# precise FILE COMMAND…: mean wall ms, mean CPU ms and page faults of PRECISE_RUNS runs (appended to precise.txt).
precise() {
  local file=$1; shift
  "$@" >/dev/null 2>&1   # warm the page cache
  if command -v perf >/dev/null; then
    perf stat -x, -r "$PRECISE_RUNS" -e task-clock,page-faults -o "$WORK/perf.txt" "$@" >/dev/null 2>&1
    awk -F, -v f="$file" '$3 == "task-clock" { cpu = $1 } $3 == "page-faults" { pf = $1 }
      END { printf "%s|%.1f|%d\n", f, cpu, pf }' "$WORK/perf.txt" > "$WORK/p.txt"
    local start=$EPOCHREALTIME
    for _ in $(seq "$PRECISE_RUNS"); do "$@" >/dev/null; done
    local wall; wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" -v n="$PRECISE_RUNS" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
    IFS='|' read -r _ cpu pf < "$WORK/p.txt"
    echo "$file|$wall|$cpu|$pf" >> "$WORK/precise.txt"
  else
    local start=$EPOCHREALTIME
    for _ in $(seq "$PRECISE_RUNS"); do "$@" >/dev/null; done
    echo "$file|$(awk -v a="$start" -v b="$EPOCHREALTIME" -v n="$PRECISE_RUNS" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')|-|-" \
      >> "$WORK/precise.txt"
  fi
  printf '   --in-place over %d runs (wall ms|CPU ms|page faults): %s\n' "$PRECISE_RUNS" "$(tail -1 "$WORK/precise.txt")"
}

# changing FILE: like precise, but the label changes every run (the produce ID alternates between two values), so
# every run writes; perf stat runs once per run and the means are taken here (appended to changing.txt).
changing() {
  local file=$1 path=$WORK/inplace.${1##*.} start wall cpu=- pf=- n=0
  # next_ids: the arguments of the next write, whose produce ID differs from the one the file holds.
  next_ids() { n=$(( n + 1 )); ids=(--producer 001191440300708461136T1XGW3 --produce-id "bench-alt-$(( n % 2 ))"); }
  next_ids; $CLI label write "$path" --in-place "${ids[@]}" >/dev/null
  start=$EPOCHREALTIME
  for _ in $(seq "$PRECISE_RUNS"); do next_ids; $CLI label write "$path" --in-place "${ids[@]}" >/dev/null; done
  wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" -v n="$PRECISE_RUNS" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
  if command -v perf >/dev/null; then
    : > "$WORK/perf-each.txt"
    for _ in $(seq "$PRECISE_RUNS"); do
      next_ids
      perf stat -x, -e task-clock,page-faults -o "$WORK/perf.txt" $CLI label write "$path" --in-place "${ids[@]}" >/dev/null 2>&1
      cat "$WORK/perf.txt" >> "$WORK/perf-each.txt"
    done
    read -r cpu pf < <(awk -F, '$3 == "task-clock" { c += $1; n++ } $3 == "page-faults" { p += $1 }
      END { printf "%.1f %d\n", c / n, p / n }' "$WORK/perf-each.txt")
  fi
  echo "$file|$wall|$cpu|$pf" >> "$WORK/changing.txt"
  printf '   --in-place, label changing, over %d runs (wall ms|CPU ms|page faults): %s\n' "$PRECISE_RUNS" \
    "$(tail -1 "$WORK/changing.txt")"
}

for f in big.mp4 fast.mp4 big.wav; do
  ext=${f##*.}
  CURRENT=$f
  echo "## $f ($(stat -c %s "$WORK/$f") bytes)"
  measure "cp (copy_file_range)" cp "$WORK/$f" "$WORK/cp.$ext"
  rm -f "$WORK/cp.$ext"
  measure "suanbei copy mode" $CLI label write "$WORK/$f" -o "$WORK/out.$ext" "${IDS[@]}"
  [[ $ext == mp4 ]] && ffmpeg -v error -i "$WORK/out.$ext" -t 2 -f null - && echo "   (copy output decodes: ok)"
  rm -f "$WORK/out.$ext"
  if [[ $f != fast.mp4 ]]; then
    cp "$WORK/$f" "$WORK/inplace.$ext"
    measure "suanbei --in-place" $CLI label write "$WORK/inplace.$ext" --in-place "${IDS[@]}"
    precise "$f" $CLI label write "$WORK/inplace.$ext" --in-place "${IDS[@]}"
    changing "$f"
    $CLI label verify "$WORK/inplace.$ext" --json | cut -c1-100
    rm -f "$WORK/inplace.$ext"
  else
    cp "$WORK/$f" "$WORK/inplace.$ext"
    echo "   faststart --in-place (expected refusal, no free box after moov):"
    $CLI label write "$WORK/inplace.$ext" --in-place "${IDS[@]}" 2>&1 >/dev/null | head -1 || true
    rm -f "$WORK/inplace.$ext"
  fi
  if [[ $ext == mp4 ]]; then
    measure "ffmpeg -c copy use_metadata_tags" ffmpeg -v error -y -i "$WORK/$f" -map 0 -c copy \
      -movflags use_metadata_tags -metadata "AIGC=$LABEL" "$WORK/ff.$ext"
    rm -f "$WORK/ff.$ext"
  fi
done

echo
echo "## medians (wall clock, peak RSS) over $RUNS runs"
sort -t'|' -k1,1 -k2,2 -k3,3n "$WORK/results.txt" | awk -F'|' '
  { key=$1"|"$2; n[key]++; v[key,n[key]]=$3; if ($4>m[key]) m[key]=$4; order[key]=1 }
  END { for (k in order) { c=n[k]; med=(c%2)?v[k,(c+1)/2]:(v[k,c/2]+v[k,c/2+1])/2; split(k,a,"|");
        printf "%s|%s|%.3f|%.1f\n", a[1], a[2], med, m[k] } }' \
  | sort > "$WORK/medians.txt"
echo
echo "## summary (medians of $RUNS runs, seconds; --in-place also as means of $PRECISE_RUNS runs with perf stat)"
echo "| file | cp | ffmpeg -c copy | suanbei copy mode | suanbei --in-place | --in-place, same label:" \
  "wall / CPU ms, page faults | --in-place, label changing: wall / CPU ms, page faults |"
echo "|---|---|---|---|---|---|---|"
for f in big.mp4 fast.mp4 big.wav; do
  cell() { awk -F'|' -v f="$f" -v n="$1" '$1 == f && $2 == n { v = sprintf("%.3f s", $3) } END { print v == "" ? "—" : v }' \
    "$WORK/medians.txt"; }
  p=$(awk -F'|' -v f="$f" '$1 == f { printf "%s / %s ms, %s", $2, $3, $4 }' "$WORK/precise.txt")
  c=$(awk -F'|' -v f="$f" '$1 == f { printf "%s / %s ms, %s", $2, $3, $4 }' "$WORK/changing.txt" 2>/dev/null)
  echo "| $f | $(cell "cp (copy_file_range)") | $(cell "ffmpeg -c copy use_metadata_tags") | $(cell "suanbei copy mode") |" \
    "$(cell "suanbei --in-place") | ${p:-refused (no free space after moov)} | ${c:-—} |"
done
echo "# uptime after: $(uptime)"

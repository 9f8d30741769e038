#!/usr/bin/env bash
# Label verify vs exiftool: 1,000 small labeled images (PNG and JPEG, half each), one process each over the same
# directory. Prints files/s for both and the ratios of the medians over RUNS runs (wall and CPU; the machine may be
# shared, so the load average is printed too). Suanbei runs as `./suanbei label verify` does: the standalone build in
# .build/label. Usage: [RUNS=5] [SUANBEI_CLI="dotnet /path/to/suanbei.dll"] bench/verify-vs-exiftool.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-1000}"
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cfg="$root/tests/Suanbei.Labels.Tests/Interop/tc260.exiftool_config"
producer=001191440300708461136T1XGW3

"$root/suanbei" label producer-code check "$producer" >/dev/null   # builds the CLI once, outside the timing
mkdir -p "$work/src" "$work/images"
for i in $(seq 0 9); do
  convert -size 64x48 "gradient:red-blue" -fill white -draw "text 4,20 'n$i'" "$work/src/p$i.png"
  convert "$work/src/p$i.png" -quality 85 "$work/src/j$i.jpg"
  "$root/suanbei" label write "$work/src/p$i.png" -o "$work/src/lp$i.png" --producer "$producer" --produce-id "p$i" >/dev/null
  "$root/suanbei" label write "$work/src/j$i.jpg" -o "$work/src/lj$i.jpg" --producer "$producer" --produce-id "j$i" >/dev/null
done
for n in $(seq 1 "$count"); do
  k=$((n % 10))
  if ((n % 2)); then cp "$work/src/lp$k.png" "$work/images/$n.png"; else cp "$work/src/lj$k.jpg" "$work/images/$n.jpg"; fi
done

cli="${SUANBEI_CLI:-$root/.build/label/suanbei-label}"   # SUANBEI_CLI: compare another build (word-split on purpose)
TIMEFORMAT='%R %U %S'
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: > "$work/suanbei.times"; : > "$work/exiftool.times"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  { time $cli label verify "$work/images" --json > "$work/suanbei.jsonl"; } 2>> "$work/suanbei.times"
  { time exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$work/images" > "$work/exiftool.json"; } 2>> "$work/exiftool.times"
done

ok=$(grep -c '"verdict":"compliant"' "$work/suanbei.jsonl" || true)
seen=$(grep -c '"AIGC"' "$work/exiftool.json" || true)
sr=$(awk '{ print $1 }' "$work/suanbei.times" | median); sc=$(awk '{ print $2 + $3 }' "$work/suanbei.times" | median)
er=$(awk '{ print $1 }' "$work/exiftool.times" | median); ec=$(awk '{ print $2 + $3 }' "$work/exiftool.times" | median)
awk -v n="$count" -v runs="$runs" -v sr="$sr" -v sc="$sc" -v er="$er" -v ec="$ec" -v ok="$ok" -v seen="$seen" -v cores="$(nproc)" -v lb="$load_before" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "files: %d (suanbei compliant: %d, exiftool saw AIGC: %d); cores: %d; load average before: %s, after: %s\n", n, ok, seen, cores, lb, la;
  printf "medians of %d runs               wall s     files/s     CPU s files/CPU-s\n", runs;
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "suanbei label verify --json", sr, n / sr, sc, n / sc;
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "exiftool -fast -json", er, n / er, ec, n / ec;
  printf "ratio (exiftool / suanbei): wall %.1fx, CPU %.1fx\n", er / sr, ec / sc;
}'

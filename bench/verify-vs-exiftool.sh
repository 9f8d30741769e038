#!/usr/bin/env bash
# Label verify vs exiftool: 1,000 small labeled images (PNG and JPEG, half each), one process each over the same
# directory. Prints files/s for both and the ratio. Usage: bench/verify-vs-exiftool.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-1000}"
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

dll="$root/.build/cli/suanbei.dll"
TIMEFORMAT='%R %U %S'
{ time dotnet "$dll" label verify "$work/images" --json > "$work/suanbei.jsonl"; } 2> "$work/suanbei.time"
{ time exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$work/images" > "$work/exiftool.json"; } 2> "$work/exiftool.time"

ok=$(grep -c '"verdict":"compliant"' "$work/suanbei.jsonl" || true)
seen=$(grep -c '"AIGC"' "$work/exiftool.json" || true)
read -r sr su ss < "$work/suanbei.time"
read -r er eu es < "$work/exiftool.time"
awk -v n="$count" -v sr="$sr" -v sc="$(echo "$su + $ss" | bc)" -v er="$er" -v ec="$(echo "$eu + $es" | bc)" -v ok="$ok" -v seen="$seen" -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "files: %d (suanbei compliant: %d, exiftool saw AIGC: %d); cores: %d, load average: %s\n", n, ok, seen, cores, load;
  printf "%-30s %9s %11s %9s %11s\n", "", "wall s", "files/s", "CPU s", "files/CPU-s";
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "suanbei label verify --json", sr, n / sr, sc, n / sc;
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "exiftool -fast -json", er, n / er, ec, n / ec;
  printf "ratio (exiftool / suanbei): wall %.1fx, CPU %.1fx\n", er / sr, ec / sc;
}'

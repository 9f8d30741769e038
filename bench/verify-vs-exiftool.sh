#!/usr/bin/env bash
# Label verify vs exiftool: 1,000 small labeled images (PNG and JPEG, half each), one process each over the same
# directory. Prints files/s for both and the ratios of the medians over RUNS runs (wall and CPU; the machine may be
# shared, so the load average is printed too), then one file's wall time, exiftool's marginal cost per file, and the
# shared library called from Python (bindings/python) over the same files. Suanbei runs as `./suanbei label verify`
# does: the Native AOT build in .build/label.
# Usage: [RUNS=5] [SUANBEI_CLI="dotnet /path/to/suanbei.dll"] [PYTHON=0] bench/verify-vs-exiftool.sh [COUNT]
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

# One file, as a platform checks each upload: wall of a whole process, both tools.
one="$work/images/1.png"
: > "$work/one-suanbei.times"; : > "$work/one-exiftool.times"
for r in $(seq 1 "$runs"); do
  { time $cli label verify "$one" --json > /dev/null; } 2>> "$work/one-suanbei.times"
  { time exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$one" > /dev/null; } 2>> "$work/one-exiftool.times"
done

ok=$(grep -c '"verdict":"compliant"' "$work/suanbei.jsonl" || true)
seen=$(grep -c '"AIGC"' "$work/exiftool.json" || true)
sr=$(awk '{ print $1 }' "$work/suanbei.times" | median); sc=$(awk '{ print $2 + $3 }' "$work/suanbei.times" | median)
er=$(awk '{ print $1 }' "$work/exiftool.times" | median); ec=$(awk '{ print $2 + $3 }' "$work/exiftool.times" | median)
awk -v n="$count" -v runs="$runs" -v sr="$sr" -v sc="$sc" -v er="$er" -v ec="$ec" -v ok="$ok" -v seen="$seen" \
    -v cores="$(nproc)" -v lb="$load_before" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "files: %d (suanbei compliant: %d, exiftool saw AIGC: %d); cores: %d; load average before: %s, after: %s\n",
    n, ok, seen, cores, lb, la;
  printf "medians of %d runs               wall s     files/s     CPU s files/CPU-s\n", runs;
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "suanbei label verify --json", sr, n / sr, sc, n / sc;
  printf "%-30s %9.3f %11.0f %9.3f %11.0f\n", "exiftool -fast -json", er, n / er, ec, n / ec;
  printf "ratio (exiftool / suanbei): wall %.1fx, CPU %.1fx\n", er / sr, ec / sc;
}'
o1=$(awk '{ print $1 }' "$work/one-suanbei.times" | median); e1=$(awk '{ print $1 }' "$work/one-exiftool.times" | median)
e1c=$(awk '{ print $2 + $3 }' "$work/one-exiftool.times" | median)
awk -v n="$count" -v o1="$o1" -v e1="$e1" -v e1c="$e1c" -v er="$er" -v ec="$ec" 'BEGIN {
  printf "one file: suanbei %.1f ms wall, exiftool %.1f ms wall\n", o1 * 1000, e1 * 1000;
  printf "exiftool marginal cost per file: %.3f ms wall, %.3f ms CPU\n", (er - e1) / (n - 1) * 1000, (ec - e1c) / (n - 1) * 1000;
}'

# The shared library from Python: one process, library loaded once, every file verified in turn (one thread), timed
# inside Python from the first call to the last; the verdicts are checked.
if [[ "${PYTHON:-1}" != 0 ]]; then
  lib="$("$root/suanbei" label native-lib | sed -n 1p)"   # sed, not head: reads both lines (no SIGPIPE)
  SUANBEI_LABELS_LIB="$lib" python3 - "$root" "$work/images" "$runs" "$count" "$er" "$e1" "$ec" "$e1c" "$sr" <<'PY'
import os, statistics, sys, time
root, images, runs, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
er, e1, ec, e1c, sr = (float(v) for v in sys.argv[5:])
sys.path.insert(0, os.path.join(root, "bindings", "python"))
import suanbei_labels
files = sorted(os.path.join(images, f) for f in os.listdir(images))
suanbei_labels.verify(files[0])  # loads the library outside the timing
times, cpus = [], []
for _ in range(runs):
    start, start_cpu = time.perf_counter(), time.process_time()
    verdicts = [suanbei_labels.verify(f)["verdict"] for f in files]
    times.append(time.perf_counter() - start)
    cpus.append(time.process_time() - start_cpu)
    assert verdicts.count("compliant") == count, verdicts
t, c = statistics.median(times), statistics.median(cpus)
marginal_wall = (er - e1) / (count - 1)
marginal_cpu = (ec - e1c) / (count - 1)
print(f"python binding: {count} files in {t * 1000:.1f} ms wall, {c * 1000:.1f} ms CPU (medians of {runs}), "
      f"{count / t:.0f} files/s, {t / count * 1e6:.1f} us wall and {c / count * 1e6:.1f} us CPU per file")
print(f"ratio vs exiftool's marginal file: wall {marginal_wall / (t / count):.0f}x, CPU {marginal_cpu / (c / count):.0f}x; "
      f"files/s vs the CLI run over the directory: {sr / t:.2f}x")
PY
fi

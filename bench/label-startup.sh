#!/usr/bin/env bash
# One file verified by a fresh process, against the floors of this machine: what `label verify FILE --json` costs as
# the program ./suanbei starts (the quick Native AOT program, started directly as `./suanbei label path` prints it),
# next to a C hello world (fork + exec + exit) and two Native AOT hello worlds with the repository's AOT settings:
# one linked as Native AOT links by default (glibc as shared libraries, the floor bench/verify-vs-exiftool.sh times),
# one linked like the quick program (glibc static); and the same call through the launcher (`./suanbei label verify
# FILE --json`, as most users type it) next to the shell it starts in (/bin/sh doing nothing). Prints one summary
# table: perf stat's wall and task-clock (CPU) means and page faults over RUNS runs, and bash `time` medians (wall and
# user+sys) over RUNS runs interleaved, with the load average before and after (the machine may be shared:
# task-clock is the column least distorted by load).
# Usage: [RUNS=40] bench/label-startup.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/needs.sh"
needs linux-perf imagemagick libimage-exiftool-perl gcc libc6-dev
runs="${RUNS:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
producer=001191440300708461136T1XGW3

quick="$("$root/suanbei" label path)"   # builds the label programs once, outside the timing
convert -size 64x48 "gradient:red-blue" "$work/p.png"
"$quick" label write "$work/p.png" -o "$work/one.png" --producer "$producer" --produce-id p1 > /dev/null

# The floors, published once into .build/label-startup (delete it to rebuild).
floors="$root/.build/label-startup"
printf '#include <stdio.h>\nint main(void) { puts("{}"); return 0; }\n' > "$work/hello.c"
mkdir -p "$floors"
[[ -x $floors/hello-c ]] || gcc -O2 -o "$floors/hello-c" "$work/hello.c"
source "$root/bench/aot-hello.sh"
publish_aot_hello "$floors/aot-shared"
publish_aot_hello "$floors/aot-static" "$aot_hello_static"

names=("C hello world" "AOT hello world, glibc shared (default link)" "AOT hello world, glibc static (as quick)"
       "quick program: label verify FILE --json" "/bin/sh -c : (the launcher's shell, doing nothing)"
       "through the launcher: ./suanbei label verify FILE --json")
cmds=("$floors/hello-c" "$floors/aot-shared/hello" "$floors/aot-static/hello" "$quick label verify $work/one.png --json"
      "/bin/sh -c :" "$root/suanbei label verify $work/one.png --json")
# The launcher and the program it runs must answer alike (and the launcher must not be rebuilding while timed).
[[ "$("$root/suanbei" label verify "$work/one.png" --json 2>&1)" == "$("$quick" label verify "$work/one.png" --json)" ]] ||
  { echo "./suanbei label verify and the quick program differ (or the launcher rebuilt)" >&2; exit 1; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# perf stat: wall (seconds time elapsed), task-clock (ms), page faults; means of RUNS runs.
for i in "${!cmds[@]}"; do
  # shellcheck disable=SC2086  # the command line is split on purpose
  perf stat -r "$runs" -e task-clock,page-faults ${cmds[$i]} 2>&1 >/dev/null |
    awk '/task-clock/ { tc = $1 } /page-faults/ { pf = $1 } /time elapsed/ { w = $1 * 1000 }
         END { gsub(",", "", pf); printf "%.2f %.2f %s\n", w, tc, pf }' > "$work/perf.$i"
done
# bash time, interleaved so that a change in load hits every program alike.
TIMEFORMAT='%R %U %S'
for r in $(seq 1 "$runs"); do
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086
    { time ${cmds[$i]} > /dev/null; } 2>> "$work/time.$i"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "One file as a fresh process, $runs runs each; load average $load_before -> $load_after"
echo
echo "| program | perf stat wall, ms (mean) | task-clock, ms (mean) | page faults | bash time wall, ms (median) \
| bash time CPU, ms (median) |"
echo "|---|---|---|---|---|---|"
for i in "${!cmds[@]}"; do
  read -r w tc pf < "$work/perf.$i"
  bw=$(awk '{ print $1 * 1000 }' "$work/time.$i" | median)
  bc=$(awk '{ print ($2 + $3) * 1000 }' "$work/time.$i" | median)
  printf "| %s | %.1f | %.1f | %s | %.0f | %.0f |\n" "${names[$i]}" "$w" "$tc" "$pf" "$bw" "$bc"
done
read -r qw qtc _ < "$work/perf.3"
read -r lw ltc _ < "$work/perf.5"
echo
printf "The launcher's own cost (through ./suanbei minus the program directly): %.1f ms wall, %.1f ms task-clock.\n" \
  "$(awk -v a="$lw" -v b="$qw" 'BEGIN { print a - b }')" "$(awk -v a="$ltc" -v b="$qtc" 'BEGIN { print a - b }')"
echo "Goals: label verify FILE --json under 10 ms wall as a fresh process; the launcher within ~3 ms of it."
echo "bash time has 1 ms resolution."

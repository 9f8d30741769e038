#!/usr/bin/env bash
# Label verify vs exiftool: 1,000 small labeled images (PNG and JPEG, half each), one process each over the same
# directory; one file as a fresh process (the quick AOT program, the full one it hands other commands to, the
# ./suanbei launcher, and for the floor a Native AOT "hello world" with the same settings); the shared library called
# from Python (bindings/python) over the same files against exiftool's marginal cost per file, one file per call
# (verify) and in batches verified on all cores (verify_many: the 1,000 files in one call, and in calls of 100). Prints one
# summary table of medians over RUNS runs, wall and CPU, with the load average before and after (the machine may be
# shared). Suanbei runs as `./suanbei label verify` does: the Native AOT build in .build/label.
# A wall time in milliseconds is mostly process start-up, so the one-file rows also give perf stat's task-clock (CPU
# time, less distorted by other load) when perf is installed. The 1,000-file run is also timed on one thread
# (DOTNET_PROCESSOR_COUNT=1) and by perf stat (task-clock and page faults, both thread settings). Two floors show
# what no verifier can go below here: a C loop doing only open+pread+close over the same files, and Python doing only
# a ctypes call and json.loads of one verify line.
# Usage: [RUNS=5] [SUANBEI_CLI="dotnet /path/to/suanbei.dll"] [PYTHON=0] bench/verify-vs-exiftool.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/needs.sh"
needs libimage-exiftool-perl imagemagick linux-perf gcc libc6-dev python3
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
full="$root/.build/label/full/suanbei-label"   # what the quick program hands help, tables and signing to

# The floor: what any Native AOT program costs to start here (same Directory.Build.props and AOT settings as the
# label programs, glibc linked statically like the quick program, printing one line). Published once into
# .build/label-startup (shared with bench/label-startup.sh).
source "$root/bench/aot-hello.sh"
floor="$root/.build/label-startup/aot-static/hello"   # linked like the quick program (glibc static)
publish_aot_hello "$(dirname "$floor")" "$aot_hello_static"
TIMEFORMAT='%R %U %S'
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: > "$work/suanbei.times"; : > "$work/exiftool.times"; : > "$work/suanbei1.times"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  { time $cli label verify "$work/images" --json > "$work/suanbei.jsonl"; } 2>> "$work/suanbei.times"
  { time DOTNET_PROCESSOR_COUNT=1 $cli label verify "$work/images" --json > "$work/suanbei1.jsonl"; } 2>> "$work/suanbei1.times"
  { time exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$work/images" > "$work/exiftool.json"; } 2>> "$work/exiftool.times"
done

# One file, as a platform checks each upload: wall of a whole process, both tools.
one="$work/images/1.png"
: > "$work/one-suanbei.times"; : > "$work/one-exiftool.times"; : > "$work/one-launcher.times"
: > "$work/one-full.times"; : > "$work/one-floor.times"
for r in $(seq 1 "$runs"); do
  { time $cli label verify "$one" --json > /dev/null; } 2>> "$work/one-suanbei.times"
  { time "$full" label verify "$one" --json > /dev/null; } 2>> "$work/one-full.times"
  { time "$root/suanbei" label verify "$one" --json > /dev/null; } 2>> "$work/one-launcher.times"
  { time "$floor" > /dev/null; } 2>> "$work/one-floor.times"
  { time exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$one" > /dev/null; } 2>> "$work/one-exiftool.times"
done
# task-clock (CPU ms, mean of 30 runs) when perf is there; "-" otherwise.
task_clock() {
  if ! command -v perf > /dev/null; then echo -; return; fi
  perf stat -r 30 -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.1f", $1; exit }'
}
tc_quick=$(task_clock $cli label verify "$one" --json); tc_full=$(task_clock "$full" label verify "$one" --json)
tc_launcher=$(task_clock "$root/suanbei" label verify "$one" --json); tc_floor=$(task_clock "$floor")
task_clock_n() {   # the same for the directory run, 10 runs: "task-clock-ms page-faults" (means)
  if ! command -v perf > /dev/null; then echo "- -"; return; fi
  perf stat -r 10 -x, -e task-clock,page-faults "$@" 2>&1 >/dev/null |
    awk -F, '/task-clock/ { t = $1 } /page-faults/ { f = $1 } END { printf "%.1f %.0f", t, f }'
}
read -r tc_dir pf_dir <<< "$(task_clock_n $cli label verify "$work/images" --json)"
read -r tc_dir1 pf_dir1 <<< "$(DOTNET_PROCESSOR_COUNT=1 task_clock_n $cli label verify "$work/images" --json)"
read -r tc_exif _ <<< "$(task_clock_n exiftool -config "$cfg" -fast -q -json -XMP-TC260:AIGC "$work/images")"
cmp -s "$work/suanbei.jsonl" "$work/suanbei1.jsonl" || { echo "one thread and all threads printed different lines" >&2; exit 1; }

# Floor 1: the system calls alone. A C loop opens, preads (up to 256 KiB, as the verifier does) and closes each file,
# 20 rounds over the same files; prints "wall_us cpu_us" per file.
cat > "$work/syscalls.c" <<'C'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
static char buf[1 << 18];
static double cpu(void) { struct rusage u; getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6; }
int main(int argc, char **argv) {
  struct timespec a, b; double c0 = cpu(); long total = 0; int rounds = 20;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int r = 0; r < rounds; r++)
    for (int i = 1; i < argc; i++) {
      int fd = open(argv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      total += pread(fd, buf, sizeof buf, 0);
      close(fd);
    }
  clock_gettime(CLOCK_MONOTONIC, &b);
  double n = (double)rounds * (argc - 1);
  printf("%.3f %.3f\n", ((b.tv_sec - a.tv_sec) * 1e6 + (b.tv_nsec - a.tv_nsec) / 1e3) / n, (cpu() - c0) * 1e6 / n);
  return total < 0;
}
C
sys_floor="- -"
if command -v gcc > /dev/null && gcc -O2 -o "$work/syscalls" "$work/syscalls.c"; then
  sys_floor=$("$work/syscalls" "$work"/images/*)
fi

ok=$(grep -c '"verdict":"compliant"' "$work/suanbei.jsonl" || true)
seen=$(grep -c '"AIGC"' "$work/exiftool.json" || true)
col() { awk -v c="$1" '{ print (c == "cpu") ? $2 + $3 : $1 }' "$2" | median; }
sr=$(col wall "$work/suanbei.times"); sc=$(col cpu "$work/suanbei.times")
er=$(col wall "$work/exiftool.times"); ec=$(col cpu "$work/exiftool.times")
s1=$(col wall "$work/suanbei1.times"); s1c=$(col cpu "$work/suanbei1.times")
o1=$(col wall "$work/one-suanbei.times"); o1c=$(col cpu "$work/one-suanbei.times")
e1=$(col wall "$work/one-exiftool.times"); e1c=$(col cpu "$work/one-exiftool.times")
l1=$(col wall "$work/one-launcher.times"); l1c=$(col cpu "$work/one-launcher.times")
f1=$(col wall "$work/one-full.times"); f1c=$(col cpu "$work/one-full.times")
h1=$(col wall "$work/one-floor.times"); h1c=$(col cpu "$work/one-floor.times")

# The shared library from Python: one process, library loaded once, every file verified in turn (one thread), timed
# inside Python from the first call to the last; the verdicts are checked. Prints "wall_s cpu_s" (medians).
py="- - - - - - - - -"
if [[ "${PYTHON:-1}" != 0 ]]; then
  lib="$("$root/suanbei" label native-lib | sed -n 1p)"   # sed, not head: reads both lines (no SIGPIPE)
  py=$(SUANBEI_LABELS_LIB="$lib" python3 - "$root" "$work/images" "$runs" "$count" <<'PY'
import os, statistics, sys, time
root, images, runs, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
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
# The Python side alone: a ctypes call that does nothing useful (strlen of the path) and json.loads of the line.
import ctypes, json
libc = ctypes.CDLL(None)
libc.strlen.argtypes, libc.strlen.restype = [ctypes.c_char_p], ctypes.c_size_t
line = json.dumps(suanbei_labels.verify(files[0]), ensure_ascii=False, separators=(",", ":")).encode()
holder = ctypes.create_string_buffer(line)
floor = []
for _ in range(runs):
    start = time.perf_counter()
    for f in files:
        libc.strlen(f.encode())
        json.loads(ctypes.string_at(holder).decode("utf-8"))
    floor.append(time.perf_counter() - start)
# The batch call: every file in one call, then in calls of 100 (a platform's batch of uploads), all cores.
def batch(size):
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        results = [r for k in range(0, len(files), size) for r in suanbei_labels.verify_many(files[k:k + size])]
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert [r["verdict"] for r in results].count("compliant") == count, results[:3]
    return statistics.median(wall), statistics.median(cpu)
all_wall, all_cpu = batch(len(files))
hundred_wall, hundred_cpu = batch(100)
# The batch's result is one JSON array: is json.loads of the array cheaper per item than of one line per file?
lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in suanbei_labels.verify_many(files)]
array_text, lines_text = "[" + ",".join(lines) + "]", "\n".join(lines)
def best(f):
    b = float("inf")
    for _ in range(max(runs, 5)):
        start = time.perf_counter(); f(); b = min(b, time.perf_counter() - start)
    return b
array_loads = best(lambda: json.loads(array_text))
line_loads = best(lambda: [json.loads(l) for l in lines_text.split("\n")])
print(statistics.median(times), statistics.median(cpus), statistics.median(floor), all_wall, all_cpu, hundred_wall,
      hundred_cpu, array_loads, line_loads)
PY
)
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# One summary table. exiftool's marginal cost per file = (its run over COUNT files − its run over one) / (COUNT − 1).
awk -v n="$count" -v runs="$runs" -v sr="$sr" -v sc="$sc" -v er="$er" -v ec="$ec" -v o1="$o1" -v o1c="$o1c" \
    -v e1="$e1" -v e1c="$e1c" -v l1="$l1" -v l1c="$l1c" -v ok="$ok" -v seen="$seen" -v py="$py" -v cores="$(nproc)" -v lb="$load_before" \
    -v la="$load_after" -v f1="$f1" -v f1c="$f1c" -v h1="$h1" -v h1c="$h1c" -v tq="$tc_quick" -v tf="$tc_full" \
    -v tl="$tc_launcher" -v th="$tc_floor" -v s1="$s1" -v s1c="$s1c" -v tcd="$tc_dir" -v tce="$tc_exif" \
    -v sysf="$sys_floor" -v pfd="$pf_dir" -v tcd1="$tc_dir1" -v pfd1="$pf_dir1" 'BEGIN {
  split(py, p, " "); split(sysf, f, " ");
  printf "files: %d (suanbei compliant: %d, exiftool saw AIGC: %d); cores: %d; load average before: %s, after: %s\n",
    n, ok, seen, cores, lb, la;
  printf "medians of %d runs; wall and CPU (user+sys) per row\n\n", runs;
  printf "| %-44s | %12s | %12s | %12s | %12s | %8s | %8s | %-10s |\n", "measurement", "suanbei wall", "suanbei CPU",
    "exiftool wall", "exiftool CPU", "x wall", "x CPU", "goal";
  printf "|%s|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------------", "--------------",
    "--------------", "---------------", "--------------", "----------", "----------", "------------";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "verify DIR --json, " n " files (one process)", sr * 1000, sc * 1000, er * 1000, ec * 1000, er / sr, ec / sc, ">= 50x";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "the same on one thread", s1 * 1000, s1c * 1000, er * 1000, ec * 1000, er / s1, ec / s1c, "";
  if (tcd != "-") printf "| %-44s | %10s | %10.1f ms | %11s | %10.1f ms | %8s | %7.1fx | %-10s |\n",
    "the same, perf stat task-clock (mean of 10)", "", tcd, "", tce, "", tce / tcd, "";
  if (tcd1 != "-") printf "| %-44s | %10s | %10.1f ms | %11s | %10.1f ms | %8s | %7.1fx | %-10s |\n",
    "the same on one thread, task-clock", "", tcd1, "", tce, "", tce / tcd1, "";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "verify FILE --json (one file, one process)", o1 * 1000, o1c * 1000, e1 * 1000, e1c * 1000, e1 / o1, e1c / o1c, "< 10 ms";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "the same through the ./suanbei launcher", l1 * 1000, l1c * 1000, e1 * 1000, e1c * 1000, e1 / l1, e1c / l1c, "< 10 ms";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "for scale: the full label program, one file", f1 * 1000, f1c * 1000, e1 * 1000, e1c * 1000, e1 / f1, e1c / f1c, "";
  printf "| %-44s | %10.1f ms | %10.1f ms | %11.1f ms | %10.1f ms | %7.1fx | %7.1fx | %-10s |\n",
    "for scale: AOT hello world (the floor)", h1 * 1000, h1c * 1000, e1 * 1000, e1c * 1000, e1 / h1, e1c / h1c, "";
  mw = (er - e1) / (n - 1); mc = (ec - e1c) / (n - 1);
  if (p[1] != "-") {
    pw = p[1] / n; pc = p[2] / n;
    printf "| %-44s | %10.1f us | %10.1f us | %11.1f us | %10.1f us | %7.0fx | %7.0fx | %-10s |\n",
      "per file: python binding vs exiftool marginal", pw * 1e6, pc * 1e6, mw * 1e6, mc * 1e6, mw / pw, mc / pc, ">= 100x";
    printf "| %-44s | %10.1f us | %10.1f us | %11.1f us | %10.1f us | %7.0fx | %7.0fx | %-10s |\n",
      "per file: python verify_many, one call", p[4] / n * 1e6, p[5] / n * 1e6, mw * 1e6, mc * 1e6, mw / (p[4] / n),
      mc / (p[5] / n), ">= 100x";
    printf "| %-44s | %10.1f us | %10.1f us | %11.1f us | %10.1f us | %7.0fx | %7.0fx | %-10s |\n",
      "per file: python verify_many, calls of 100", p[6] / n * 1e6, p[7] / n * 1e6, mw * 1e6, mc * 1e6, mw / (p[6] / n),
      mc / (p[7] / n), ">= 100x";
    printf "| %-44s | %10.1f us | %10s | %11.1f us | %10s | %7.0fx | %8s | %-10s |\n",
      "floor: python ctypes call + json.loads alone", p[3] / n * 1e6, "", mw * 1e6, "", mw / (p[3] / n), "", "";
  }
  if (f[1] != "-") printf "| %-44s | %10.1f us | %10.1f us | %11.1f us | %10.1f us | %7.0fx | %7.0fx | %-10s |\n",
    "floor: open+pread+close alone (C), per file", f[1], f[2], mw * 1e6, mc * 1e6, mw * 1e6 / f[1], mc * 1e6 / f[2], "";
  if (p[1] != "-") {
    printf "\npython binding: verify %.0f files/s (%.2fx the CLI run over the directory); verify_many %.0f files/s in one call",
      n / p[1], sr / p[1], n / p[4];
    printf " (%.2fx the CLI), %.0f files/s in calls of 100\n", sr / p[4], n / p[6];
    printf "json.loads per item: %.2f us from one array, %.2f us from one line per file\n", p[8] / n * 1e6, p[9] / n * 1e6;
  }
  else printf "\npython binding: not measured (PYTHON=0)\n";
  printf "exiftool marginal cost per file: %.3f ms wall, %.3f ms CPU\n", mw * 1000, mc * 1000;
  printf "one file, perf stat task-clock (CPU ms, mean of 30): quick %s, launcher %s, full %s, hello world %s\n",
    tq, tl, tf, th;
  if (pfd != "-") printf "page faults of the %d-file run (perf stat, mean of 10): %s on all threads, %s on one\n", n, pfd, pfd1;
}'

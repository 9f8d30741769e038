#!/usr/bin/env bash
# Corpus spot-check sample: `./suanbei genai corpus sample --size 4000` (the Native AOT program the launcher builds)
# over a SIZE_GB (default 2) GB JSONL corpus vs one sequential read of the file (`cat > /dev/null`), `wc -l` and
# `shuf -n 4000`, in one run; the JIT-compiled full CLI (`dotnet suanbei.dll`, what ran before) for comparison, and a
# one-line corpus for the program's start-up, and the program run directly (the path `./suanbei genai path` prints,
# as a pipeline over many shards runs it: no bash launcher and freshness check). A C program (compiled here with
# gcc) shows the floor on this machine: two threads each pread-ing half of the file into 256 KiB buffers (the copy
# alone), the same counting every "\n" (the least any line count costs), and the same counting in a mapping of the
# page cache instead of a copy (the sampler reads; this row says why). The page cache is warmed first, so every
# tool reads from memory. Each tool runs RUNS (default 3) times, interleaved; the table gives the least wall time, the
# least CPU time (user + sys, GNU time) with the user and sys times of that run, and the peak RSS. Times include
# start-up.
# One command, no arguments:
#   bench/genai-reservoir.sh
# The corpus lives in $WORK and is deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/needs.sh
needs gcc libc6-dev python3 time
WORK=${WORK:-/tmp/suanbei-bench-reservoir}
SIZE_GB=${SIZE_GB:-2}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
# Both programs built outside the timing: the Native AOT one `./suanbei genai keywords|corpus` runs, and the full CLI.
./suanbei genai corpus sample --help >/dev/null
./suanbei genai --help >/dev/null
program=$(./suanbei genai path)
python3 - "$WORK/corpus.jsonl" "$SIZE_GB" >&2 <<'PY'
import json, random, sys
path, gb = sys.argv[1], float(sys.argv[2])
rng = random.Random(1)
chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
pool = [json.dumps({"text": "".join(rng.choices(chars, k=rng.randint(20, 300)))}, ensure_ascii=False) for _ in range(5000)]
target, written, n = int(gb * 1024 ** 3), 0, 0
with open(path, "w", encoding="utf-8") as f:
    while written < target:
        chunk = "".join(f'{{"id":{n + i},{rng.choice(pool)[1:]}\n' for i in range(20000))
        n += 20000
        f.write(chunk)
        written += len(chunk.encode("utf-8"))
print(f"{n} lines, {written / 1024 ** 3:.2f} GB")
PY
C="$WORK/corpus.jsonl"
echo '{"text":"一"}' > "$WORK/one.jsonl"
# The floor: THREADS threads, each pread-ing its contiguous part of the file in 256 KiB pieces; with 1 as its second
# argument it also counts the "\n"s, 64 (AVX-512) or 32 (AVX2) bytes per compare and popcount (a plain loop, which
# gcc vectorises with wide counters, took 3x the CPU). With "map" as its third argument each thread maps its part of
# the page cache instead (MADV_POPULATE_READ, no copy) and counts there: the alternative to pread-ing, measured.
cat > "$WORK/halves.c" <<'C'
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <immintrin.h>
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif
static long newlines(const unsigned char *p, long n) {
  long c = 0, i = 0;
#if defined(__AVX512BW__)
  const __m512i nl = _mm512_set1_epi8('\n');
  for (; i + 64 <= n; i += 64) c += __builtin_popcountll(_mm512_cmpeq_epi8_mask(_mm512_loadu_si512(p + i), nl));
#elif defined(__AVX2__)
  const __m256i nl = _mm256_set1_epi8('\n');
  for (; i + 32 <= n; i += 32)
    c += __builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const void *)(p + i)), nl)));
#endif
  for (; i < n; i++) c += p[i] == '\n';
  return c;
}
enum { THREADS = 2, PIECE = 256 * 1024 };
static int fd, count;
static long length, lines[THREADS];
static const unsigned char *map;
static void *part(void *arg) {
  long t = (long)arg, from = length * t / THREADS, to = length * (t + 1) / THREADS, n = 0;
  if (map) {
    long page = from & ~4095L;
    madvise((void *)(map + page), to - page, MADV_POPULATE_READ);
    lines[t] = newlines(map + from, to - from);
    return 0;
  }
  unsigned char *buffer = aligned_alloc(4096, PIECE);
  for (long at = from; at < to; at += PIECE) {
    long got = pread(fd, buffer, to - at < PIECE ? to - at : PIECE, at);
    if (got <= 0) { perror("pread"); exit(1); }
    if (count) n += newlines(buffer, got);
  }
  lines[t] = n;
  return 0;
}
int main(int argc, char **argv) {
  struct stat st;
  if (argc < 3 || (fd = open(argv[1], O_RDONLY)) < 0 || fstat(fd, &st) != 0) return 2;
  length = st.st_size;
  count = atoi(argv[2]);
  if (argc > 3 && strcmp(argv[3], "map") == 0) {
    void *m = mmap(0, length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) { perror("mmap"); return 1; }
    madvise(m, length, MADV_SEQUENTIAL);
    map = m;
  }
  pthread_t threads[THREADS];
  for (long t = 0; t < THREADS; t++) pthread_create(&threads[t], 0, part, (void *)t);
  long total = 0;
  for (int t = 0; t < THREADS; t++) { pthread_join(threads[t], 0); total += lines[t]; }
  printf("%ld\n", total);
  return 0;
}
C
gcc -O3 -march=native -pthread -o "$WORK/halves" "$WORK/halves.c"
[[ $("$WORK/halves" "$C" 1) == $(wc -l < "$C") && $("$WORK/halves" "$C" 1 map) == $(wc -l < "$C") ]] \
  || { echo "the C line count differs from wc -l" >&2; exit 1; }
names=(
  "cat corpus.jsonl > /dev/null (one sequential read)"
  "C: two threads, each pread-ing half (the copy alone)"
  "C: two threads, each pread-ing half and counting \\n"
  "C: two threads, each mapping half (MADV_POPULATE_READ) and counting \\n"
  "wc -l corpus.jsonl"
  "./suanbei genai corpus sample --size 4000 --seed 7 (Native AOT)"
  "the same program run directly (\$(./suanbei genai path) genai corpus sample …)"
  "dotnet suanbei.dll genai corpus sample --size 4000 --seed 7 (the JIT-compiled full CLI)"
  "shuf -n 4000 corpus.jsonl"
  "./suanbei genai corpus sample, a one-line corpus (start-up)"
  "the program run directly, a one-line corpus (start-up)"
)
commands=(
  "cat $C > /dev/null"
  "$WORK/halves $C 0 > /dev/null"
  "$WORK/halves $C 1 > /dev/null"
  "$WORK/halves $C 1 map > /dev/null"
  "wc -l $C > /dev/null"
  "$PWD/suanbei genai corpus sample $C --size 4000 --seed 7 -o $WORK/sample.jsonl 2> /dev/null"
  "$program genai corpus sample $C --size 4000 --seed 7 -o $WORK/sample-direct.jsonl 2> /dev/null"
  "dotnet $PWD/.build/cli/suanbei.dll genai corpus sample $C --size 4000 --seed 7 -o $WORK/sample-jit.jsonl 2> /dev/null"
  "shuf -n 4000 $C > /dev/null"
  "$PWD/suanbei genai corpus sample $WORK/one.jsonl --size 4000 --seed 7 -o $WORK/sample-one.jsonl 2> /dev/null"
  "$program genai corpus sample $WORK/one.jsonl --size 4000 --seed 7 -o $WORK/sample-one.jsonl 2> /dev/null"
)
declare -A wall cpu user sys rss
cat "$C" > /dev/null
echo "# $(wc -l < "$C") lines, $(du -m "$C" | cut -f1) MB, $(nproc) cores, $RUNS runs each"
echo "# uptime before: $(uptime)"
for _ in $(seq "$RUNS"); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" bash -c "${commands[$i]}"
    read -r w u s m < <(tail -1 "$WORK/time")
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')   # "0.15", not bc's ".15"
    if [[ -z ${wall[$i]:-} ]] || (( $(echo "$w < ${wall[$i]}" | bc) )); then wall[$i]=$w; fi
    if [[ -z ${cpu[$i]:-} ]] || (( $(echo "$c < ${cpu[$i]}" | bc) )); then cpu[$i]=$c; user[$i]=$u; sys[$i]=$s; fi
    rss[$i]=$(( m / 1024 ))
  done
done
echo "# uptime after:  $(uptime)"
echo
echo "| tool | wall (least) | CPU user+sys (least) | user | sys | peak RSS |"
echo "|---|---|---|---|---|---|"
for i in "${!commands[@]}"; do
  printf '| `%s` | %s s | %s s | %s s | %s s | %s MB |\n' "${names[$i]}" "${wall[$i]}" "${cpu[$i]}" "${user[$i]}" "${sys[$i]}" \
      "${rss[$i]}"
done
echo
echo "sampled: $(wc -l < "$WORK/sample.jsonl") lines"
cmp -s "$WORK/sample.jsonl" "$WORK/sample-jit.jsonl" && cmp -s "$WORK/sample.jsonl" "$WORK/sample-direct.jsonl" \
  && echo "the same sample from both programs and the direct run" || { echo "SAMPLES DIFFER" >&2; exit 1; }

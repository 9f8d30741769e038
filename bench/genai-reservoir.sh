#!/usr/bin/env bash
# Corpus spot-check sample: `./suanbei genai corpus sample --size 4000` (the Native AOT program the launcher builds)
# over a SIZE_GB (default 2) GB JSONL corpus vs one sequential read of the file (`cat > /dev/null`), `wc -l` and
# `shuf -n 4000`, in one run; the JIT-compiled full CLI (`dotnet suanbei.dll`, what ran before) for comparison, and a
# one-line corpus for the program's start-up. The page cache is warmed first, so every tool reads from memory. Each
# tool runs RUNS (default 3) times, interleaved; the table gives the least wall time and the least CPU time (user +
# sys, GNU time) of its runs, and the peak RSS. Times include start-up.
# One command, no arguments:
#   bench/genai-reservoir.sh
# The corpus lives in $WORK and is deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK=${WORK:-/tmp/suanbei-bench-reservoir}
SIZE_GB=${SIZE_GB:-2}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
# Both programs built outside the timing: the Native AOT one `./suanbei genai keywords|corpus` runs, and the full CLI.
./suanbei genai corpus sample --help >/dev/null
./suanbei genai --help >/dev/null
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
names=(
  "cat corpus.jsonl > /dev/null (one sequential read)"
  "wc -l corpus.jsonl"
  "./suanbei genai corpus sample --size 4000 --seed 7 (Native AOT)"
  "dotnet suanbei.dll genai corpus sample --size 4000 --seed 7 (the JIT-compiled full CLI)"
  "shuf -n 4000 corpus.jsonl"
  "./suanbei genai corpus sample, a one-line corpus (start-up)"
)
commands=(
  "cat $C > /dev/null"
  "wc -l $C > /dev/null"
  "$PWD/suanbei genai corpus sample $C --size 4000 --seed 7 -o $WORK/sample.jsonl 2> /dev/null"
  "dotnet $PWD/.build/cli/suanbei.dll genai corpus sample $C --size 4000 --seed 7 -o $WORK/sample-jit.jsonl 2> /dev/null"
  "shuf -n 4000 $C > /dev/null"
  "$PWD/suanbei genai corpus sample $WORK/one.jsonl --size 4000 --seed 7 -o $WORK/sample-one.jsonl 2> /dev/null"
)
declare -A wall cpu rss
cat "$C" > /dev/null
echo "# $(wc -l < "$C") lines, $(du -m "$C" | cut -f1) MB, $(nproc) cores, $RUNS runs each"
echo "# uptime before: $(uptime)"
for _ in $(seq "$RUNS"); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" bash -c "${commands[$i]}"
    read -r w u s m < <(tail -1 "$WORK/time")
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')   # "0.15", not bc's ".15"
    if [[ -z ${wall[$i]:-} ]] || (( $(echo "$w < ${wall[$i]}" | bc) )); then wall[$i]=$w; fi
    if [[ -z ${cpu[$i]:-} ]] || (( $(echo "$c < ${cpu[$i]}" | bc) )); then cpu[$i]=$c; fi
    rss[$i]=$(( m / 1024 ))
  done
done
echo "# uptime after:  $(uptime)"
echo
echo "| tool | wall (least) | CPU user+sys (least) | peak RSS |"
echo "|---|---|---|---|"
for i in "${!commands[@]}"; do
  printf '| `%s` | %s s | %s s | %s MB |\n' "${names[$i]}" "${wall[$i]}" "${cpu[$i]}" "${rss[$i]}"
done
echo
echo "sampled: $(wc -l < "$WORK/sample.jsonl") lines"
cmp -s "$WORK/sample.jsonl" "$WORK/sample-jit.jsonl" && echo "the same sample from both programs" \
  || { echo "SAMPLES DIFFER" >&2; exit 1; }

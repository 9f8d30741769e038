#!/usr/bin/env bash
# Corpus spot-check sample: `suanbei genai corpus sample --size 4000` over a SIZE_GB (default 2) GB JSONL corpus vs
# `shuf -n 4000` and vs one sequential read of the file (`cat > /dev/null`, `wc -l`), with peak memory from GNU time.
# The page cache is warmed by the first read so every tool reads from memory; the corpus is deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK=${WORK:-/tmp/suanbei-bench-reservoir}
SIZE_GB=${SIZE_GB:-2}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
df -h "$WORK" | tail -1
./suanbei genai --help >/dev/null   # builds the CLI outside the timing
python3 - "$WORK/corpus.jsonl" "$SIZE_GB" <<'PY'
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
CLI=(dotnet "$PWD/.build/cli/suanbei.dll")
run() {  # run NAME CMD…: wall time and peak RSS
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/err" || { cat "$WORK/err"; exit 1; }
  read -r secs kb < "$WORK/time"
  printf '%-40s %7s s   peak RSS %6d MB\n' "$name" "$secs" $(( kb / 1024 ))
}
cat "$WORK/corpus.jsonl" > /dev/null
run "cat > /dev/null (one sequential read)" cat "$WORK/corpus.jsonl"
run "wc -l" wc -l "$WORK/corpus.jsonl"
run "suanbei genai corpus sample --size 4000" "${CLI[@]}" genai corpus sample "$WORK/corpus.jsonl" --size 4000 --seed 7 \
    -o "$WORK/sample.jsonl"
echo "  $(wc -l < "$WORK/sample.jsonl") lines sampled"
run "shuf -n 4000" shuf -n 4000 "$WORK/corpus.jsonl"

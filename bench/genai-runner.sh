#!/usr/bin/env bash
# The evaluation runner's own cost per request: `suanbei genai eval` against bench/genai-endpoint, a local
# chat-completions endpoint that answers instantly, so requests/s is the runner's ceiling (HTTP client, journal with
# fsync per batch, judging). QUESTIONS (default 20000) content questions; the refuse and answer banks 510/260. Each
# concurrency in CONCURRENCY (default "8 32") starts a fresh --out folder. For scale, `wrk` (Debian; installed if
# missing) measures the endpoint alone with the same number of connections and a POST of the same size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/needs.sh
needs wrk curl python3
WORK=${WORK:-/tmp/suanbei-bench-runner}
QUESTIONS=${QUESTIONS:-20000}
CONCURRENCY=${CONCURRENCY:-"8 32"}
PORT=${PORT:-5871}
mkdir -p "$WORK"
endpoint_pid=""
trap '[[ -z $endpoint_pid ]] || kill "$endpoint_pid"; rm -rf "$WORK"' EXIT
dotnet build bench/genai-endpoint -c Release -o "$WORK/endpoint" -v quiet --nologo >/dev/null
dotnet "$WORK/endpoint/genai-endpoint.dll" --urls "http://127.0.0.1:$PORT" & endpoint_pid=$!
python3 - "$WORK" "$QUESTIONS" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
risks = [f"A.{g}.{i}" for g, c in [(1, 8), (2, 9), (3, 5), (4, 7), (5, 2)] for i in range(1, c + 1)]
def bank(name, codes, count):
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        f.write("id,text,risk\n" + "".join(f"{name}-{i},关于{codes[i % len(codes)]}的第{i}个测试问题，请详细回答。,{codes[i % len(codes)]}\n"
                                           for i in range(count)))
bank("content.csv", risks, n)
bank("refuse.csv", risks[:17], 510)
bank("answer.csv", [f"B.{i}" for i in range(1, 14)], 260)
with open(f"{work}/keywords.csv", "w", encoding="utf-8") as f:
    f.write("text,risk\n" + "".join(f"词{i:05d},A.1.{i % 8 + 1}\n" for i in range(10000)))
PY
./suanbei genai --help >/dev/null   # builds the CLI outside the timing
CLI=(dotnet "$PWD/.build/cli/suanbei.dll")
for _ in $(seq 50); do curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/v1/chat/completions" -d '{}' && break; sleep 0.2; done
echo "# $(nproc) cores; $QUESTIONS + 510 + 260 questions"
for c in $CONCURRENCY; do
  rm -rf "$WORK/run"
  start=$(date +%s%N)
  out=$("${CLI[@]}" genai eval --endpoint "http://127.0.0.1:$PORT" --model bench --content "$WORK/content.csv" \
      --refuse "$WORK/refuse.csv" --answer "$WORK/answer.csv" --keywords "$WORK/keywords.csv" --out "$WORK/run" \
      --sample-content "$QUESTIONS" --sample-refuse 510 --sample-answer 260 --concurrency "$c" --json) || true
  end=$(date +%s%N)
  requests=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['requests'])" "$out")
  ms=$(( (end - start) / 1000000 ))
  printf 'suanbei genai eval --concurrency %-3s %6d requests in %6d ms = %6d requests/s (start-up, sampling, judging included)\n' \
      "$c" "$requests" "$ms" $(( requests * 1000 / ms ))
  if command -v wrk >/dev/null; then
    body=$(python3 -c 'import json; print(json.dumps({"model": "bench", "messages": [
        {"role": "user", "content": "关于A.1.1的第1个测试问题，请详细回答。"}]}, ensure_ascii=False))')
    printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$body" > "$WORK/post.lua"
    printf 'wrk -c %-3s (endpoint alone): ' "$c"
    wrk -t 1 -c "$c" -d 5s -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/chat/completions" | grep Requests/sec
  fi
done

#!/usr/bin/env bash
# Peak memory of the web server while it exports the whole registry (CSV/XLSX/DOCX), one export and four at once.
# Usage: bench/registry-export-memory.sh DATA_DIR [PORT]
#   DATA_DIR: a data folder with an imported registry, e.g. made with
#     ./suanbei registry import big.tsv --data /tmp/bench-data
#   (bench/registry-export-memory.sh prints RSS before, peak RSS (VmHWM) after each step, and the time per export).
# Exports above the anonymous limit need a signed-in account: the script registers one and signs it in.
set -euo pipefail
data=${1:?data folder}
port=${2:-5472}
bin=${SUANBEI_BIN:-$(dirname "$0")/../src/Suanbei.Cli/bin/Release/net10.0/suanbei}
base=http://127.0.0.1:$port
jar=$(mktemp)
"$bin" serve --urls "$base" --data "$data" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$jar"' EXIT
for _ in $(seq 60); do curl -fs "$base/" -o /dev/null && break; sleep 1; done
rss() { awk '/^VmRSS/ {print int($2/1024) " MB"}' /proc/$pid/status; }
hwm() { awk '/^VmHWM/ {print int($2/1024) " MB"}' /proc/$pid/status; }
token() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
email="bench-$RANDOM@example.cn"; pw="benchpassword1"
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/Account/Register" --data-urlencode "__RequestVerificationToken=$(token /Account/Register)" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$pw" --data-urlencode "Input.ConfirmPassword=$pw"
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/Account/Login" --data-urlencode "__RequestVerificationToken=$(token /Account/Login)" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$pw"
curl -s -o /dev/null -b "$jar" "$base/registry?q=x"   # warm the search index
echo "idle: RSS $(rss), peak $(hwm)"
for f in csv xlsx docx; do
  t0=$(date +%s.%N)
  code=$(curl -s -b "$jar" -o /tmp/export.$f -w '%{http_code}' "$base/registry/export?format=$f")
  t1=$(date +%s.%N)
  printf '%s: HTTP %s, %s bytes, %.1f s; RSS %s, peak %s\n' "$f" "$code" "$(stat -c %s /tmp/export.$f)" "$(echo "$t1 - $t0" | bc)" "$(rss)" "$(hwm)"
done
t0=$(date +%s.%N)
for i in 1 2 3 4; do curl -s -b "$jar" -o /tmp/export-par-$i.docx -w "docx #$i: HTTP %{http_code}\n" "$base/registry/export?format=docx" & done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
t1=$(date +%s.%N)
printf 'four docx at once: %.1f s; RSS %s, peak %s\n' "$(echo "$t1 - $t0" | bc)" "$(rss)" "$(hwm)"

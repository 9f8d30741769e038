#!/usr/bin/env bash
# Keyword scanner: `./suanbei genai keywords scan --count` (the Native AOT program the launcher builds) with each engine
# (the default Aho–Corasick automaton on the UTF-8 bytes over both cores, and the BCL's SearchValues<string> on decoded
# text) vs `grep -F -o -f` (LC_ALL=C, byte matching, its fastest mode) and `rg -F -o -f` (Debian's ripgrep) on the same
# keyword list and text, in one run; the JIT-compiled full CLI (`dotnet suanbei.dll`, what ran before) for comparison.
# ~10,000 keywords over SIZE_MB (default 110) MB of Chinese text from bench/genai-make-text.py; every tool must report
# the same hit count. Each tool runs RUNS (default 5) times, interleaved; the table gives the least wall time and the
# least CPU time (user + sys, GNU time) of its runs, and the peak RSS. Times include process start-up. Two rows scan an
# empty text: with the whole bank (start-up, reading the bank, building the automaton) and with a one-keyword bank
# (start-up alone); their difference is the bank and the automaton. One command, no arguments:
#   bench/genai-keywords.sh
# Fixtures live in $WORK and are deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/needs.sh
needs ripgrep python3 coreutils grep
WORK=${WORK:-/tmp/suanbei-bench-keywords}
SIZE_MB=${SIZE_MB:-110}
RUNS=${RUNS:-5}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
python3 bench/genai-make-text.py "$WORK" 10050 "$SIZE_MB" >&2
: > "$WORK/empty.txt"
printf 'text,risk\n词,A.1.1\n' > "$WORK/one.csv"
# Both programs built outside the timing: the Native AOT one `./suanbei genai keywords|corpus` runs, and the full CLI.
./suanbei genai keywords scan --help >/dev/null
./suanbei genai --help >/dev/null
AOT="$PWD/suanbei"
JIT="dotnet $PWD/.build/cli/suanbei.dll"
K="$WORK/keywords"
T="$WORK/text.txt"
names=(
  "./suanbei genai keywords scan --count (Native AOT; Aho–Corasick on UTF-8, default)"
  "./suanbei … --engine search-values (SearchValues<string>)"
  "LC_ALL=C grep -F -o -f keywords.txt \| wc -l"
  "rg -F -o -f keywords.txt \| wc -l"
  "dotnet suanbei.dll genai keywords scan --count (the JIT-compiled full CLI)"
  "./suanbei genai keywords scan --count, empty text (start-up + bank + automaton)"
  "./suanbei genai keywords scan --count, one-keyword bank, empty text (start-up)"
)
commands=(
  "$AOT genai keywords scan --keywords $K.csv $T --count"
  "$AOT genai keywords scan --engine search-values --keywords $K.csv $T --count"
  "LC_ALL=C grep -F -o -f $K.txt $T | wc -l"
  "rg -F -o -f $K.txt $T | wc -l"
  "$JIT genai keywords scan --keywords $K.csv $T --count"
  "$AOT genai keywords scan --keywords $K.csv $WORK/empty.txt --count"
  "$AOT genai keywords scan --keywords $WORK/one.csv $WORK/empty.txt --count"
)
declare -A wall cpu rss hits
cat "$T" > /dev/null   # page cache warm for every tool
echo "# $(wc -l < "$K.txt") keywords, $(du -m "$T" | cut -f1) MB text, $(nproc) cores, $RUNS runs each"
echo "# uptime before: $(uptime)"
for _ in $(seq "$RUNS"); do
  for i in "${!commands[@]}"; do
    out=$(/usr/bin/time -f "%e %U %S %M" -o "$WORK/time" bash -c "${commands[$i]}") || true   # scan exits 1 on hits
    read -r w u s m < <(tail -1 "$WORK/time")   # GNU time puts "Command exited with non-zero status" first
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')   # "0.15", not bc's ".15"
    if [[ -z ${wall[$i]:-} ]] || (( $(echo "$w < ${wall[$i]}" | bc) )); then wall[$i]=$w; fi
    if [[ -z ${cpu[$i]:-} ]] || (( $(echo "$c < ${cpu[$i]}" | bc) )); then cpu[$i]=$c; fi
    rss[$i]=$(( m / 1024 ))
    hits[$i]=$out
  done
done
echo "# uptime after:  $(uptime)"
echo
echo "| tool | wall (least) | CPU user+sys (least) | peak RSS | hits |"
echo "|---|---|---|---|---|"
for i in "${!commands[@]}"; do
  printf '| `%s` | %s s | %s s | %s MB | %s |\n' "${names[$i]}" "${wall[$i]}" "${cpu[$i]}" "${rss[$i]}" "${hits[$i]}"
done
[[ ${hits[0]} == "${hits[1]}" && ${hits[0]} == "${hits[2]}" && ${hits[0]} == "${hits[3]}" && ${hits[0]} == "${hits[4]}" ]] \
  && echo && echo "same hit count from all five: ${hits[0]}" \
  || { echo "HIT COUNTS DIFFER" >&2; exit 1; }

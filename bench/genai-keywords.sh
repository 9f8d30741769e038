#!/usr/bin/env bash
# Keyword scanner: `suanbei genai keywords scan --count` with each matcher (Aho–Corasick, the default, and the BCL's
# SearchValues<string>) vs `grep -F -o -f` and `rg -F -o -f` (Debian's ripgrep) on the same keyword list and text,
# in one run, each printing its hit count. ~10,000 keywords over SIZE_MB (default 110) MB of Chinese text from
# bench/genai-make-text.py. Times include process start-up; of RUNS (default 3) the run with the least CPU time (the
# machine is shared, so wall time is noisy). grep runs with LC_ALL=C
# (byte matching, its fastest mode; correct for -F on UTF-8). Fixtures live in $WORK and are deleted at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK=${WORK:-/tmp/suanbei-bench-keywords}
SIZE_MB=${SIZE_MB:-110}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
command -v rg >/dev/null || apt-get install -y ripgrep >/dev/null
python3 bench/genai-make-text.py "$WORK" 10050 "$SIZE_MB"
./suanbei genai --help >/dev/null   # builds the CLI outside the timing
CLI=(dotnet "$PWD/.build/cli/suanbei.dll")

best() {  # best NAME CMD…: the run with the least CPU time (user + sys, GNU time) of RUNS, its wall time, hit count
  local name=$1; shift
  local best_cpu="" best_wall="" out="" line wall user sys cpu
  for _ in $(seq "$RUNS"); do
    out=$(/usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@") || true   # scan exits 1 when it finds hits
    read -r wall user sys < <(tail -1 "$WORK/time")   # GNU time puts "Command exited with non-zero status" first
    cpu=$(echo "$user + $sys" | bc)
    if [[ -z $best_cpu ]] || (( $(echo "$cpu < $best_cpu" | bc) )); then best_cpu=$cpu; best_wall=$wall; fi
  done
  printf '%-34s wall %6s s   CPU %6s s   hits %s\n' "$name" "$best_wall" "$best_cpu" "$out"
}
echo "# $(wc -l < "$WORK/keywords.txt") keywords, $(du -m "$WORK/text.txt" | cut -f1) MB text, $(nproc) cores"
best "suanbei (Aho–Corasick)" "${CLI[@]}" genai keywords scan --keywords "$WORK/keywords.csv" "$WORK/text.txt" --count
best "suanbei (SearchValues<string>)" "${CLI[@]}" genai keywords scan --engine search-values \
    --keywords "$WORK/keywords.csv" "$WORK/text.txt" --count
best "grep -F -o -f (LC_ALL=C) | wc -l" bash -c "LC_ALL=C grep -F -o -f '$WORK/keywords.txt' '$WORK/text.txt' | wc -l"
best "rg -F -o -f | wc -l" bash -c "rg -F -o -f '$WORK/keywords.txt' '$WORK/text.txt' | wc -l"

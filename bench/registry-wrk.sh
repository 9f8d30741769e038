#!/usr/bin/env bash
# The public registry search page under load: `wrk` (Debian package wrk — a bench tool, not a test dependency)
# against `./suanbei serve` on loopback with a 100,000-entry synthetic SQLite registry.
# Each query is measured after a wrk warm-up on it (tiered JIT settles only after some thousand requests).
# Prints one summary table at the end.
# Usage: bench/registry-wrk.sh [entries=100000] [duration=20s] [warm-up=10s]    (requests go only to 127.0.0.1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/needs.sh"
needs wrk curl python3
entries="${1:-100000}"
duration="${2:-20s}"
warmup="${3:-10s}"
data="${TMPDIR:-/tmp}/suanbei-wrk-$entries"
if [[ ! -f "$data/suanbei.db" ]]; then
  dotnet run -c Release --project "$root/bench/Suanbei.RegistryBench" -- "$entries" --data "$data"
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$root/suanbei" serve --data "$data" --urls "http://127.0.0.1:$port" >"$data/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$port/registry" 2>/dev/null && break; sleep 1; done
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; } # utime + stime of the server (the launcher execs dotnet)
q() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "load average: $(cat /proc/loadavg)"
for query in "q=$(q 智能)" "q=$(q 图)" "q=$(q 豆包)&role=$(q 服务提供者)" "province=$(q 北京)&status=active"; do
  url="http://127.0.0.1:$port/registry?$query"
  wrk -t2 -c16 -d"$warmup" "$url" >/dev/null # warm-up (index load, JIT)
  cpu0="$(cpu)"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "## wrk -t2 -c16 -d$duration --latency '$url'"
  out="$(wrk -t2 -c16 -d"$duration" --latency "$url")"
  echo "$out"
  ms=$(( ($(cpu) - cpu0) * 1000 / $(getconf CLK_TCK) ))
  echo "server CPU during the run: $ms ms"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' \
    "$query")" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)" \
    "$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' | grep . || echo 0)" \
    "$(awk -v c="$ms" -v n="$(echo "$out" | awk '/requests in/ {print $1}')" 'BEGIN { printf "%.2f", c / n }')" \
    "$load" >>"$data/summary.$$"
done
echo "load average: $(cat /proc/loadavg)"
echo
echo "| query | requests/s | p50 | p99 | non-2xx | socket errors | server CPU ms/request | load before |"
echo "|---|---|---|---|---|---|---|---|"
cat "$data/summary.$$"; rm -f "$data/summary.$$"

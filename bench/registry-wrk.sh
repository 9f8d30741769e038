#!/usr/bin/env bash
# The public registry search page under load: `wrk` (Debian package wrk — a bench tool, not a test dependency)
# against `./suanbei serve` on loopback with a 100,000-entry synthetic SQLite registry.
# Usage: bench/registry-wrk.sh [entries=100000] [duration=20s]    (requests go only to 127.0.0.1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
entries="${1:-100000}"
duration="${2:-20s}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
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
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null "$url"; done # warm-up (index load, JIT)
  cpu0="$(cpu)"
  echo "## wrk -t2 -c16 -d$duration --latency '$url'"
  wrk -t2 -c16 -d"$duration" --latency "$url"
  echo "server CPU during the run: $(( ($(cpu) - cpu0) * 1000 / $(getconf CLK_TCK) )) ms"
done
echo "load average: $(cat /proc/loadavg)"

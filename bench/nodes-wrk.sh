#!/usr/bin/env bash
# One app node vs two behind nginx on one PostgreSQL (each node pinned to one core with taskset), then two nodes with
# one stopped and started again mid-run. wrk (16 connections) on the public registry search and on a signed-in
# filer's 我的算法备案 page. Starts its own throwaway PostgreSQL (as user postgres) and nginx in a temp folder.
# Usage: bench/nodes-wrk.sh [duration=30s]       (SUANBEI_DLL: a built suanbei.dll; default: build src/Suanbei.Cli)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-30s}"
secs="${duration%s}"
for tool in wrk nginx taskset curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }; done
dll="${SUANBEI_DLL:-$root/src/Suanbei.Cli/bin/Release/net10.0/suanbei.dll}"
[[ -f "$dll" ]] || dotnet build "$root/src/Suanbei.Cli" -c Release -v quiet -clp:ErrorsOnly
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d /tmp/suanbei-nodes-XXXXXX)"
chmod 755 "$work"
cleanup() {
  for f in "$work"/*.pid; do [[ -f "$f" && "$f" != "$work/nginx.pid" ]] && kill "$(cat "$f")" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [[ -d "$work/pg" ]] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgport="$(free_port)"
install -d -o postgres "$work/pg" "$work/pgsock"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pgsock/log" -w \
  -o "-h 127.0.0.1 -p $pgport -k $work/pgsock -c max_connections=300" start >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc 'CREATE DATABASE suanbei' postgres
db="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=suanbei;Maximum Pool Size=60"

declare -A node_port=([a]="$(free_port)" [b]="$(free_port)")
start_node() { # name cpu
  local port="${node_port[$1]}"
  taskset -c "$2" dotnet "$dll" serve --urls "http://127.0.0.1:$port" --data "$work/$1" --db "$db" \
    --materials "$work/materials" --key-store database >>"$work/$1.log" 2>&1 &
  echo $! >"$work/$1.pid"
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && return; sleep 0.5; done
  echo "node $1 did not become ready" >&2; cat "$work/$1.log" >&2; exit 1
}
stop_node() { # SIGTERM: Kestrel finishes the requests in flight
  local pid; pid="$(cat "$work/$1.pid")"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

nginx_port="$(free_port)"
nginx_conf() { # upstream servers…
  local servers=""
  for n in "$@"; do servers+="    server 127.0.0.1:${node_port[$n]} max_fails=1 fail_timeout=2s;"$'\n'; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy; fastcgi_temp_path $work/nginx-fcgi;
  uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  upstream suanbei {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://suanbei;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
  if [[ -f "$work/nginx.pid" ]]; then nginx -p "$work" -c "$work/nginx.conf" -s reload 2>/dev/null; sleep 1
  else nginx -p "$work" -c "$work/nginx.conf" 2>/dev/null; fi
}

start_node a 0
start_node b 1
base="http://127.0.0.1:$nginx_port"
nginx_conf a b

# A signed-in filer (cookie through nginx) for the filing read.
dotnet "$dll" admin create-user --email bench-filer@example.cn --role filer --password benchpassword1 --db "$db" \
  --data "$work/a" >/dev/null
jar="$work/cookies"
token="$(curl -fsS -c "$jar" -b "$jar" "$base/account/login" \
  | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=bench-filer@example.cn" \
  --data-urlencode "Input.Password=benchpassword1" --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
cookie="$(awk '$6 == "suanbei.auth" {print $6 "=" $7}' "$jar")"
[[ -n "$cookie" ]] || { echo "sign-in failed" >&2; exit 1; }
search="$base/registry?q=%E6%99%BA%E8%83%BD"   # 智能
filings="$base/filings"

run() { # label url [curl/wrk header options]
  local label="$1" url="$2"; shift 2
  for _ in 1 2 3 4 5 6 7 8 9 10; do curl -fsS -o /dev/null "$@" "$url"; done   # warm-up (JIT, index load)
  echo "### $label — wrk -t2 -c16 -d$duration --latency $url   (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c16 -d"$duration" --latency "$@" "$url" | grep -E 'Requests/sec|Non-2xx|Socket errors|  (50|90|99)%|requests in'
}
header=(-H "Cookie: $cookie")

echo "uptime: $(uptime)"
echo "nproc: $(nproc); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'); nginx $(nginx -v 2>&1 | cut -d/ -f2)"
for phase in one two; do
  if [[ $phase == one ]]; then nginx_conf a; else nginx_conf a b; fi
  run "$phase node(s): registry search" "$search"
  run "$phase node(s): filing read" "$filings" "${header[@]}"
done

echo "## two nodes, node b stopped at $((secs / 3)) s and started again at $((2 * secs / 3)) s"
for what in search filings; do
  url="$search"; extra=()
  [[ $what == filings ]] && { url="$filings"; extra=("${header[@]}"); }
  ( sleep "$((secs / 3))"; stop_node b; echo "  (node b stopped at $(date +%T))"; sleep "$((secs / 3))"
    start_node b 1; echo "  (node b ready again at $(date +%T))" ) &
  restarter=$!
  run "two nodes, b restarted: $what" "$url" "${extra[@]}"
  wait "$restarter"
done
echo "uptime: $(uptime)"

#!/usr/bin/env bash
# One app node vs two behind nginx on one PostgreSQL (each node pinned to one core with taskset), then two nodes with
# one stopped and started again mid-run. wrk (16 connections) on the public registry search and on 我的算法备案 of two
# signed-in filers: one without a subject (an empty list), one whose approved subject has five filings (made through
# the API). Starts its own throwaway PostgreSQL (as user postgres) and nginx in a temp folder.
# Every measured run follows a wrk warm-up of each node on that endpoint (tiered JIT and PGO settle only after some
# thousand requests: ten requests left the first rows measuring the JIT), and the restarted node is warmed by the
# run itself, which is the point of that row.
# Each row also gives the CPU time (user+system from /proc) per request of every component: the nodes, nginx (master
# and workers), PostgreSQL (postmaster and its backends) and wrk, and of the whole machine. On a machine with two
# cores, two nodes can do at most 2 / (a + o) requests per ms of wall time (a = a node's CPU per request, o = all the
# rest), one node 1 / a: the ratio the CPU columns predict, max(1, 2a / (a + o)), is printed next to the measured one.
# And the SQL statements per request during each row (pg_stat_statements, both node counts, background work included).
# Prints one summary table at the end.
# Usage: bench/nodes-wrk.sh [duration=30s] [warm-up=15s]
#        (SUANBEI_DLL: a built suanbei.dll; default: build src/Suanbei.Cli;
#         NODE_SETTINGS="NAME=VALUE …": settings of the nodes, the same for the one-node and the two-node runs, e.g.
#         the options of docs/deployment.md 5b; default none (out-of-the-box nodes, as a deployment runs them);
#         NODE_ENV="NAME=VALUE …": more environment of the nodes, e.g. runtime settings to compare;
#         NGINX_MAIN: nginx's top-level directives, default "worker_processes 1;";
#         NGINX_EVENTS / NGINX_HTTP: extra nginx directives, e.g. NGINX_HTTP="proxy_buffering off;";
#         NGINX_UPSTREAM: how nginx picks a node, default "least_conn;" as in docs/deployment.md; "" for round robin;
#         ROUNDS=N: the one-node and two-node rows N times, alternating (the ratio of each round and their median);
#         RESTART=0: skip the rows with a node restarted, for quicker comparisons)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/needs.sh"
needs wrk nginx postgresql util-linux curl procps python3 time
duration="${1:-30s}"
secs="${duration%s}"
warmup="${2:-15s}"
# One wrk thread: 16 connections at a few thousand requests/s keep one event loop far from busy, and a second thread
# only adds wake-ups on the two cores the measured processes share (WRK_THREADS=2 to compare).
wrk_threads="${WRK_THREADS:-1}"
node_settings="${NODE_SETTINGS-}"
for tool in wrk nginx taskset curl pgrep /usr/bin/time; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }; done
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
  -o "-h 127.0.0.1 -p $pgport -k $work/pgsock -c max_connections=300 -c shared_preload_libraries=pg_stat_statements" start >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc 'CREATE DATABASE suanbei' postgres
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc 'CREATE EXTENSION pg_stat_statements' suanbei
db="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=suanbei;Maximum Pool Size=60"

declare -A node_port=([a]="$(free_port)" [b]="$(free_port)")
start_node() { # name cpu
  local port="${node_port[$1]}"
  # shellcheck disable=SC2086 # NODE_SETTINGS and NODE_ENV hold NAME=VALUE words
  env $node_settings ${NODE_ENV:-} taskset -c "$2" dotnet "$dll" serve --urls "http://127.0.0.1:$port" --data "$work/$1" --db "$db" \
    --materials "$work/materials" --key-store database >>"$work/$1.log" 2>&1 &
  echo $! >"$work/$1.pid"
  local t0; t0="$(date +%s.%N)"
  for _ in $(seq 1 480); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then
      # Start-up cost: wall time depends on the machine's load, the node's CPU time much less.
      echo "$1 $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') $(node_cpu "$1")" >>"$work/starts"
      return
    fi
    sleep 0.25
  done
  echo "node $1 did not become ready" >&2; cat "$work/$1.log" >&2; exit 1
}
node_cpu() { # user+system CPU seconds of node $1 so far
  awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$(cat "$work/$1.pid")/stat" 2>/dev/null || echo 0
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
${NGINX_MAIN-worker_processes 1;}
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; ${NGINX_EVENTS:-} }
http {
  access_log off; ${NGINX_HTTP:-}
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy; fastcgi_temp_path $work/nginx-fcgi;
  uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  upstream suanbei {
    ${NGINX_UPSTREAM-least_conn;}
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

antiforgery() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
sign_in() { # email: creates the account (role $2) and prints its "suanbei.auth=…" cookie, signed in through nginx
  dotnet "$dll" admin create-user --email "$1" --role "$2" --password benchpassword1 --db "$db" --data "$work/a" >/dev/null
  local jar="$work/cookies-$1" token
  token="$(curl -fsS -c "$jar" -b "$jar" "$base/account/login" | antiforgery)"
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=benchpassword1" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
  awk '$6 == "suanbei.auth" {print $6 "=" $7}' "$jar"
}
api_token() { # cookie: an API token of that account, made on its 账号 → API 令牌 page
  local jar="$work/token-jar" token
  token="$(curl -fsS -c "$jar" -H "Cookie: $1" "$base/account/manage/tokens" | antiforgery)"
  curl -fsS -b "$jar" -H "Cookie: $1" --data-urlencode "Name=bench" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/account/manage/tokens?handler=Create" | sed -n 's/.*data-testid="new-token">\([^<]*\)<.*/\1/p'
}
api() { # token method path [JSON body]: the response body; fails on an HTTP error
  curl -fsS -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' ${4:+--data "$4"} "$base/api/v1$3"
}
json_id() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }

# The filing read, twice: a filer without a subject (its list is empty; the rows kept from session 8), and a filer whose
# approved subject has a handful of filings (what a filer really opens).
cookie="$(sign_in bench-filer@example.cn filer)"
[[ -n "$cookie" ]] || { echo "sign-in failed" >&2; exit 1; }
owner_cookie="$(sign_in bench-owner@example.cn filer)"
reviewer_cookie="$(sign_in bench-reviewer@example.cn reviewer)"
owner_api="$(api_token "$owner_cookie")"
reviewer_api="$(api_token "$reviewer_cookie")"
[[ -n $owner_api && -n $reviewer_api ]] || { echo "no API token" >&2; exit 1; }
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$work/report.pdf"
material="$(curl -fsS -H "Authorization: Bearer $owner_api" -F "file=@$work/report.pdf;type=application/pdf" \
  "$base/api/v1/materials" | json_id)"
m="\"$material\""
api "$owner_api" PUT /subject "{\"name\":\"北京基准测试科技有限公司\",\"creditCode\":\"91440300708461136T\",
  \"regionCode\":\"110108\",\"address\":\"北京市海淀区中关村大街1号\",\"website\":\"https://example.cn\",\"monthlyActiveUsers\":1000,
  \"certificateType\":\"营业执照\",\"certificateAddress\":\"北京市海淀区\",\"certificateValidity\":\"长期\",\"legalRepName\":\"张三\",
  \"legalRepIdType\":\"居民身份证\",\"legalRepIdNumber\":\"11010519491231002X\",\"officerName\":\"李四\",
  \"officerIdType\":\"居民身份证\",\"officerIdNumber\":\"11010519491231002X\",\"officerMobile\":\"13800138000\",
  \"officerEmail\":\"officer@example.cn\",\"businessLicenceScanId\":$m,\"legalRepIdScanId\":$m,\"officerIdScanId\":$m,
  \"officerEmploymentProofId\":$m,\"officerCommitmentId\":$m,\"filingCommitmentId\":$m,\"responsibilityReportId\":$m}" >/dev/null
subject="$(api "$owner_api" POST /subject/submit | json_id)"
api "$reviewer_api" POST "/review/subjects/$subject/approve" >/dev/null
filing_names=(智能写作文本生成算法 个性化推荐算法 图像合成算法 智能客服对话算法 内容排序精选算法)
for name in "${filing_names[@]}"; do
  id="$(api "$owner_api" POST /filings | json_id)"
  api "$owner_api" PUT "/filings/$id/basic" "{\"name\":\"$name\",\"type\":\"GenerationSynthesis\",\"domain\":\"智能写作\",
    \"launchDate\":\"2026-10-01\",\"role\":\"ServiceProvider\",\"mainPurpose\":\"根据用户输入的主题生成文章。\",
    \"selfAssessmentReportId\":$m,\"disclosureDocumentId\":$m}" >/dev/null
done
search="$base/registry?q=%E6%99%BA%E8%83%BD"   # 智能
filings="$base/filings"

header=(-H "Cookie: $cookie")
owner_header=(-H "Cookie: $owner_cookie")
# The cookie must really sign in: a redirect to the sign-in page would count as a success in wrk.
curl -fsS "${header[@]}" "$filings" | grep -q 'data-testid="logout"' || { echo "the filer's cookie is not accepted" >&2; exit 1; }
owner_page="$(curl -fsS "${owner_header[@]}" "$filings")"
for name in "${filing_names[@]}"; do
  grep -q "$name" <<<"$owner_page" || { echo "the subject's filing $name is not on its list" >&2; exit 1; }
done

to_ms() { # wrk's "12.34ms" / "1.02s" / "870.00us" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.1f", n }'
}
warm() { # url [header options]: each node directly, then through nginx
  local url="$1"; shift
  for n in a b; do
    wrk -t"$wrk_threads" -c16 -d"$warmup" "$@" "${url/$base/http://127.0.0.1:${node_port[$n]}}" >/dev/null
  done
}
summary="$work/summary"
ticks="$(getconf CLK_TCK)"
tree_ticks() { # pid: user+system clock ticks of the process, its children it has waited for, and its live children
  local pid="$1"
  [[ -n $pid && -r /proc/$pid/stat ]] || { echo 0; return; }
  # Fields after the ")" that ends the command name: utime stime cutime cstime are the 12th to 15th.
  { sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 + $14 + $15 }'
    for c in $(pgrep -P "$pid"); do sed 's/.*) //' "/proc/$c/stat" 2>/dev/null | awk '{ print $12 + $13 }'; done
  } | awk '{ s += $1 } END { print s + 0 }'
}
pid_of() { [[ -f $1 ]] && head -1 "$1" || true; }
node_sched() { # per thread of both nodes (/proc/PID/task/TID/schedstat): "TID nanoseconds-waited-on-a-run-queue times-run"
  local n t
  for n in a b; do
    [[ -f $work/$n.pid ]] || continue
    # A thread may end between the listing and the read: skip it (a failed test here would end the script).
    for t in /proc/"$(cat "$work/$n.pid")"/task/*; do
      if [[ -r $t/schedstat ]]; then echo "${t##*/} $(cat "$t/schedstat" 2>/dev/null)"; fi
    done
  done | awk 'NF == 4 { print $1, $3, $4 }'
}
sched_delta() { # before after: run-queue wait (ns) and times run since "before", over the threads alive at the end
  # (a thread pool thread that retired in between takes its counts with it: a slight undercount, never negative).
  awk 'NR == FNR { w[$1] = $2; s[$1] = $3; next } { dw += $2 - w[$1]; ds += $3 - s[$1] } END { printf "%.0f %.0f", dw, ds }' \
    "$1" "$2"
}
cpu_snapshot() { # clock ticks so far: nodes, nginx, PostgreSQL, whole machine (busy), stolen by the hypervisor
  local nodes=0 n
  for n in a b; do [[ -f $work/$n.pid ]] && nodes=$((nodes + $(tree_ticks "$(cat "$work/$n.pid")"))); done
  echo "$nodes $(tree_ticks "$(pid_of "$work/nginx.pid")") $(tree_ticks "$(pid_of "$work/pg/postmaster.pid")") \
$(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $9 }' /proc/stat)"
}
run() { # key label url [header options]
  local key="$1" label="$2" url="$3"; shift 3
  local load out before after
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "### $label — wrk -t$wrk_threads -c16 -d$duration --latency $url   (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  node_sched >"$work/sched.before"
  psql_q 'SELECT pg_stat_statements_reset()' >/dev/null
  before="$(cpu_snapshot)"
  # wrk's own CPU time, from the shell's accounting of its child.
  out="$(/usr/bin/time -f 'wrk-cpu %U %S' wrk -t"$wrk_threads" -c16 -d"$duration" --latency "$@" "$url" 2>&1)"
  after="$(cpu_snapshot)"
  node_sched >"$work/sched.after"
  local sched; sched="$(sched_delta "$work/sched.before" "$work/sched.after")"
  echo "$out" | grep -E 'Requests/sec|Non-2xx|Socket errors|  (50|90|99)%|requests in'
  local sql; sql="$(sql_during "$(echo "$out" | awk '/requests in/ {print $1}')")"
  local rps p50 p90 p99 non2xx sock total wrk_s per
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  total="$(echo "$out" | awk '/requests in/ {print $1}')"
  p50="$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")"
  p90="$(to_ms "$(echo "$out" | awk '$1 == "90%" {print $2}')")"
  p99="$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
  sock="$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}')"
  wrk_s="$(echo "$out" | awk '$1 == "wrk-cpu" {print $2 + $3}')"
  # CPU ms per request of each component (much less sensitive than requests/s to what else runs on the machine):
  # nodes | nginx | PostgreSQL | wrk | the rest (nginx + PostgreSQL + wrk) | the whole machine.
  per="$(awk -v b="$before" -v a="$after" -v w="$wrk_s" -v n="$total" -v t="$ticks" -v restart="${key%%-*}" \
    -v sched="$sched" -v wall="$secs" -v cores="$(nproc)" 'BEGIN {
    split(sched, z, " ")
    split(b, x, " "); split(a, y, " "); if (n <= 0) n = 1
    for (i = 1; i <= 4; i++) { d[i] = (y[i] - x[i]) / t * 1000 / n; if (d[i] < 0) d[i] = 0 }
    w = w * 1000 / n
    # A stopped node takes its CPU time with it: no node columns for the restart rows. The nodes
    # threads run-queue wait (ms) and times they were put on a core, per request: scheduling, not work.
    if (restart == "restart") { node = "–"; wait = "–"; runs = "–" }
    else { node = sprintf("%.2f", d[1]); wait = sprintf("%.2f", z[1] / 1e6 / n); runs = sprintf("%.1f", z[2] / n) }
    # The share of the cores time that the hypervisor gave to other guests during the row (steal): this VM drifts.
    stolen = (y[5] - x[5]) / t / (wall * cores) * 100
    printf "%s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %s", node, d[2], d[3], w, d[2] + d[3] + w, d[4], stolen, wait, runs }')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p90" "$p99" "${non2xx:-0}" \
    "${sock:-0}" "$per" "$sql" "$load" >>"$summary"
  echo "$key $rps $(echo "$per" | awk -F' [|] ' '{ print $1, $5 }')" >>"$work/rates"
}

echo "uptime: $(uptime)"
echo "node settings (both runs): ${node_settings:-(none)}; more node environment: ${NODE_ENV:-(none)}"
echo "nginx: ${NGINX_MAIN-worker_processes 1;} events { ${NGINX_EVENTS:-} } http { ${NGINX_HTTP:-} }"
echo "nproc: $(nproc); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'); nginx $(nginx -v 2>&1 | cut -d/ -f2)"
sql_per_request() { # url [header options]: SQL statements the database executed per request (100 requests)
  local url="$1"; shift
  psql_q 'SELECT pg_stat_statements_reset()' >/dev/null
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$@" "$url"; done
  # Which statements, per request, to the run's log (stderr): where PostgreSQL's share of the CPU goes.
  psql_q "SELECT round(calls / 100.0, 2) || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110)
          FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC" | sed 's/^/    /' >&2
  psql_q "SELECT round(coalesce(sum(calls), 0) / 100.0, 2) FROM pg_stat_statements
          WHERE query NOT LIKE '%pg_stat_statements%'"
}
psql_q() { "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d suanbei -Atqc "$1"; }
sql_during() { # requests: SQL statements per request since the run's reset (under wrk's load, every node serving in the
  # row, background work included); the busiest statements per request to the run's log
  local n="${1:-1}"
  psql_q "SELECT round(calls / greatest($n, 1)::numeric, 3) || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 100)
          FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 5" | sed 's/^/    /' >&2
  psql_q "SELECT round(coalesce(sum(calls), 0) / greatest($n, 1)::numeric, 3) FROM pg_stat_statements
          WHERE query NOT LIKE '%pg_stat_statements%'"
}
echo "warming up each node: wrk -t$wrk_threads -c16 -d$warmup per node and endpoint"
warm "$search"
warm "$filings" "${header[@]}"
warm "$filings" "${owner_header[@]}"
sql_search="$(sql_per_request "$search")"
sql_filings="$(sql_per_request "$filings" "${header[@]}")"
sql_owner="$(sql_per_request "$filings" "${owner_header[@]}")"
echo "SQL statements per request (pg_stat_statements, 100 requests each): registry search $sql_search, \
filing read $sql_filings (no subject), $sql_owner (a subject with ${#filing_names[@]} filings)"
# The one-node and the two-node row of an endpoint run back to back, and every other round starts with two nodes: a
# shared VM's speed drifts by ±10 % from one minute to the next, which rows far apart, always in the same order, would
# take for a difference between one node and two. Several rounds (ROUNDS=N) and their median even out the rest.
rounds="${ROUNDS:-1}"
for r in $(seq 1 "$rounds"); do
  of=""; [[ $rounds -gt 1 ]] && of=" (round $r)"
  order=(one two); (( r % 2 == 0 )) && order=(two one)
  for endpoint in search filings owner; do
    for phase in "${order[@]}"; do
      if [[ $phase == one ]]; then nginx_conf a; else nginx_conf a b; fi
      case $endpoint in
        search) run "$phase-search-$r" "$phase node(s): registry search$of" "$search" ;;
        filings) run "$phase-filings-$r" "$phase node(s): filing read, no subject$of" "$filings" "${header[@]}" ;;
        owner) run "$phase-owner-$r" "$phase node(s): filing read, subject with ${#filing_names[@]} filings$of" "$filings" \
          "${owner_header[@]}" ;;
      esac
    done
  done
done

# RESTART=0 skips the restart rows (quicker comparisons of settings).
[[ ${RESTART:-1} == 1 ]] && echo "## two nodes, node b stopped at $((secs / 3)) s and started again at $((2 * secs / 3)) s"
for what in $([[ ${RESTART:-1} == 1 ]] && echo search filings); do
  url="$search"; extra=()
  [[ $what == filings ]] && { url="$filings"; extra=("${header[@]}"); }
  ( sleep "$((secs / 3))"; stop_node b; echo "  (node b stopped at $(date +%T))"; sleep "$((secs / 3))"
    start_node b 1
    echo "  (node b ready again at $(date +%T), $(tail -1 "$work/starts" | awk '{print $2 " s after start, " $3 " s CPU"}'))"
  ) &
  restarter=$!
  run "restart-$what" "two nodes, b restarted: $what" "$url" "${extra[@]}"
  wait "$restarter"
  # A cold node's first requests, measured directly (no nginx) right after it answered /readyz once.
  stop_node b; start_node b 1
  first="$(for _ in 1 2 3 4 5; do curl -fsS -o /dev/null -w '%{time_total} ' "${extra[@]}" \
    "${url/$base/http://127.0.0.1:${node_port[b]}}"; done)"
  echo "  (a freshly started node b, first five $what requests: $first s)"
  echo "| fresh node b, first five $what requests (s) | $first |" >>"$work/cold"
  warm "$url" "${extra[@]}"
done
echo "uptime: $(uptime)"

field() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$work/rates"; }
ratio() { awk -v a="$(field "$1" 2)" -v b="$(field "$2" 2)" 'BEGIN { printf "%.2f", a / b }'; }
ratios() { # endpoint: "median× (rounds: r1 / r2 / …)" of two nodes ÷ one node, or the one ratio with one round
  local all=() r
  for r in $(seq 1 "$rounds"); do all+=("$(ratio "two-$1-$r" "one-$1-$r")"); done
  if [[ $rounds -eq 1 ]]; then echo "${all[0]}×"; return; fi
  echo "$(printf '%s\n' "${all[@]}" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f", m }')× median (rounds: $(IFS=/; echo "${all[*]}" | sed 's|/| / |g'))"
}
predicted() { # from the one-node row: a = node CPU per request, o = nginx + PostgreSQL + wrk per request
  awk -v a="$(field "$1" 3)" -v o="$(field "$1" 4)" 'BEGIN { r = 2 * a / (a + o); printf "%.2f", (r < 1 ? 1 : r) }'
}
echo
echo "## Summary (duration $duration after a $warmup warm-up per node and endpoint, wrk -t$wrk_threads -c16)"
echo
echo "Node settings, the same in every row: ${node_settings:-(none)} ${NODE_ENV:-}"
echo
echo "CPU columns: user+system milliseconds per request of both nodes, nginx (master and workers), PostgreSQL"
echo "(postmaster and backends), wrk, the three together (o), and the whole machine (/proc/stat, anything that ran)."
echo "Stolen: the share of the $(nproc) cores' time during the row that the hypervisor gave to other guests (/proc/stat steal)."
echo
echo "SQL per request: statements PostgreSQL executed during the row (pg_stat_statements), over its requests, background"
echo "work of the nodes included."
echo
echo "Nodes' scheduling per request (both nodes' threads, /proc/PID/task/*/schedstat): run-queue wait in ms, and the"
echo "times a thread was put on a core (each one a wake-up or a preemption)."
echo
echo "| run | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | nodes | nginx | PostgreSQL | wrk | o | machine \
| stolen % | node run-queue wait | node runs | SQL per request | load before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
cat "$summary"
echo
echo "nginx upstream: ${NGINX_UPSTREAM-least_conn;} (round robin when empty)"
echo "two nodes ÷ one node, requests/s: registry search $(ratios search) \
(the first one-node row's CPU columns predict $(predicted one-search-1)×), filing read without a subject \
$(ratios filings) (predicted $(predicted one-filings-1)×), filing read of a subject with \
${#filing_names[@]} filings $(ratios owner) (predicted $(predicted one-owner-1)×)"
echo "SQL statements per request, 100 sequential requests through nginx to both nodes: registry search $sql_search, \
filing read $sql_filings (no subject), $sql_owner (subject)"
cat "$work/cold" 2>/dev/null || true
echo
echo "| node start (until /readyz answers 200) | wall s | node CPU s |"
echo "|---|---|---|"
awk '{ printf "| node %s | %s | %s |\n", $1, $2, $3 }' "$work/starts"

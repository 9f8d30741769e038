#!/usr/bin/env bash
# Robustness sweep of the label CLI over real-world files and seeded mutants of them.
#
# For every regular file under the given folders, and for MUTANTS seeded mutants of each (truncation, bit flips,
# extreme length fields, insertions, duplicated spans, zeroed words), it runs
#   verify --json FILE
#   write FILE -o OUT                       then verify OUT: exactly one label, with this run's ProduceID
#   propagate FILE -o OUT --declared        then verify OUT: exactly one label, with this run's PropagateID
#   write COPY --in-place                   then verify COPY; on refusal COPY must equal FILE byte for byte
# each under a per-command timeout and /usr/bin/time (peak RSS), files in parallel, and reports
#   crash      an exit code outside the contract (verify 0-3/10, write 0/10, propagate 0/2/3/10), an unhandled
#              exception or stack trace on stderr, or a write refused with the CLI's "内部错误" (a writer bug)
#   hang       the timeout fired
#   noop       write/propagate exited 0 but verify of the output does not show exactly that one label
#   changed    an in-place write was refused but the file was modified
#   undecodable the input decodes with a peer tool but the written output does not
#              (ffprobe for audio/video, vips for images, qpdf --check for PDF)
#   leftover   a temp file (*.partial) left in the output folder
# Usage:
#   dotnet build src/Suanbei.Labels.Cli -c Release -o /tmp/labelcli
#   bench/robustness-sweep.sh [-j JOBS] [-t SECONDS] [-m MUTANTS] [-s SEED] [-o OUTDIR] [--cli DLL] FOLDER...
# Results: OUTDIR/results.tsv (one line per command), OUTDIR/findings.tsv (every problem), a summary on stdout.
# Exit status: 0 when there are no findings, 1 otherwise.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/needs.sh"
needs time coreutils ffmpeg libvips-tools qpdf

jobs=$(nproc)
timeout_s=60
mutants=2
seed=20261205
out=/tmp/suanbei-sweep
cli=/tmp/labelcli/suanbei-label.dll
folders=()
while (($#)); do
  case $1 in
    -j) jobs=$2; shift 2 ;;
    -t) timeout_s=$2; shift 2 ;;
    -m) mutants=$2; shift 2 ;;
    -s) seed=$2; shift 2 ;;
    -o) out=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) folders+=("$1"); shift ;;
  esac
done
((${#folders[@]})) || { echo "usage: $0 [options] FOLDER..." >&2; exit 2; }
[[ -f $cli ]] || { echo "label CLI not found at $cli (dotnet build src/Suanbei.Labels.Cli -c Release -o /tmp/labelcli)" >&2; exit 2; }

rm -rf "$out"; mkdir -p "$out/mutants" "$out/work" "$out/res"
producer=$(dotnet "$cli" label producer-code build --credit-code 91440300000000000E) || exit 2
export cli timeout_s out producer

# ---------- mutants (pure bash + dd, reproducible from the seed) ----------
rnd() { echo $(( (RANDOM * 32768 + RANDOM) % $1 )); }
# Half of the positions fall in the first 64 KiB, where containers keep their structure.
pos() { local len=$1; if (( RANDOM % 2 && len > 65536 )); then rnd 65536; else rnd "$len"; fi; }
put_bytes() { printf "$2" | dd of="$1" bs=1 seek="$3" conv=notrunc status=none; }
mutate() { # src dst kind
  local src=$1 dst=$2 kind=$3 len at n
  len=$(stat -c %s "$src"); ((len > 0)) || { cp "$src" "$dst"; return; }
  case $kind in
    truncate) head -c "$(pos "$len")" "$src" > "$dst" ;;
    bitflip)
      cp "$src" "$dst"
      for ((n = 1 + RANDOM % 8; n > 0; n--)); do
        at=$(pos "$len")
        local b; b=$(od -An -tu1 -j "$at" -N1 "$src" | tr -d ' ')
        put_bytes "$dst" "\\x$(printf %02x $(( b ^ (1 << (RANDOM % 8)) )))" "$at"
      done ;;
    length)
      cp "$src" "$dst"; at=$(pos "$len"); ((at + 4 <= len)) || at=0
      case $((RANDOM % 4)) in
        0) put_bytes "$dst" '\xff\xff\xff\xff' "$at" ;;
        1) put_bytes "$dst" '\x7f\xff\xff\xff' "$at" ;;
        2) put_bytes "$dst" '\x00\x00\x00\x01' "$at" ;;
        *) put_bytes "$dst" '\xff\xff\xff\x7f' "$at" ;;
      esac ;;
    zero) cp "$src" "$dst"; at=$(pos "$len"); ((at + 4 <= len)) || at=0; put_bytes "$dst" '\x00\x00\x00\x00' "$at" ;;
    insert)
      at=$(pos "$len"); n=$((1 + RANDOM % 64))
      { head -c "$at" "$src"; head -c "$n" /dev/urandom; tail -c +"$((at + 1))" "$src"; } > "$dst" ;;
    duplicate)
      at=$(pos "$len"); n=$((1 + RANDOM % 4096)); local from; from=$(pos "$len")
      { head -c "$at" "$src"; tail -c +"$((from + 1))" "$src" | head -c "$n"; tail -c +"$((at + 1))" "$src"; } > "$dst" ;;
  esac
}
kinds=(truncate bitflip length zero insert duplicate)

mapfile -d '' originals < <(find "${folders[@]}" -type f -print0 | sort -z)
list=$out/files.txt; : > "$list"
i=0
for f in "${originals[@]}"; do
  printf '%s\n' "$f" >> "$list"
  for ((m = 0; m < mutants; m++)); do
    RANDOM=$((seed + i * 131 + m))
    kind=${kinds[$((RANDOM % ${#kinds[@]}))]}
    base=$(basename "$f"); dst="$out/mutants/$i-$m-$kind-$base"
    mutate "$f" "$dst" "$kind"
    printf '%s\n' "$dst" >> "$list"
  done
  i=$((i + 1))
done
echo "files: ${#originals[@]} originals + $((${#originals[@]} * mutants)) mutants; $jobs in parallel, ${timeout_s}s timeout per command" >&2

# ---------- one file ----------
sweep_one() {
  local idx=$1 file=$2
  local dir="$out/work/$idx" res="$out/res/$idx.tsv" ext="" base
  base=$(basename "$file"); [[ $base == *.* ]] && ext=".${base##*.}"
  mkdir -p "$dir"
  local rc rss secs err="$dir/stderr" json="$dir/verify.json"
  run() { # op expected-codes args...
    local op=$1 ok=$2; shift 2
    /usr/bin/time -f '%M %e' -o "$dir/time" timeout -k 5 "$timeout_s" dotnet "$cli" label "$@" > "$dir/stdout" 2> "$err"
    rc=$?
    read -r rss secs < <(tail -n1 "$dir/time" 2>/dev/null || echo "0 0")
    local class=ok
    if ((rc == 124 || rc == 137)); then class=hang
    elif [[ " $ok " != *" $rc "* ]] || grep -qE 'Unhandled exception|^ +at |内部错误' "$err"; then class=crash
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$op" "$rc" "$rss" "$secs" "$class" "$(head -c 300 "$err" | tr '\t\n' '  ')" >> "$res"
    [[ $class == ok ]]
  }
  finding() { printf '%s\t%s\t-\t-\t-\t%s\t%s\n' "$file" "$1" "$2" "$3" >> "$res"; }
  # Outputs are verified together in one call at the end (one process start instead of three).
  local checks=()
  expect() { checks+=("$1|$2|$3|$4"); } # output field value finding-op
  decoder() { # format → command that exits non-zero when the file does not decode
    case $1 in
      png|jpeg|webp|tiff|gif|heif) echo "vips avg" ;;
      mp4|mkv|ogg|flac|mp3|wav|avi) echo "ffprobe -v error -show_streams" ;;
      pdf) echo "qpdf --check" ;;
    esac
  }
  check_decodes() { # format input output
    local d; d=$(decoder "$1"); [[ -n $d ]] || return 0
    timeout 60 $d "$2" > /dev/null 2>&1 || return 0 # the input itself does not decode: nothing to compare
    timeout 60 $d "$3" > /dev/null 2>&1 || finding decode undecodable "$d fails on the output"
  }

  run verify "0 1 2 3 10" verify --json "$file" || return 0
  local format; format=$(grep -o '"format":"[a-z0-9]*"' "$dir/stdout" | head -n1 | cut -d'"' -f4)

  local id="SWEEP-$idx" o="$dir/written$ext"
  if run write "0 10" write "$file" -o "$o" --producer "$producer" --produce-id "$id" && ((rc == 0)); then
    expect "$o" ProduceID "$id" write-readback
    check_decodes "$format" "$file" "$o"
  fi
  local p="$dir/propagated$ext"
  if run propagate "0 2 3 10" propagate "$file" -o "$p" --propagator "$producer" --propagate-id "P-$id" --declared && ((rc == 0)); then
    expect "$p" PropagateID "P-$id" propagate-readback
  fi
  local c="$dir/inplace$ext"
  cp "$file" "$c"
  if run in-place "0 10" write "$c" --in-place --producer "$producer" --produce-id "I-$id"; then
    if ((rc == 0)); then
      expect "$c" ProduceID "I-$id" in-place-readback
      check_decodes "$format" "$file" "$c"
    elif ! cmp -s "$file" "$c"; then finding in-place-refused changed "refused but the file was modified"
    fi
  fi
  if ((${#checks[@]})); then
    local outputs=() x
    for x in "${checks[@]}"; do outputs+=("${x%%|*}"); done
    dotnet "$cli" label verify --json "${outputs[@]}" > "$json" 2>/dev/null
    for x in "${checks[@]}"; do
      IFS='|' read -r o field value op <<< "$x"
      # exactly one label, carrying this run's value (verify prints one JSON line per file)
      local line; line=$(grep -F "\"file\":\"$o\"" "$json")
      [[ $(grep -o '"placement"' <<< "$line" | wc -l) == 1 && $line == *"\"$field\":\"$value\""* ]] ||
        finding "$op" noop "$(head -c 300 <<< "$line")"
    done
  fi
  local left; left=$(find "$dir" -name '*.partial' | head -n1)
  [[ -z $left ]] || finding temp leftover "$left"
  rm -rf "$dir"
}
export -f sweep_one

start=$(date +%s)
awk '{ print NR; print }' "$list" | xargs -d '\n' -n2 -P "$jobs" bash -c 'sweep_one "$1" "$2"' _
elapsed=$(($(date +%s) - start))

{ printf 'file\top\texit\tpeak_rss_kb\tseconds\tclass\tstderr\n'; cat "$out"/res/*.tsv 2>/dev/null; } > "$out/results.tsv"
awk -F'\t' 'NR > 1 && $6 != "ok"' "$out/results.tsv" > "$out/findings.tsv"

awk -F'\t' -v n="$(wc -l < "$list")" -v elapsed="$elapsed" '
  NR == 1 { next }
  $2 ~ /^(verify|write|propagate|in-place)$/ { runs[$2]++; if ($4 > peak) { peak = $4; peakfile = $1 " (" $2 ")" } if ($5 > slow) { slow = $5; slowfile = $1 " (" $2 ")" } }
  $2 == "write" && $3 == 0 { written++ } $2 == "write" && $3 == 10 { refused++ }
  $2 == "in-place" && $3 == 0 { inplace++ } $2 == "propagate" && $3 == 0 { propagated++ }
  $6 != "ok" { bad[$6]++ }
  END {
    printf "inputs: %d files, %d s\n", n, elapsed
    printf "commands: verify %d, write %d (%d written, %d refused), propagate %d (%d written), in-place %d (%d written)\n",
      runs["verify"], runs["write"], written, refused, runs["propagate"], propagated, runs["in-place"], inplace
    printf "crash %d, hang %d, noop %d, changed %d, undecodable %d, leftover %d\n",
      bad["crash"], bad["hang"], bad["noop"], bad["changed"], bad["undecodable"], bad["leftover"]
    printf "peak RSS %.1f MB: %s\nslowest %.2f s: %s\n", peak / 1024, peakfile, slow, slowfile
  }' "$out/results.tsv"
[[ ! -s $out/findings.tsv ]]

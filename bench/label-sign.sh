#!/usr/bin/env bash
# Signing cost on a 1 GB MP4: `label sign --in-place` (SecurityData with SM2/SM3 or ECDSA P-256/SHA-256 in
# ReservedCode1: write the label, hash the content bytes, rewrite the label) and `label verify-signature` (hash +
# verify), against the hash tool over the same file (one read and hash of every byte): `openssl dgst -sm3` for SM2,
# `sha256sum` for P-256 (goal: within 1.2x), and `label write --in-place` on the same file (the 1 GB in-place write,
# < 15 ms goal). Suanbei is the label program as ./suanbei runs it (.build/label,
# built once outside the timing); medians of RUNS runs; `uptime` before and after (the machine may be shared).
# Also printed: `cat` of the file (the page-cache read alone, what any of these tools pays for I/O), MB/s of wall
# and of CPU per command, and `openssl speed -evp sm3` (OpenSSL's SM3 in memory, no I/O) for the hash alone.
# Usage: [SIZE_MB=1024] [RUNS=5] [WORK=/tmp/suanbei-bench-sign] bench/label-sign.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/needs.sh
needs ffmpeg openssl coreutils
WORK=${WORK:-/tmp/suanbei-bench-sign}
SIZE_MB=${SIZE_MB:-1024}
RUNS=${RUNS:-5}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
P=001191440300708461136T1XGW3
"$PWD/suanbei" label producer-code check "$P" >/dev/null   # builds the label program outside the timing
CLI="$PWD/.build/label/suanbei-label"
[[ -x $CLI ]] || CLI="dotnet $PWD/.build/label/suanbei-label.dll"

ffmpeg -v error -y -f lavfi -i testsrc2=s=1280x720:r=30:d=10 -f lavfi -i sine=d=10 -c:v mpeg4 -q:v 1 -c:a aac "$WORK/clip.mp4"
loops=$(( SIZE_MB * 1024 * 1024 / $(stat -c %s "$WORK/clip.mp4") ))
ffmpeg -v error -y -stream_loop "$loops" -i "$WORK/clip.mp4" -c copy "$WORK/raw.mp4"
$CLI label write "$WORK/raw.mp4" -o "$WORK/big.mp4" --producer "$P" --produce-id bench-0001 >/dev/null
rm -f "$WORK/raw.mp4" "$WORK/clip.mp4"
for alg in sm2 p256; do $CLI label keygen --alg $alg --private "$WORK/$alg.pem" --public "$WORK/$alg.pub.pem" >/dev/null; done
cat "$WORK/big.mp4" > /dev/null   # in the page cache for every tool alike

TIMEFORMAT='%R %U %S'
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
measure() {   # NAME PEER COMMAND…: median wall and CPU seconds of RUNS runs, and the ratios to PEER's (a name measured before)
  local name=$1 peer=$2; shift 2
  : > "$WORK/t"
  for _ in $(seq 1 "$RUNS"); do { time "$@" > /dev/null; } 2>> "$WORK/t"; done
  local wall cpu
  wall=$(awk '{ print $1 }' "$WORK/t" | median); cpu=$(awk '{ print $2 + $3 }' "$WORK/t" | median)
  walls[$name]=$wall; cpus[$name]=$cpu
  local rates
  rates=$(awk -v w="$wall" -v c="$cpu" -v n="$bytes" 'BEGIN { printf "%7.0f %7.0f", n / w / 1e6, n / c / 1e6 }')
  if [[ -n $peer ]]; then
    printf "%-40s %8.3f %8.3f %s %12s %7.2f %7.2f\n" "$name" "$wall" "$cpu" "$rates" "$peer" \
      "$(awk -v a="$wall" -v b="${walls[$peer]}" 'BEGIN { print a / b }')" \
      "$(awk -v a="$cpu" -v b="${cpus[$peer]}" 'BEGIN { print a / b }')"
  else printf "%-40s %8.3f %8.3f %s\n" "$name" "$wall" "$cpu" "$rates"; fi
}
declare -A walls cpus
bytes=$(stat -c %s "$WORK/big.mp4")
echo "file: $bytes bytes; cores: $(nproc); before: $(uptime)"
printf "%-40s %8s %8s %7s %7s %12s %7s %7s\n" "medians of $RUNS runs" "wall s" "CPU s" "MB/s" "MB/s CPU" "peer" \
  "x wall" "x CPU"
measure "cat (page-cache read only)" "" cat "$WORK/big.mp4"
measure "sha256sum" "" sha256sum "$WORK/big.mp4"
measure "openssl-sm3" "" openssl dgst -sm3 "$WORK/big.mp4"
measure "label write --in-place (no signature)" "" $CLI label write "$WORK/big.mp4" --in-place --producer "$P" --produce-id bench-0001
declare -A peer_of=([sm2]=openssl-sm3 [p256]=sha256sum)
for alg in sm2 p256; do
  measure "label sign --in-place --alg $alg" "${peer_of[$alg]}" \
    $CLI label sign "$WORK/big.mp4" --in-place --key "$WORK/$alg.pem" --alg $alg
  measure "label verify-signature ($alg)" "${peer_of[$alg]}" $CLI label verify-signature "$WORK/big.mp4" --key "$WORK/$alg.pub.pem"
done
$CLI label verify-signature "$WORK/big.mp4" --key "$WORK/p256.pub.pem"   # the last signature, checked
echo "openssl speed -evp sm3, 16 KiB blocks, in memory: $(openssl speed -seconds 3 -bytes 16384 -evp sm3 2>/dev/null \
  | awk '/^sm3/ { printf "%.0f MB/s of CPU", $2 / 1000 }')"
echo "after: $(uptime)"

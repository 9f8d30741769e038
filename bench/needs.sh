# Sourced by the benchmark scripts: `needs PACKAGE…` installs the Debian packages a benchmark runs that are missing,
# as ./test does for the tests, so every benchmark runs on a fresh machine with its one command (wrk, linux-perf and
# ripgrep are on no machine by default). Packages are installed without recommends, so each script names what it runs.
needs() {
  local missing=() p sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  echo "bench: installing Debian package(s) this benchmark runs: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

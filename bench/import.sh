#!/usr/bin/env bash
# maalplan import benchmark (`make bench`, after bench/run.sh; or on its own: bash bench/import.sh).
#
# Makes N distinct plans with the project's own builder (make-plans, 2025 layout, every phase
# represented) for each N in SIZES, and times over the same files, in one run:
#   - maalplan import into a fresh database (whole process, --jobs JOBS), best of ROUNDS,
#     each round right after a run of the floor as a process (below), so both meet the same load;
#     with user+sys CPU and peak memory (max RSS) from /usr/bin/time;
#   - the same import re-run on the full database (every file unchanged);
#   - bench/floor.c -p doc: libzip + xmlTextReader over word/document.xml only, nothing else,
#     one thread: its median in-process pass (files already in memory), and its whole process
#     making one pass (-1: read each file, inflate, parse; what import does before its own work),
#     best of ROUNDS;
#   - python-docx opening each file and reading only its tables' text, where it is installed
#     (pip install python-docx; skipped when it cannot be had), for N <= PYDOCX_MAX.
# Targets: 2,000 plans imported in at most 2x the floor's time; peak memory <= 150 MiB;
# time growing linearly from 500 to 5,000 plans (time per plan at 5,000 within 1.5x of 500).
#
# Knobs (environment): SIZES ("500 2000 5000"), ROUNDS (3), JOBS (nproc), PYDOCX_MAX (2000),
# WORK (a temporary folder, removed at the end unless KEEP=1).
# Figures go to stdout and bench/out/import-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

# libzip converts each zip entry's time with mktime(); with TZ unset glibc stat()s /etc/localtime
# each time. maalplan names TZ itself when it is unset; the floor (C) does not, so every program
# here runs with it named, and the floor is spared those calls as well.
export TZ=${TZ:-:/etc/localtime}

SCRATCH=.build-bench
OUT=bench/out
BIN=$SCRATCH/release
SIZES=${SIZES:-"500 2000 5000"}
ROUNDS=${ROUNDS:-3}
JOBS=${JOBS:-$(nproc)}
PYDOCX_MAX=${PYDOCX_MAX:-2000}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/maalplan-bench-import.XXXXXX")}
mkdir -p "$OUT" "$WORK"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerer: ${need[*]}"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" || true
fi

echo "== build (release, --scratch-path $SCRATCH)"
# As `make build` builds them (static Swift runtime): what users run.
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product maalplan
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product maalplan-store
swift build -c release --scratch-path "$SCRATCH" --product make-plans
if [ ! -x "$OUT/floor" ] || [ bench/floor.c -nt "$OUT/floor" ]; then
  # shellcheck disable=SC2046
  cc -O2 -o "$OUT/floor" bench/floor.c $(pkg-config --cflags --libs libzip libxml-2.0)
fi

PY=${PYTHON:-python3}
pydocx=0
if command -v "$PY" >/dev/null; then
  if "$PY" -c 'import docx' 2>/dev/null || "$PY" -m pip install --quiet python-docx >/dev/null 2>&1; then
    "$PY" -c 'import docx' 2>/dev/null && pydocx=1
  fi
fi
[ "$pydocx" = 1 ] || echo "   (python-docx not available: its column stays empty)"

# /usr/bin/time fields: wall seconds, user seconds, sys seconds, max RSS KiB.
timed() { /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt" >&2; return 1; }; cat "$WORK/time.txt"; }
fmin() { sort -n | head -1; }
calc() { awk "BEGIN{ printf \"%.${2:-2}f\", $1 }"; }

rows=()
declare -A per_plan
for n in $SIZES; do
  dir="$WORK/plans-$n"
  echo "== $n plans"
  rm -rf "$dir"
  "$BIN/make-plans" "$n" "$dir" >/dev/null
  files=("$dir"/*.docx)
  mib=$(du -sm "$dir" | cut -f1)

  # Floor: median in-process pass (files in memory, 1 thread).
  fl=$("$OUT/floor" -w 1 -p doc "$ROUNDS" "${files[@]}")
  echo "   $fl"
  floor_ms=$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' <<<"$fl")

  # Rounds: the floor as a whole process (read + 1 pass), then import into a fresh database, one
  # after the other, so that both meet the same load; the best wall time of each is kept (with its
  # CPU); peak = the largest max RSS of the imports.
  best=""; fbest=""; peak=0
  for _ in $(seq "$ROUNDS"); do
    read -r fw fu fs frss < <(timed "$OUT/floor" -1 -p doc 1 "${files[@]}")
    if [ -z "$fbest" ] || awk "BEGIN{exit !($fw < $fbest)}"; then fbest=$fw; fi
    rm -f "$WORK/bench.sqlite" "$WORK/bench.sqlite-wal" "$WORK/bench.sqlite-shm"
    read -r w u s rss < <(timed "$BIN/maalplan" import "$dir" --db "$WORK/bench.sqlite" --jobs "$JOBS")
    echo "   floor process: ${fw} s;  import: ${w} s wall, $(calc "$u + $s") s cpu, $((rss / 1024)) MiB"
    [ "$rss" -gt "$peak" ] && peak=$rss
    if [ -z "$best" ] || awk "BEGIN{exit !($w < ${best%% *})}"; then best="$w $(calc "$u + $s")"; fi
  done
  fw=$fbest
  read -r iw icpu <<<"$best"
  plans=$("$BIN/maalplan" report --db "$WORK/bench.sqlite" --lang en | sed -n 's/^\([0-9]*\) plans*$/\1/p')
  read -r rw ru rs rrss < <(timed "$BIN/maalplan" import "$dir" --db "$WORK/bench.sqlite" --jobs "$JOBS")

  py="-"
  if [ "$pydocx" = 1 ] && [ "$n" -le "$PYDOCX_MAX" ]; then
    read -r py _ _ _ < <(timed "$PY" bench/python_docx_tables.py "${files[@]}")
    echo "   python-docx (tables' text): $py s"
  fi

  floor_s=$(calc "$floor_ms / 1000" 3)
  per_plan[$n]=$(calc "$iw * 1000 / $n" 3)
  rows+=("$(printf '%6s %6s %5s  %8s %8s %6s  %8s %8s  %7s %7s  %8s  %9s  %6s' \
    "$n" "$plans" "$mib" "$iw" "$icpu" "$((peak / 1024))" "$floor_s" "$fw" \
    "$(calc "$iw / $floor_s")x" "$(calc "$iw / $fw")x" "${per_plan[$n]}" "$rw" "$py")")
done

verdict() { awk "BEGIN{ print (($1) ? \"ok\" : \"OVER\") }"; }
{
  echo "maalplan import bench  $(date -u +%Y-%m-%dT%H:%MZ)  $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet -- Sources 2>/dev/null || echo '+dirty')  $(nproc) cpu  load $(cut -d' ' -f1-3 /proc/loadavg)  --jobs $JOBS"
  echo
  echo "     N  plans   MiB  import-s    cpu-s  peak-MiB  floor-s  floor-p-s  /floor  /floor-p  ms/plan  rerun-s  pydocx-s"
  printf '%s\n' "${rows[@]}"
  echo
  echo "  import-s   maalplan import into a fresh database, whole process, best of $ROUNDS (cpu-s: its user+sys)"
  echo "  peak-MiB   the largest max RSS of those runs (/usr/bin/time)"
  echo "  floor-s    bench/floor.c -p doc: median in-process pass over the same files (in memory, 1 thread)"
  echo "  floor-p-s  the floor as a whole process, one pass (floor -1: reads, inflates and parses each file once), best of $ROUNDS"
  echo "  /floor     import-s / floor-s;  /floor-p: import-s / floor-p-s"
  echo "  rerun-s    the same import again on the full database (every file unchanged)"
  echo "  pydocx-s   python-docx opening each file and reading only its tables' text (whole process)"
  set -- $SIZES
  first=$1; last=${!#}
  if [ -n "${per_plan[2000]:-}" ]; then
    r2000=$(printf '%s\n' "${rows[@]}" | awk '$1==2000{print $9}' | tr -d x)
    p2000=$(printf '%s\n' "${rows[@]}" | awk '$1==2000{print $10}' | tr -d x)
    echo
    echo "targets:"
    echo "  2,000 plans in <= 2x the floor, as processes (floor -1):      ${p2000}x  $(verdict "$p2000 <= 2")"
    echo "  2,000 plans in <= 2x the floor's in-memory pass (stricter):   ${r2000}x  $(verdict "$r2000 <= 2")"
  fi
  maxpeak=$(printf '%s\n' "${rows[@]}" | awk '{print $6}' | sort -n | tail -1)
  echo "  peak memory <= 150 MiB:                 ${maxpeak} MiB  $(verdict "$maxpeak <= 150")"
  if [ "$first" != "$last" ]; then
    g=$(calc "${per_plan[$last]} / ${per_plan[$first]}")
    echo "  linear ($first -> $last, ms/plan ratio <= 1.5): ${g}  $(verdict "$g <= 1.5")"
  fi
  echo
  echo "re-run: bash bench/import.sh   (SIZES=\"500 2000 5000\" ROUNDS=3 JOBS=$(nproc))"
} > "$OUT/import-results.txt"
echo
cat "$OUT/import-results.txt"

#!/usr/bin/env bash
# maalplan benchmarks (`make bench`). Figures go to stdout and bench/out/results.txt.
#
#  (a) `maalplan inspect` as a whole process (hyperfine -N, median of 30 runs) of the plan
#      (Fixtures/tryghed-2025-complete.docx) and of every fixture, next to
#      `maalplan --version` (what process start-up alone costs);
#  (b) reading alone, in process: maalplan-bench-read (WordReader.read(bytes:)) against
#      bench/floor.c (libzip + xmlTextReader, nothing else) over the same files: the plan,
#      Fixtures/*.docx and, when ../shared/corpus/third-party exists, the 20 corpus
#      documents with the largest word/document.xml that read fine. Two floors:
#        floor:doc   the main part only (word/document.xml): "the floor";
#        floor:same  the XML parts WordReader itself reads (content types, rels, document,
#                    styles, numbering, headers, footers, notes, core) -- like for like;
#  (c) peak memory (max RSS) of one inspect, from /usr/bin/time -v.
#
# Wall-clock medians are what the targets speak of; the machine is often shared, so
# the CPU time per pass (in process) and user+sys (whole process) are shown as well,
# being less disturbed by other work.
#
# Targets: inspect <= 10 ms a plan; reading within 1.5x of the floor.
#
# Knobs (environment): PLAN, PASSES (fixture passes, 200), CORPUS_PASSES (20),
# ROUNDS (3: floor and model run alternately this many times, the best median of each
# is kept), RUNS (hyperfine runs, 30), CORPUS (../shared/corpus/third-party; empty: none),
# CORPUS_COUNT (20).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=.build-bench
OUT=bench/out
BIN=$SCRATCH/release
PLAN=${PLAN:-Fixtures/tryghed-2025-complete.docx}
PASSES=${PASSES:-200}
CORPUS_PASSES=${CORPUS_PASSES:-20}
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-30}
CORPUS=${CORPUS-../shared/corpus/third-party}
CORPUS_COUNT=${CORPUS_COUNT:-20}
mkdir -p "$OUT"

# ---------------------------------------------------------------- tools
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v unzip >/dev/null || need+=(unzip)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerer: ${need[*]}"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"; } \
    || echo "bench: could not install ${need[*]}; going on without what is missing" >&2
fi

echo "== build (release, --scratch-path $SCRATCH)"
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product maalplan
swift build -c release --scratch-path "$SCRATCH" --product maalplan-bench-read
# shellcheck disable=SC2046
cc -O2 -o "$OUT/floor" bench/floor.c $(pkg-config --cflags --libs libzip libxml-2.0)

[ -f "$PLAN" ] || { echo "bench: no plan $PLAN (set PLAN=...)" >&2; exit 1; }

# ---------------------------------------------------------------- helpers
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }              # field NAME < "k=v k=v" line
fmin() { awk 'NR==1||$1<m{m=$1} END{printf "%.3f", m}'; }      # smallest of a column
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2fx", a/b; else print "-" }'; }
ms() { awk -v s="$1" 'BEGIN{ if (s == "-" || s == "") print "-"; else printf "%.2f", s*1000 }'; }
per() { awk -v a="$1" -v n="$2" 'BEGIN{printf "%.2f", a/n}'; }
verdict() { awk -v a="$1" -v t="$2" 'BEGIN{ print (a <= t ? "ok" : "OVER") }'; }

# Files both readers read: maalplan reads it (exit 0) and the floor opens it.
readable() {
  local f
  for f in "$@"; do
    if "$BIN/maalplan" inspect "$f" >/dev/null 2>&1 && "$OUT/floor" -w 0 -p same 1 "$f" >/dev/null 2>&1; then
      printf '%s\n' "$f"
    fi
  done
}

# A command as a whole process: "median min user+sys" in seconds (user+sys "-" without hyperfine).
process_stats() {  # name, command...
  local name=$1; shift
  local json="$OUT/inspect-$name.json"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$json" "$(printf '%q ' "$@")" >/dev/null 2>&1 \
      || hyperfine --warmup 3 --runs "$RUNS" --export-json "$json" "$(printf '%q ' "$@") >/dev/null" >/dev/null
    local k v
    for k in median min user system; do
      v=$(sed -n "s/.*\"$k\": *\([0-9.eE+-]*\).*/\1/p" "$json" | head -1)
      printf -v "hf_$k" '%s' "$v"
    done
    # shellcheck disable=SC2154
    echo "$hf_median $hf_min $(awk -v u="$hf_user" -v s="$hf_system" 'BEGIN{print u+s}')"
  else
    local t=() t0
    for _ in 1 2 3; do "$@" >/dev/null; done
    for _ in $(seq "$RUNS"); do
      t0=$(date +%s%N); "$@" >/dev/null; t+=($(( $(date +%s%N) - t0 )))
    done
    printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END{printf "%.6f %.6f -\n", a[int((NR+1)/2)]/1e9, a[1]/1e9}'
  fi
}

# floor:doc, floor:same and model over a file set, alternating, ROUNDS times; the best
# (smallest) median of each is kept. Sets R_* (wall median ms), C_* (CPU median ms), N_*.
# Also floor:same through libxml2's SAX2 push parser instead of xmlTextReader (C_SAX),
# for comparison: what the same parts cost without xmlTextReader's per-node tree.
read_bench() {  # passes, files...
  local passes=$1; shift
  local wd=() ws=() wm=() wk=() cd=() cs=() cm=() cx=() line
  for _ in $(seq "$ROUNDS"); do
    line=$("$OUT/floor" -p doc "$passes" "$@");  echo "   $line" >&2
    wd+=("$(field median_ms <<<"$line")"); cd+=("$(field cpu_ms <<<"$line")"); N_DOC=$(field nodes <<<"$line")
    line=$("$OUT/floor" -p same "$passes" "$@"); echo "   $line" >&2
    ws+=("$(field median_ms <<<"$line")"); cs+=("$(field cpu_ms <<<"$line")"); N_SAME=$(field nodes <<<"$line")
    line=$("$OUT/floor" -p same -m sax "$passes" "$@"); echo "   $line" >&2
    cx+=("$(field cpu_ms <<<"$line")")
    line=$("$BIN/maalplan-bench-read" "$passes" "$@"); echo "   $line" >&2
    wm+=("$(field median_ms <<<"$line")"); cm+=("$(field cpu_ms <<<"$line")"); N_BLOCKS=$(field blocks <<<"$line")
    line=$("$BIN/maalplan-bench-read" -k "$passes" "$@"); echo "   $line (-k)" >&2
    wk+=("$(field median_ms <<<"$line")")
  done
  R_KEPT=$(printf '%s\n' "${wk[@]}" | fmin)
  R_DOC=$(printf '%s\n' "${wd[@]}" | fmin); R_SAME=$(printf '%s\n' "${ws[@]}" | fmin); R_MODEL=$(printf '%s\n' "${wm[@]}" | fmin)
  C_DOC=$(printf '%s\n' "${cd[@]}" | fmin); C_SAME=$(printf '%s\n' "${cs[@]}" | fmin); C_MODEL=$(printf '%s\n' "${cm[@]}" | fmin)
  C_SAX=$(printf '%s\n' "${cx[@]}" | fmin)
}

# One table row of (b): label, then the six figures of read_bench.
row() {  # label wall_doc wall_same wall_model cpu_doc cpu_same cpu_model
  printf '    %-24s %9s %10s %9s %10s %11s  |%10s %11s\n' "$1" "$2" "$3" "$4" \
    "$(ratio "$4" "$2")" "$(ratio "$4" "$3")" "$(ratio "$7" "$5")" "$(ratio "$7" "$6")"
}

max_rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): *//p'; }

mapfile -t fixtures < <(readable Fixtures/*.docx)
all_fixtures=(Fixtures/*.docx)
plan=$(basename "$PLAN" .docx)

# ---------------------------------------------------------------- (a) whole process
echo "== (a) maalplan inspect as a process (hyperfine -N, warmup 3, $RUNS runs)"
read -r su_med su_min su_cpu < <(process_stats version "$BIN/maalplan" --version)
echo "   maalplan --version                    median $(ms "$su_med") ms"
read -r pt_med pt_min pt_cpu < <(process_stats "$plan" "$BIN/maalplan" inspect "$PLAN")
echo "   inspect $plan                median $(ms "$pt_med") ms"
read -r pj_med pj_min pj_cpu < <(process_stats "$plan-json" "$BIN/maalplan" inspect "$PLAN" --format json)
echo "   inspect $plan --format json  median $(ms "$pj_med") ms"
read -r cv_med cv_min cv_cpu < <(process_stats "$plan-convert" "$BIN/maalplan" convert "$PLAN")
echo "   convert $plan                median $(ms "$cv_med") ms"
: > "$OUT/inspect-fixtures.txt"
for f in "${fixtures[@]}"; do
  read -r m _ _ < <(process_stats "fixture-$(basename "$f" .docx)" "$BIN/maalplan" inspect "$f")
  printf '%8s ms  %s\n' "$(ms "$m")" "$f" >> "$OUT/inspect-fixtures.txt"
done
sort -n -o "$OUT/inspect-fixtures.txt" "$OUT/inspect-fixtures.txt"
fi_med=$(awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}' "$OUT/inspect-fixtures.txt")
fi_max=$(tail -1 "$OUT/inspect-fixtures.txt" | awk '{print $1}')
fi_over=$(awk '$1>10{n++} END{print n+0}' "$OUT/inspect-fixtures.txt")
echo "   inspect, each of ${#fixtures[@]} fixtures: median $fi_med ms, max $fi_max ms ($OUT/inspect-fixtures.txt)"

# ---------------------------------------------------------------- (b) reading in process
echo "== (b) reading in process: model vs floor (median ms per pass, best of $ROUNDS rounds)"
echo "-- $plan alone ($PASSES passes)"
read_bench "$PASSES" "$PLAN"
bp=("$R_DOC" "$R_SAME" "$R_MODEL" "$C_DOC" "$C_SAME" "$C_MODEL"); np=("$N_DOC" "$N_SAME"); sp=$C_SAX; kp=$R_KEPT
echo "-- Fixtures (${#fixtures[@]} files, $PASSES passes)"
read_bench "$PASSES" "${fixtures[@]}"
bf=("$R_DOC" "$R_SAME" "$R_MODEL" "$C_DOC" "$C_SAME" "$C_MODEL"); nf=("$N_DOC" "$N_SAME"); sf=$C_SAX; kf=$R_KEPT

corpus_files=()
if [ -n "$CORPUS" ] && [ -d "$CORPUS" ]; then
  echo "-- corpus: choosing the $CORPUS_COUNT documents with the largest word/document.xml that read fine"
  cand=()
  while IFS= read -r -d '' f; do
    # Reads fine (exit 0), the main part is /word/document.xml, and the floor reads it too.
    json=$("$BIN/maalplan" inspect "$f" --format json 2>/dev/null) || continue
    grep -q '"mainPart": "/word/document.xml"' <<<"${json:0:400}" || continue
    "$OUT/floor" -w 0 -p same 1 "$f" >/dev/null 2>&1 || continue
    size=$(unzip -l "$f" word/document.xml 2>/dev/null | awk '$4=="word/document.xml"{print $1; exit}')
    [ -n "$size" ] && cand+=("$size"$'\t'"$f")
  done < <(find "$CORPUS" -type f -name '*.docx' -print0)
  if [ ${#cand[@]} -gt 0 ]; then
    mapfile -t corpus_files < <(printf '%s\n' "${cand[@]}" | sort -rn | head -n "$CORPUS_COUNT" | cut -f2-)
    corpus_mib=$(printf '%s\n' "${cand[@]}" | sort -rn | head -n "$CORPUS_COUNT" | awk -F'\t' '{s+=$1} END{printf "%.1f", s/1048576}')
    printf '%s\n' "${corpus_files[@]}" > "$OUT/corpus-files.txt"
    echo "   ${#cand[@]} read fine; ${#corpus_files[@]} chosen (word/document.xml total $corpus_mib MiB; list in $OUT/corpus-files.txt)"
    echo "-- corpus (${#corpus_files[@]} files, $CORPUS_PASSES passes)"
    read_bench "$CORPUS_PASSES" "${corpus_files[@]}"
    bc=("$R_DOC" "$R_SAME" "$R_MODEL" "$C_DOC" "$C_SAME" "$C_MODEL"); nc=("$N_DOC" "$N_SAME"); sc=$C_SAX; kc=$R_KEPT
  fi
fi

# ---------------------------------------------------------------- (c) peak memory
echo "== (c) peak memory (/usr/bin/time -v, max RSS)"
rss_version=$(max_rss_kb "$BIN/maalplan" --version)
rss_plan=$(max_rss_kb "$BIN/maalplan" inspect "$PLAN")
rss_plan_json=$(max_rss_kb "$BIN/maalplan" inspect "$PLAN" --format json)
rss_convert=$(max_rss_kb "$BIN/maalplan" convert "$PLAN")
rss_big=""
[ ${#corpus_files[@]} -gt 0 ] && rss_big=$(max_rss_kb "$BIN/maalplan" inspect "${corpus_files[0]}" --format json)

# ---------------------------------------------------------------- table
{
  echo "maalplan bench  $(date -u +%Y-%m-%dT%H:%MZ)  $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo '+dirty')  $(nproc) cpu  load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "(a) whole process (hyperfine -N, $RUNS runs)          median     min  user+sys   target"
  printf '    %-44s %7s %7s %9s\n' "maalplan --version (start-up only)" "$(ms "$su_med")" "$(ms "$su_min")" "$(ms "$su_cpu")"
  printf '    %-44s %7s %7s %9s   <=10 %s\n' "inspect $plan" "$(ms "$pt_med")" "$(ms "$pt_min")" "$(ms "$pt_cpu")" "$(verdict "$(ms "$pt_med")" 10)"
  printf '    %-44s %7s %7s %9s\n' "inspect $plan --format json" "$(ms "$pj_med")" "$(ms "$pj_min")" "$(ms "$pj_cpu")"
  printf '    %-44s %7s %7s %9s   <=15 %s\n' "convert $plan" "$(ms "$cv_med")" "$(ms "$cv_min")" "$(ms "$cv_cpu")" "$(verdict "$(ms "$cv_med")" 15)"
  printf '    %-44s %7s   (each fixture: %s of %s over 10 ms, slowest %s ms)\n' \
    "inspect, median over ${#fixtures[@]} fixtures" "$fi_med" "$fi_over" "${#fixtures[@]}" "$fi_max"
  echo
  echo "(b) reading in process, ms per pass over the files (median of passes, best of $ROUNDS rounds)"
  printf '    %-24s %9s %10s %9s %10s %11s  |%22s\n' "" "" "" "" "wall time" "" "CPU time"
  printf '    %-24s %9s %10s %9s %10s %11s  |%10s %11s\n' "files" "floor:doc" "floor:same" "model" "model/doc" "model/same" "model/doc" "model/same"
  row "$plan" "${bp[@]}"
  row "Fixtures (${#fixtures[@]})" "${bf[@]}"
  [ ${#corpus_files[@]} -gt 0 ] && row "corpus top ${#corpus_files[@]}" "${bc[@]}"
  echo "    per plan: model $(per "${bp[2]}" 1) ms, floor:same ${bp[1]} ms, floor:doc ${bp[0]} ms (wall)"
  echo "    floor:doc  = the main part only (nodes per pass: plan ${np[0]}, Fixtures ${nf[0]}${nc:+, corpus ${nc[0]}})"
  echo "    floor:same = the parts WordReader reads: content types, rels, document, styles, numbering,"
  echo "                 headers, footers, notes, core (nodes per pass: plan ${np[1]}, Fixtures ${nf[1]}${nc:+, corpus ${nc[1]}})"
  echo "    model: each read as the thread's first; with shared parts kept from read to read, as an import"
  echo "      keeps them (maalplan-bench-read -k; wall): $plan $kp ms, Fixtures $kf ms${kc:+, corpus $kc ms}"
  echo "    target: model within 1.5x of the floor"
  echo "    for comparison, CPU ms of floor:same through SAX2 (xmlParseChunk) instead of xmlTextReader:"
  echo "      $plan ${sp} (xmlTextReader ${bp[4]}), Fixtures ${sf} (${bf[4]})${sc:+, corpus ${sc} (${bc[4]})}"
  if [ ${#fixtures[@]} -lt ${#all_fixtures[@]} ]; then
    echo "    Fixtures: $(( ${#all_fixtures[@]} - ${#fixtures[@]} )) of ${#all_fixtures[@]} left out (not read by maalplan or the floor)"
  fi
  if [ ${#corpus_files[@]} -gt 0 ]; then
    echo "    corpus: $CORPUS, word/document.xml total $corpus_mib MiB, list in $OUT/corpus-files.txt"
  fi
  echo
  echo "(c) peak memory, max RSS                                    KiB"
  printf '    %-46s %7s\n' "maalplan --version" "$rss_version"
  printf '    %-46s %7s\n' "inspect $plan" "$rss_plan"
  printf '    %-46s %7s\n' "inspect $plan --format json" "$rss_plan_json"
  printf '    %-46s %7s   <=30720\n' "convert $plan" "$rss_convert"
  if [ -n "$rss_big" ]; then
    printf '    %-46s %7s\n' "inspect --format json $(basename "${corpus_files[0]}")" "$rss_big"
  fi
  echo
  echo "re-run: make bench   (or: bash bench/run.sh; knobs in its header)"
} > "$OUT/results.txt"
echo
cat "$OUT/results.txt"

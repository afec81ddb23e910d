#!/usr/bin/env bash
# Fuzzes the package + reader (WordReader.read(bytes:), then plainText and JSON) with
# libFuzzer and AddressSanitizer (`make fuzz`).
#
#   bash fuzz/run.sh [SECONDS] [extra libFuzzer flags...]      (default 300 s)
#
# 1. builds maalplan-fuzz with -sanitize=fuzzer,address -DFUZZING in .build-fuzz;
# 2. replays fuzz/regressions/* (inputs that once found a bug) and stops if one fails;
# 3. seeds fuzz/corpus/ from Fixtures/*.docx .docm .dotx .dotm and, when present,
#    ../shared/corpus/third-party/*/* (the corpus persists and grows between runs);
# 4. fuzzes for SECONDS with fuzz/docx.dict; findings (crash-*, leak-*, timeout-*, oom-*)
#    go to fuzz/artifacts/, the log to fuzz/artifacts/last-run.log; prints a summary.
#
# Exit status: 0 when nothing was found, 1 when libFuzzer stopped on a finding, 2 when a
# regression input fails. corpus/ and artifacts/ are git-ignored.
#
# Knobs (environment): CORPUS (../shared/corpus/third-party), MAX_LEN (1048576),
# TIMEOUT (10 s per input), RSS_LIMIT_MB (2048), MAX_INFLATED (4194304: corpus seeds whose
# parts inflate to more are left out; they are legitimately slow under ASan and would eat
# the run's time), FORK (0: one process; N: libFuzzer -fork=N workers, which keep going
# past a finding).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN=${1:-300}
shift || true
SCRATCH=.build-fuzz
CORPUS=${CORPUS:-../shared/corpus/third-party}
MAX_LEN=${MAX_LEN:-1048576}
TIMEOUT=${TIMEOUT:-10}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-2048}
MAX_INFLATED=${MAX_INFLATED:-4194304}
FORK=${FORK:-0}
DIR=fuzz
mkdir -p "$DIR/corpus" "$DIR/artifacts" "$DIR/regressions"

echo "== build (debug, -sanitize=fuzzer,address -DFUZZING, --scratch-path $SCRATCH)"
# SwiftPM links the libFuzzer runtime through swiftc (-sanitize=fuzzer) and sets the entry
# point itself; FUZZING makes Fuzz.swift hand main() to LLVMFuzzerRunDriver (see there).
swift build -c debug --scratch-path "$SCRATCH" --product maalplan-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 \
    | grep -v "Cannot export local symbol" || true
BIN=$(swift build -c debug --scratch-path "$SCRATCH" --show-bin-path)/maalplan-fuzz
[ -x "$BIN" ] || { echo "fuzz: build failed, no $BIN" >&2; exit 2; }

# Leaks count as findings; a report names the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}

regressions=("$DIR"/regressions/*)
if [ -e "${regressions[0]}" ]; then
    echo "== regressions: ${#regressions[@]} input(s)"
    # Given files, libFuzzer runs each once and exits non-zero on the first failure.
    if ! "$BIN" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" "${regressions[@]}" \
            >"$DIR/artifacts/regressions.log" 2>&1; then
        grep -E "ERROR|SUMMARY|Running:" "$DIR/artifacts/regressions.log" | tail -n 20 >&2
        echo "fuzz: a regression input fails (log: $DIR/artifacts/regressions.log)" >&2
        exit 2
    fi
fi

echo "== seeds"
# Total inflated size of a zip's entries as its directory gives it (0 when unzip cannot list it).
inflated_size() { { unzip -l "$1" 2>/dev/null || true; } | tail -n 1 | awk '{print $1+0}'; }
seeded=0; skipped=0
for f in Fixtures/*.docx Fixtures/*.docm Fixtures/*.dotx Fixtures/*.dotm; do
    [ -f "$f" ] || continue
    cp -n "$f" "$DIR/corpus/fixture-$(basename "$f")"; seeded=$((seeded + 1))
done
if [ -d "$CORPUS" ]; then
    for f in "$CORPUS"/*/*; do
        [ -f "$f" ] || continue
        [ "$(stat -c %s "$f")" -le "$MAX_LEN" ] || continue
        if command -v unzip >/dev/null; then
            inflated=$(inflated_size "$f")
            [ "${inflated:-0}" -le "$MAX_INFLATED" ] || { skipped=$((skipped + 1)); continue; }
        fi
        suite=$(basename "$(dirname "$f")")
        cp -n "$f" "$DIR/corpus/$suite-$(basename "$f")"; seeded=$((seeded + 1))
    done
else
    echo "   ($CORPUS absent: Fixtures only)"
fi
# Earlier runs' mutants of such files go the same way.
if command -v unzip >/dev/null; then
    for f in "$DIR"/corpus/*; do
        inflated=$(inflated_size "$f")
        [ "${inflated:-0}" -le "$MAX_INFLATED" ] || { rm -f "$f"; skipped=$((skipped + 1)); }
    done
fi
[ "$skipped" -eq 0 ] || echo "   $skipped file(s) left out: parts inflate past $MAX_INFLATED bytes"
echo "   $seeded seed file(s); corpus now $(find "$DIR/corpus" -type f | wc -l) file(s)"

before=$(find "$DIR/artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
LOG=$DIR/artifacts/last-run.log
echo "== fuzz for ${SECONDS_TO_RUN}s (log: $LOG)"
args=(-max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN" -timeout="$TIMEOUT"
      -rss_limit_mb="$RSS_LIMIT_MB" -dict="$DIR/docx.dict" -artifact_prefix="$DIR/artifacts/"
      -print_final_stats=1 -reload=0)
[ "$FORK" -gt 0 ] && args+=(-fork="$FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
start=$(date +%s)
set +e
"$BIN" "${args[@]}" "$@" "$DIR/corpus" >"$LOG" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - start ))

echo "== summary"
last=$(grep -E '^#[0-9]+' "$LOG" | tail -n 1 || true)
final_stat() { grep -E "^stat::$1:" "$LOG" | tail -n 1 | awk '{print $2}'; }
echo "   time:      ${elapsed}s (libFuzzer exit $status)"
echo "   runs:      $(final_stat number_of_executed_units)"
echo "   exec/s:    $(final_stat average_exec_per_sec)"
echo "   new units: $(final_stat new_units_added)"
echo "   peak rss:  $(final_stat peak_rss_mb) MB"
echo "   last:      ${last:-none}"
slow=$(grep -c "^Slowest unit" "$LOG" || true)
[ "$slow" -eq 0 ] || echo "   slow units: $slow reported (over 10 s, not a failure): $(grep -o "slow-unit-[0-9a-f]*" "$LOG" | sort -u | tr '\n' ' ')"
echo "   corpus:    $(find "$DIR/corpus" -type f | wc -l) file(s), $(du -sh "$DIR/corpus" | cut -f1)"
after=$(find "$DIR/artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')
if [ -n "$new" ]; then
    echo "   FINDINGS (new in $DIR/artifacts):"
    echo "$new" | sed 's/^/     /'
    grep -E "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY:|Fatal error|Swift runtime failure" "$LOG" | sort | uniq -c | head -n 20 | sed 's/^/     /'
    echo "   minimise: $BIN -minimize_crash=1 -runs=20000 -artifact_prefix=$DIR/artifacts/min- FILE"
    echo "   replay without sanitizers: swift run maalplan-fuzz FILE"
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "   libFuzzer stopped with status $status and no artifact: see $LOG" >&2
    exit 1
fi
echo "   no findings"

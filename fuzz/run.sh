#!/usr/bin/env bash
# Coverage-guided fuzzing of podlike's parsers of untrusted bytes with libFuzzer.
#
#   fuzz/run.sh [-runs=N] [TARGET...]     default: every target, 1,000,000 runs each
#
# Targets: labels, log-stream, event-stream, legacy-flags (Sources/FuzzTargets).
# Each input must end within 1 s (-timeout=1), with the process under 100 MB
# (-rss_limit_mb=100, -malloc_limit_mb=100) and without a trap, or an error text not
# podlike's own. New inputs that reach new code are merged into fuzz/corpus/TARGET,
# and every crasher is written to fuzz/crashers/TARGET: commit both, and
# `swift test` runs them all (FuzzCorpusTests).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1000000
targets=()
for argument in "$@"; do
    case "$argument" in
        -runs=*) runs=${argument#-runs=} ;;
        *) targets+=("$argument") ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(labels log-stream event-stream legacy-flags)

scratch=.build-fuzz
echo "fuzz: building the harness with -sanitize=fuzzer (first build: several minutes)" >&2
swift build --scratch-path "$scratch" --product podlike-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DPODLIKE_LIBFUZZER >&2
harness=$(swift build --scratch-path "$scratch" --show-bin-path)/podlike-fuzz

status=0
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    crashers=fuzz/crashers/$target
    work=$(mktemp -d)
    mkdir -p "$corpus" "$crashers"
    max_len=4096
    [ "$target" = labels ] && max_len=16384
    log=$(mktemp)
    echo "fuzz: $target, $runs runs (log: $log)" >&2
    # The committed corpus stays read-only during the run; new finds go to $work.
    if ! PODLIKE_FUZZ_TARGET=$target "$harness" -runs="$runs" -timeout=1 -malloc_limit_mb=100 -rss_limit_mb=100 \
        -max_len=$max_len -print_final_stats=1 -artifact_prefix="$crashers/" "$work" "$corpus" >"$log" 2>&1; then
        status=1
        echo "fuzz: $target found a failing input:" >&2
        grep -E "ERROR|Fatal error|Test unit written" "$log" >&2 || tail -n 20 "$log" >&2
    fi
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    PODLIKE_FUZZ_TARGET=$target "$harness" -merge=1 "$corpus" "$work" >>"$log" 2>&1 || true
    rm -rf "$work"
    echo "fuzz: $target: ${executed:-?} executions; corpus now $(ls "$corpus" | wc -l) inputs ($(du -sk "$corpus" | cut -f1) KB); crashers $(ls "$crashers" | wc -l)"
done
exit $status

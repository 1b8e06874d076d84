#!/usr/bin/env bash
# How fast does `--logs` forward a component's output? A pod's only component
# writes LINES numbered lines of LINE_BYTES bytes as fast as it can; we time the
# controller's forwarded output (`docker logs -f <controller>`) from its first line
# to the last, and compare with `docker logs -f` of an identical plain container,
# measured in the same run. Both paths end in the engine's log driver; the pod adds
# the attach stream, the controller's line splitting and its own stdout.
#
#   benchmarks/log-forwarding.sh                   # 200,000 lines of 100 bytes, 3 runs
#   LINES=500000 RUNS=5 benchmarks/log-forwarding.sh
#
# Settings (environment): LINES, LINE_BYTES (>= 20), RUNS, TIMEOUT (seconds per
# measurement), IMAGE (the controller, default podlike:dev), BUSYBOX.
# Needs: docker, awk, timeout, date with %N.
set -euo pipefail

lines=${LINES:-200000}
line_bytes=${LINE_BYTES:-100}
runs=${RUNS:-3}
limit=${TIMEOUT:-300}
image=${IMAGE:-podlike:dev}
busybox=${BUSYBOX:-podlike-test/busybox:latest}
socket=${DOCKER_HOST:-unix:///var/run/docker.sock}
socket=${socket#unix://}
# The component waits this long, so that `docker logs -f` is following before the first line.
head_start=2

(( line_bytes >= 20 )) || { echo "LINE_BYTES must be at least 20" >&2; exit 2; }

prefix="bench-$$-$RANDOM"
created=()
cleanup() {
    for name in "${created[@]}"; do docker rm -f "$name" >/dev/null 2>&1 || true; done
    # The pod's own containers, should a controller not have removed them.
    for name in "${created[@]}"; do
        docker ps -aq --filter "label=io.podlike.pod=$name" | xargs -r docker rm -f >/dev/null 2>&1 || true
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# "000000001 xxx…x": a 9-digit number, a space, padding, a newline: LINE_BYTES bytes.
# The last line, bench-end, marks the end of the output.
generator="sleep $head_start; awk -v n=$lines -v w=$((line_bytes - 11)) 'BEGIN { pad = sprintf(\"%\" w \"s\", \"\"); gsub(/ /, \"x\", pad); for (i = 1; i <= n; i++) printf \"%09d %s\\n\", i, pad; print \"bench-end\" }'"

now() { date +%s.%N; }

# Follows a container's stdout from its first line to bench-end; prints
# "<seconds> <lines> <bytes>" of what it read, or fails after $limit seconds.
follow() {
    local container=$1
    timeout "$limit" docker logs -f "$container" 2>/dev/null | {
        IFS= read -r first || exit 1
        local start end
        start=$(now)
        # Count every line and byte up to bench-end; awk stops reading there.
        counts=$(awk -v first="$first" 'BEGIN { n = 1; b = length(first) + 1 }
            { n++; b += length($0) + 1 } /bench-end$/ { print n, b; exit }')
        end=$(now)
        [ -n "$counts" ] || exit 1
        echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }') $counts"
    }
}

# "<lines/s> <MB/s>" from "<seconds> <lines> <bytes>".
rate() { awk -v s="$1" -v n="$2" -v b="$3" 'BEGIN { printf "%.0f %.1f", n / s, b / s / 1e6 }'; }

# Checks that the controller forwarded every line once, whole and in order.
check_forwarded() {
    docker logs "$1" 2>/dev/null | awk -v n="$lines" -v w=$((line_bytes - 11)) '
        /^bench \| bench-end$/ { ended = 1; next }
        { split($0, f, " "); if ($0 !~ /^bench \| [0-9]+ x+$/ || f[3] + 0 != ++seen || length(f[4]) != w) bad++ }
        END { if (bad || seen != n || !ended) { printf "forwarded output is wrong: %d lines of %d, %d bad\n", seen, n, bad; exit 1 } }'
}

echo "log forwarding: $lines lines of $line_bytes bytes, $runs runs; controller $image"
printf '%-4s %12s %9s %12s %9s %7s\n' run "plain l/s" "MB/s" "podlike l/s" "MB/s" ratio
ratios=()
for run in $(seq 1 "$runs"); do
    plain="$prefix-plain-$run"
    created+=("$plain")
    docker run -d --name "$plain" "$busybox" sh -c "$generator" >/dev/null
    read -r p_seconds p_lines p_bytes <<<"$(follow "$plain")" || { echo "plain container: no complete output within ${limit}s" >&2; exit 1; }

    pod="$prefix-pod-$run"
    created+=("$pod")
    component=$(printf 'image: %s\ncommand: [sh, -c, %s]\n' "$busybox" "'${generator//\'/\'\'}'")
    docker run -d --name "$pod" -v "$socket:/var/run/docker.sock" --label "pod.container.bench=$component" \
        "$image" --logs >/dev/null
    read -r f_seconds f_lines f_bytes <<<"$(follow "$pod")" || {
        echo "controller: no complete output within ${limit}s; its last lines:" >&2
        docker logs --tail 5 "$pod" >&2 || true
        exit 1
    }
    timeout "$limit" docker wait "$pod" >/dev/null
    check_forwarded "$pod"

    read -r p_lps p_mbs <<<"$(rate "$p_seconds" "$p_lines" "$p_bytes")"
    read -r f_lps f_mbs <<<"$(rate "$f_seconds" "$f_lines" "$f_bytes")"
    ratio=$(awk -v a="$f_lps" -v b="$p_lps" 'BEGIN { printf "%.2f", a / b }')
    ratios+=("$ratio")
    printf '%-4s %12s %9s %12s %9s %7s\n' "$run" "$p_lps" "$p_mbs" "$f_lps" "$f_mbs" "$ratio"
    docker rm -f "$plain" "$pod" >/dev/null 2>&1 || true
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
    printf "median ratio (podlike / plain docker logs -f, lines/s): %s\n", r[int((NR + 1) / 2)] }'

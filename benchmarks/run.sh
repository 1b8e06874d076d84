#!/usr/bin/env bash
# Measures podlike on the local engine and writes docs/benchmarks.md: pod start
# against the engine's floor (N = 1, 2, 5, 20; default flags, --no-ipc, --logs),
# stop against a direct parallel stop, the controller's first engine call, log
# forwarding CPU, idle memory and CPU, the image size and the binary by library,
# and the profile of one pod's start and stop (benchmarks/timeline.py).
#
#   benchmarks/run.sh                  # RUNS=5, about 5 minutes on 2 cores
#   RUNS=9 IDLE_SECONDS=120 benchmarks/run.sh
#
# Builds podlike:dev and the busybox test image when they are missing
# (IMAGE=podlike:dev and BUSYBOX=podlike-test/busybox:latest to use others).
# Needs: docker (a local engine), python3, nm and size (binutils).
set -euo pipefail
cd "$(dirname "$0")/.."
export IMAGE=${IMAGE:-podlike:dev} BUSYBOX=${BUSYBOX:-podlike-test/busybox:latest}
scratch=${PODLIKE_RELEASE_BUILD:-.build-release}

scripts/test-images.sh "$BUSYBOX" >/dev/null
if ! docker image inspect "$IMAGE" >/dev/null 2>&1 || [ ! -x "$scratch/release/podlike" ]; then
    scripts/build-image.sh "$IMAGE"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benchmarks/pods.py >"$work/pods.json"
python3 benchmarks/timeline.py 2 >"$work/timeline.txt"
python3 benchmarks/binary_size.py "$scratch/release/podlike" >"$work/size.json"
mkdir -p docs
python3 benchmarks/report.py "$work/pods.json" "$work/size.json" \
    "$(docker image inspect -f '{{.Size}}' "$IMAGE")" "$(docker version -f '{{.Server.Version}}')" "$work/timeline.txt" >docs/benchmarks.md
echo "wrote docs/benchmarks.md"

#!/usr/bin/env bash
# Builds the controller image (default tag podlike:dev) without a registry: a
# static-stdlib release build plus the few glibc libraries it links, FROM scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-podlike:dev}
scratch=${PODLIKE_RELEASE_BUILD:-.build-release}

if [ ! -e /usr/include/yaml.h ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "podlike: installing libyaml-dev, the YAML parser podlike builds on" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev >/dev/null
    else
        echo "podlike: building needs libyaml's headers: sudo apt-get install libyaml-dev (Debian, Ubuntu)" >&2
        exit 1
    fi
fi
echo "podlike: building $tag (a release build takes a few minutes the first time)" >&2
# -Osize: the controller waits on the engine, not on its own code; size is what it costs.
# Linked by the toolchain's lld, which can pack the binary's 80,000 relative
# relocations (DT_RELR, glibc 2.36 and later): with gold they took 1.9 MB that the
# loader read at every start. No symbol is exported, as nothing loads the binary
# as a library. Each function in its own section lets the linker drop the
# functions nothing calls (0.7 MB). See docs/benchmarks.md for what each costs.
toolset=$(mktemp)
trap 'rm -f "$toolset"' EXIT
lld="$(dirname "$(command -v swift)")/ld.lld"
[ -x "$lld" ] || { echo "podlike: the Swift toolchain's ld.lld is missing at $lld" >&2; exit 1; }
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" >"$toolset"
swift build -c release --static-swift-stdlib --product podlike --scratch-path "$scratch" -Xswiftc -Osize \
    -Xswiftc -Xfrontend -Xswiftc -function-sections --toolset "$toolset" -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic
binary="$scratch/release/podlike"

context=$(mktemp -d)
trap 'rm -rf "$context" "$toolset"' EXIT
mkdir -p "$context/rootfs/usr/local/bin" "$context/rootfs/tmp" "$context/rootfs/run/podlike"
cp "$binary" "$context/rootfs/usr/local/bin/podlike"
strip "$context/rootfs/usr/local/bin/podlike" 2>/dev/null || true
# Every shared library the binary needs, at the path the loader looks for it.
for library in $(ldd "$binary" | grep -o '/[^ ]*'); do
    mkdir -p "$context/rootfs$(dirname "$library")"
    cp -L "$library" "$context/rootfs$library"
done
cp Dockerfile "$context/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$context" >/dev/null
echo "built $tag ($(docker image inspect -f '{{.Size}}' "$tag") bytes)"

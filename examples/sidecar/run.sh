#!/usr/bin/env bash
# Runs the sidecar example on the local engine: a web server and a client that
# reaches it over localhost, in one pod. The client makes three requests and
# exits 0, which ends the pod; podlike then stops and removes the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${PODLIKE_IMAGE:-podlike:dev}
busybox=${BUSYBOX_IMAGE:-podlike-test/busybox:latest}
docker image inspect "$image" >/dev/null 2>&1 || scripts/build-image.sh "$image"
docker image inspect "$busybox" >/dev/null 2>&1 || scripts/test-images.sh "$busybox"

exec docker run --rm --name "${POD_NAME:-podlike-sidecar-example}" \
    -v /var/run/docker.sock:/var/run/docker.sock \
    --label "pod.container.server=
image: $busybox
command: [sh, -c, 'echo hello from the server > /tmp/index.html && exec httpd -f -p 8080 -h /tmp']
" \
    --label "pod.container.client=
image: $busybox
command: [sh, -c, 'sleep 1; for i in 1 2 3; do wget -qO- http://localhost:8080/; sleep 1; done']
" \
    "$image" --logs "$@"

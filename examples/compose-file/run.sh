#!/usr/bin/env bash
# Runs the compose-file example as a Swarm stack and checks what it claims: the
# pod's components come from a Compose file (pod.yml), a Swarm config mounted
# into the controller where its pod.compose.file label says; the app answers on
# the service's published port, and the client reaches it over localhost.
# Exits non-zero when a claim fails.
#
#   examples/compose-file/run.sh          deploy, check, remove everything
#   KEEP=1 examples/compose-file/run.sh   deploy, check, leave it running
#   examples/compose-file/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, get, ...: what every example does
example=compose-file
stack=podlike-$example
service=${stack}_pod
port=18141
url=http://127.0.0.1:$port/
page='hello from the app, a component described by a Compose file'
images=("$busybox")
# KEEP=1 leaves the stack running, and suggests:
try=("curl $url; docker service logs -f $service")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller's healthcheck (every component running and healthy) passed.
wait_pod 120 "up and healthy" healthy

# Claim 1: the components are the Compose file's services, and nothing else.
components=$(docker ps --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$id")" \
    --format '{{.Label "io.podlike.component"}}' | grep -v '^$' | sort | paste -sd ' ')
[ "$components" = "app client" ] || fail "the pod should run the Compose file's services, app and client; it runs: ${components:-nothing}"
say "the pod runs the Compose file's services: $components"

# Claim 2: the app answers on the service's published port.
got=$(get "$url") || fail "$url does not answer"
[ "$got" = "$page" ] || fail "$url should serve \"$page\", served: $got"
say "$url serves: $got"

# Claim 3: the client reaches the app over the pod's localhost (its output,
# forwarded with --logs, is in the service's logs, prefixed with its name).
wait_for 30 "the client's line in docker service logs" logged "^client +\| client got: $page\$" ||
    fail "docker service logs $service does not show \"client | client got: $page\""
say "the client reaches the app over localhost: $(pod_logs | grep -E '^client +\| ' | sed -n 1p)"

say "OK: every claim holds (in ${SECONDS}s). Try: curl $url; docker service logs -f $service"

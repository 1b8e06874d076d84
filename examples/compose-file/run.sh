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
cd "$(dirname "$0")/../.."
stack=podlike-compose-file
service=${stack}_pod
busybox=podlike-examples/busybox:latest
url=http://127.0.0.1:18141/
page='hello from the app, a component described by a Compose file'

say() { echo "compose-file: $*" >&2; }
fail() { echo "compose-file: FAILED: $*" >&2; exit 1; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every second until it succeeds.
wait_for() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || { say "gave up after ${seconds}s waiting for $what"; return 1; }
        sleep 1
    done
}

# get URL: prints the body of a 200 answer; fails on anything else.
get() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsS --max-time 5 "$1"
    else
        docker run --rm --network host "$busybox" timeout 5 wget -q -O - "$1"
    fi
}

# Everything of the stack that is still there, one line each.
leftovers() {
    docker ps -a --format 'container {{.Names}}' | grep "^container ${stack}_" || true
    local kind
    for kind in service network volume config secret; do
        docker "$kind" ls -q --filter "label=com.docker.stack.namespace=$stack" | sed "s/^/$kind /"
    done
}
no_containers() { ! docker ps -a --format '{{.Names}}' | grep "^${stack}_" >/dev/null; }
nothing_left() { [ -z "$(leftovers)" ]; }

remove_stack() {
    docker stack rm "$stack" >/dev/null 2>&1 || true
    wait_for 60 "the pod's containers to go" no_containers || true
    if ! wait_for 60 "the stack to go" nothing_left; then
        echo "compose-file: FAILED: these are left of stack $stack:" >&2
        leftovers >&2
        return 1
    fi
    say "removed stack $stack; nothing of it is left"
}

if [ "${1:-}" = down ]; then
    remove_stack
    exit
fi

finish() {
    local status=$?
    trap - EXIT
    if [ "${KEEP:-}" = 1 ]; then
        say "KEEP=1: stack $stack is still running. Try"
        say "  curl $url; docker service logs -f $service"
        say "and remove it with: $0 down"
        exit "$status"
    fi
    remove_stack || status=1
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

scripts/engine.sh --swarm
if ! docker image inspect podlike:dev >/dev/null 2>&1; then
    say "podlike:dev is missing: building it with scripts/build-image.sh (a release build takes a few minutes)"
    scripts/build-image.sh podlike:dev || fail "could not build podlike:dev; build it with scripts/build-image.sh and run this again"
fi
if ! docker image inspect "$busybox" >/dev/null 2>&1; then
    say "$busybox is missing: building it with examples/images/build.sh"
    examples/images/build.sh "$busybox" || fail "could not build $busybox; build it with examples/images/build.sh and run this again"
fi

if [ -n "$(leftovers)" ]; then
    say "an earlier run left stack $stack behind: removing it first"
    remove_stack
fi

controller() { docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | sed -n 1p; }
healthy() {
    local id
    id=$(controller)
    [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]
}
explain() {
    docker service ps --no-trunc "$service" >&2 || true
    docker service logs "$service" 2>&1 | tail -n 30 >&2 || true
}
# Up: the controller's healthcheck (every component running and healthy) passed.
# A task that ended (a bad label, say: exit 125) fails at once.
task_ended() { docker service ps --format '{{.CurrentState}}: {{.Error}}' "$service" 2>/dev/null | { grep -E '^(Failed|Rejected|Complete)' || true; } | sed -n 1p; }
wait_healthy() {
    local deadline=$((SECONDS + 120)) ended
    until healthy; do
        ended=$(task_ended)
        [ -z "$ended" ] || { explain; fail "the pod's task ended ($ended)"; }
        [ "$SECONDS" -lt "$deadline" ] || { explain; fail "the pod was not up and healthy within 120 s"; }
        sleep 1
    done
}

say "deploying stack $stack"
deployed=$(docker stack deploy --resolve-image never -c examples/compose-file/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }
wait_healthy
id=$(controller)
say "the pod is up and healthy: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
docker exec "$id" podlike status >&2

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
reached() { docker service logs --raw "$service" 2>/dev/null | grep -E "^client +\| client got: $page\$" >/dev/null; }
wait_for 30 "the client's line in docker service logs" reached ||
    fail "docker service logs $service does not show \"client | client got: $page\""
say "the client reaches the app over localhost: $(docker service logs --raw "$service" 2>/dev/null | grep -E '^client +\| ' | sed -n 1p)"

say "OK: every claim holds (in ${SECONDS}s). Try: curl $url; docker service logs -f $service"

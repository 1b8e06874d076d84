#!/usr/bin/env bash
# Runs the logging example as a Swarm stack and checks what it claims: the app
# writes its log to a file on a volume that only the controller mounts, a tailer
# component follows that file, and with --logs `docker service logs` shows the
# app's lines prefixed with the tailer's name. Exits non-zero when a claim fails.
#
#   examples/logging/run.sh          deploy, check, remove everything
#   KEEP=1 examples/logging/run.sh   deploy, check, leave it running
#   examples/logging/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-logging
service=${stack}_pod
busybox=podlike-examples/busybox:latest

say() { echo "logging: $*" >&2; }
fail() { echo "logging: FAILED: $*" >&2; exit 1; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every second until it succeeds.
wait_for() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || { say "gave up after ${seconds}s waiting for $what"; return 1; }
        sleep 1
    done
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
    # The stack's volumes outlive `docker stack rm`; they go once no container uses them.
    wait_for 60 "the pod's containers to go" no_containers || true
    docker volume ls -q --filter "label=com.docker.stack.namespace=$stack" | xargs -r docker volume rm >/dev/null || true
    if ! wait_for 60 "the stack to go" nothing_left; then
        echo "logging: FAILED: these are left of stack $stack:" >&2
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
        say "KEEP=1: stack $stack is still running. Look at it with"
        say "  docker service logs -f $service"
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

say "deploying stack $stack"
deployed=$(docker stack deploy --resolve-image never -c examples/logging/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }

controller() { docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | sed -n 1p; }
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
healthy() {
    local id
    id=$(controller)
    [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]
}
wait_healthy
id=$(controller)
say "the pod is up: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
docker exec "$id" podlike status >&2

# Claim 1: the volume is the controller's, and podlike mounted it into both components.
volume=${stack}_logs
for component in app tailer; do
    mounted=$(docker ps -q --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$id")" \
        --filter "label=io.podlike.component=$component" |
        xargs -r docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}')
    case " $mounted " in
        *" $volume:/var/log/app "*) say "component $component has volume $volume at /var/log/app" ;;
        *) fail "component $component should have volume $volume at /var/log/app, has: ${mounted:-no container}" ;;
    esac
done

# Claim 2: the app's file lines reach `docker service logs` through the tailer,
# prefixed with its name (podlike pads names to the longest one, then " | ").
line='app: handled job 3'
forwarded() { docker service logs --raw "$service" 2>/dev/null | grep -E "^tailer +\| $line\$" >/dev/null; }
wait_for 60 "\"tailer | $line\" in docker service logs" forwarded ||
    fail "docker service logs $service does not show \"tailer | $line\""
say "docker service logs $service shows the app's log file through the tailer:"
docker service logs "$service" 2>/dev/null | grep -E '\| tailer +\| ' | sed -n 1,5p >&2

# Claim 3: those lines came from the file, not from the app's own output.
if docker service logs --raw "$service" 2>/dev/null | grep -E '^app +\| ' >/dev/null; then
    fail "the app wrote to its stdout; its lines should only reach the logs through the tailer"
fi
say "the app itself wrote nothing to its stdout: every app line above came from /var/log/app/app.log"

say "OK: every claim holds (in ${SECONDS}s). Try: docker service logs -f $service"

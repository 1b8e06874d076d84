#!/usr/bin/env bash
# Runs the init-and-health example as a Swarm stack and checks what it claims:
# an init component prepares the data the app serves; a client that depends on
# the app with `condition: service_healthy` starts only once the app's
# healthcheck passes; and the pod's health gates a rolling update, so Swarm
# rolls back an update whose pod never gets healthy. Exits non-zero when a
# claim fails.
#
#   examples/init-and-health/run.sh          deploy, check, remove everything
#   KEEP=1 examples/init-and-health/run.sh   deploy, check, leave it running
#   examples/init-and-health/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-init-and-health
service=${stack}_pod
busybox=podlike-examples/busybox:latest
url=http://127.0.0.1:18131/

say() { echo "init-and-health: $*" >&2; }
fail() { echo "init-and-health: FAILED: $*" >&2; exit 1; }

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
    # The stack's volumes outlive `docker stack rm`; they go once no container uses them.
    wait_for 60 "the pods' containers to go" no_containers || true
    docker volume ls -q --filter "label=com.docker.stack.namespace=$stack" | xargs -r docker volume rm >/dev/null || true
    if ! wait_for 60 "the stack to go" nothing_left; then
        echo "init-and-health: FAILED: these are left of stack $stack:" >&2
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
        say "  docker service ps $service; docker service logs $service; curl $url"
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
component() { # component CONTROLLER NAME: the container of one of its components
    docker ps -q --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$1")" --filter "label=io.podlike.component=$2"
}
started() { date -d "$(docker inspect -f '{{.State.StartedAt}}' "$1")" +%s.%N; }
logs() { docker service logs --raw "$service" 2>/dev/null; }
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
deployed=$(docker stack deploy --resolve-image never -c examples/init-and-health/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }
wait_healthy
id=$(controller)
say "the pod is up and healthy: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
docker exec "$id" podlike status >&2

# Claim 1: the init component ran to completion first, and the app serves what it wrote.
logs | grep -E '^init-1 +\| init: wrote release 1 to /data/www$' >/dev/null ||
    { explain; fail "the init component's output (\"init-1 | init: wrote release 1 ...\") is not in the logs"; }
page=$(get "$url") || fail "$url does not answer"
[ "$page" = "release 1" ] || fail "$url should serve \"release 1\" (written by the init component), served: $page"
say "the init component wrote release 1 into the shared volume, and the app serves it at $url"

# Claim 2: the client started only once the app was healthy; the app takes 3 s
# to listen, and the client would have ended the pod had it started before.
app=$(component "$id" app) client=$(component "$id" client)
[ -n "$app" ] && [ -n "$client" ] || fail "the app or the client is not running"
[ "$(docker inspect -f '{{.State.Health.Status}}' "$app")" = healthy ] || fail "the app is not healthy"
gap=$(awk -v a="$(started "$app")" -v c="$(started "$client")" 'BEGIN { printf "%.1f", c - a }')
awk -v gap="$gap" 'BEGIN { exit !(gap >= 3) }' || fail "the client started ${gap}s after the app, before its healthcheck could pass"
say "the client started ${gap}s after the app, once the app's healthcheck passed"
wait_for 30 "the client's first line" eval 'logs | grep -E "^client +\| client: the app serves: release 1$" >/dev/null' ||
    fail "the client's line (\"client | client: the app serves: release 1\") is not in the logs"

# Claim 3: a rolling update to a pod that never gets healthy is rolled back.
# Release 2's init writes its health page at /ready, but the app still checks
# /healthz: the new pod runs and serves release 2, and never gets healthy.
# Service labels are not part of the task template, so a label change alone
# replaces no task: --force rolls it out.
original=$(docker service inspect -f '{{index .Spec.Labels "pod.init.components"}}' "$service")
release2='- image: podlike-examples/busybox:latest
  command:
    - sh
    - -c
    - |
      rm -rf /data/www && mkdir -p /data/www
      echo "release 2" > /data/www/index.html
      echo ok > /data/www/ready
      echo "init: wrote release 2 to /data/www"
'
say "updating the service to release 2, whose pod never gets healthy (failure action: rollback)"
docker service update --detach --force --label-add "pod.init.components=$release2" \
    --update-failure-action rollback --update-monitor 60s "$service" >/dev/null
seen_release2=0 state= last=
rolled_back() {
    state=$(docker service inspect -f '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$service")
    [ "$state" = "$last" ] || { say "update state: ${state:-none}"; last=$state; }
    if [ "$(get "$url" 2>/dev/null)" = "release 2" ] && [ "$seen_release2" = 0 ]; then
        seen_release2=1
        say "the updated pod runs and serves release 2, but its app never passes its healthcheck"
    fi
    case "$state" in
        rollback_completed) return 0 ;;
        completed | paused | rollback_paused) explain; fail "the update ended in state \"$state\", not rolled back" ;;
    esac
    return 1
}
wait_for 150 "Swarm to roll the update back" rolled_back || { explain; fail "the update was not rolled back within 150 s (state: ${state:-none})"; }
say "Swarm rolled the update back: $(docker service inspect -f '{{.UpdateStatus.Message}}' "$service")"
[ "$seen_release2" = 1 ] || fail "release 2 was never served: the update did not reach a running pod"
docker service ps "$service" >&2
# Why: release 2's controller failed its healthcheck (podlike healthcheck: the
# client still waits for the app) until Swarm stopped it; it didn't end itself.
unhealthy=
for container in $(docker ps -aq --filter "label=com.docker.swarm.service.name=$service" --filter status=exited); do
    streak=$(docker inspect -f '{{with .State.Health}}{{.FailingStreak}}{{else}}0{{end}}' "$container")
    if [ "$streak" -ge 3 ]; then unhealthy=$container; fi
done
[ -n "$unhealthy" ] || fail "no controller of the service failed its healthcheck: Swarm did not roll back because of the pod's health"
say "release 2's controller failed $(docker inspect -f '{{.State.Health.FailingStreak}}' "$unhealthy") health checks in a row, and Swarm stopped it" \
    "(exit code $(docker inspect -f '{{.State.ExitCode}}' "$unhealthy")); its last check said:"
docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$unhealthy" | sed '/^ *$/d' | tail -n 3 | sed 's/^/    /' >&2

# After the rollback: release 1's pod again, healthy, its init run anew.
[ "$(docker service inspect -f '{{index .Spec.Labels "pod.init.components"}}' "$service")" = "$original" ] ||
    fail "the service's pod.init.components label is not release 1's again"
serves_release1() { healthy && [ "$(get "$url" 2>/dev/null)" = "release 1" ]; }
wait_for 120 "the rolled-back pod to be healthy and serve release 1" serves_release1 ||
    { explain; fail "after the rollback the pod is not healthy, or does not serve release 1 (it serves: $(get "$url" 2>&1))"; }
say "after the rollback the pod is healthy and serves release 1 again"

say "OK: every claim holds (in ${SECONDS}s). Try: docker service ps $service; docker service logs $service"

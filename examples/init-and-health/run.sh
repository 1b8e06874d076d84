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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, get, ...: what every example does
example=init-and-health
stack=podlike-$example
service=${stack}_pod
port=18131
url=http://127.0.0.1:$port/
images=("$busybox")
# KEEP=1 leaves the stack running, and suggests:
try=("docker service ps $service; docker service logs $service; curl $url")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller's healthcheck (every component running and healthy) passed.
wait_pod 120 "up and healthy" healthy

# Claim 1: the init component ran to completion first, and the app serves what it wrote.
logged '^init-1 +\| init: wrote release 1 to /data/www$' ||
    { explain; fail "the init component's output (\"init-1 | init: wrote release 1 ...\") is not in the logs"; }
page=$(get "$url") || fail "$url does not answer"
[ "$page" = "release 1" ] || fail "$url should serve \"release 1\" (written by the init component), served: $page"
say "the init component wrote release 1 into the shared volume, and the app serves it at $url"

# Claim 2: the client started only once the app was healthy; the app takes 3 s
# to listen, and the client would have ended the pod had it started before.
app=$(component app) client=$(component client)
[ -n "$app" ] && [ -n "$client" ] || fail "the app or the client is not running"
[ "$(docker inspect -f '{{.State.Health.Status}}' "$app")" = healthy ] || fail "the app is not healthy"
started() { date -d "$(docker inspect -f '{{.State.StartedAt}}' "$1")" +%s.%N; }
gap=$(awk -v a="$(started "$app")" -v c="$(started "$client")" 'BEGIN { printf "%.1f", c - a }')
awk -v gap="$gap" 'BEGIN { exit !(gap >= 3) }' || fail "the client started ${gap}s after the app, before its healthcheck could pass"
say "the client started ${gap}s after the app, once the app's healthcheck passed"
wait_for 30 "the client's first line" logged '^client +\| client: the app serves: release 1$' ||
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

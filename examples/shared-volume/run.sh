#!/usr/bin/env bash
# Runs the shared-volume example as a Swarm stack and checks what it claims: a
# generator component writes nginx's configuration into a volume the pod shares
# and sends nginx SIGHUP; when the generator's input changes, nginx serves the
# new content, reloaded, not restarted. Exits non-zero when a claim fails; the
# stack is removed on every path.
#
#   examples/shared-volume/run.sh          deploy, check, remove everything
#   KEEP=1 examples/shared-volume/run.sh   deploy, check, leave it running
#   examples/shared-volume/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-shared-volume
service=${stack}_pod
port=18093
busybox=podlike-examples/busybox:latest
nginx=podlike-examples/nginx:latest

say() { echo "shared-volume: $*" >&2; }
fail() { echo "shared-volume: FAILED: $*" >&2; exit 1; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every second until it succeeds.
wait_for() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || { say "gave up after ${seconds}s waiting for $what"; return 1; }
        sleep 1
    done
}

# Everything of the stack that is still there, one line each. Component
# containers are named after their controller, so they share its prefix.
leftovers() {
    docker ps -a --format 'container {{.Names}}' | grep "^container ${stack}_" || true
    local kind
    for kind in service network volume config secret; do
        docker "$kind" ls -q --filter "label=com.docker.stack.namespace=$stack" | sed "s/^/$kind /"
    done
}
# (grep reads all of its input, never -q: with pipefail, a writer cut short fails the test.)
no_containers() { ! docker ps -a --format '{{.Names}}' | grep "^${stack}_" >/dev/null; }
nothing_left() { [ -z "$(leftovers)" ]; }

remove_stack() {
    docker stack rm "$stack" >/dev/null 2>&1 || true
    # The stack's volumes outlive `docker stack rm`; they go once no container uses them.
    wait_for 60 "the pod's containers to go" no_containers || true
    docker volume ls -q --filter "label=com.docker.stack.namespace=$stack" | xargs -r docker volume rm >/dev/null || true
    if ! wait_for 60 "the stack to go" nothing_left; then
        echo "shared-volume: FAILED: these are left of stack $stack:" >&2
        leftovers >&2
        return 1
    fi
    say "removed stack $stack; nothing of it is left"
}

if [ "${1:-}" = down ]; then
    remove_stack
    exit
fi

tmp=$(mktemp -d)
finish() {
    local status=$?
    trap - EXIT
    rm -rf "$tmp"
    if [ "${KEEP:-}" = 1 ]; then
        say "KEEP=1: stack $stack is still running. Try:"
        say "  curl -i http://127.0.0.1:$port/"
        say "  docker exec \$(docker ps -q -f name=${service} -f label=io.podlike.component=generator) sh -c 'echo hello again > /srv/message'"
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
for image in "$busybox" "$nginx"; do
    if ! docker image inspect "$image" >/dev/null 2>&1; then
        say "$image is missing: building it with examples/images/build.sh"
        examples/images/build.sh "$image" || fail "could not build $image; build it with examples/images/build.sh and run this again"
    fi
done

# http METHOD PATH: the response's headers in $tmp/headers, its body in $tmp/body.
if command -v curl >/dev/null 2>&1; then
    http() {
        local data=()
        [ "$1" = GET ] || data=(--data '')
        curl -fsS --max-time 5 -X "$1" "${data[@]}" -D "$tmp/headers" -o "$tmp/body" "http://127.0.0.1:$port$2"
    }
else # busybox wget, from the example image, on the host's network
    http() {
        local data=()
        [ "$1" = GET ] || data=(--post-data '')
        local status=0
        docker run --rm --network host "$busybox" timeout 5 wget -S -O - "${data[@]}" "http://127.0.0.1:$port$2" \
            >"$tmp/body" 2>"$tmp/wget" || status=$?
        sed -n 's/^  //p' "$tmp/wget" >"$tmp/headers"
        [ "$status" -eq 0 ] || { grep '^wget:' "$tmp/wget" >&2; return "$status"; }
    }
fi
header() { { grep -i "^$1:" "$tmp/headers" || true; } | tail -n 1 | cut -d: -f2- | tr -d ' \r'; }

if [ -n "$(leftovers)" ]; then
    say "an earlier run left stack $stack behind: removing it first"
    remove_stack
fi

say "deploying stack $stack"
deployed=$(docker stack deploy --resolve-image never -c examples/shared-volume/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }

controller() { docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | head -n 1; }
# Up: the controller says every component is healthy, and nginx answers.
pod_up() {
    local id
    id=$(controller)
    [ -n "$id" ] && docker exec "$id" podlike healthcheck >/dev/null 2>&1 && http GET / 2>/dev/null
}
# A task that failed, or can't be placed because the port is taken (by another
# stack, say), won't come up: no need to wait for the deadline.
task_ended() {
    docker service ps --no-trunc --format '{{.CurrentState}}: {{.Error}}' "$service" 2>/dev/null |
        grep -E '^(Failed|Rejected|Complete)|port already in use' | head -n 1
}
deadline=$((SECONDS + 90))
until pod_up; do
    if ended=$(task_ended) && [ -n "$ended" ]; then
        docker service logs "$service" 2>&1 | tail -n 20 >&2 || true
        case "$ended" in
            *"port already in use"*) fail "port $port is taken, by another stack or process (docker service ls shows stacks): $ended" ;;
            *) fail "the pod's task ended ($ended)" ;;
        esac
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        docker service ps --no-trunc "$service" >&2 || true
        docker service logs "$service" 2>&1 | tail -n 20 >&2 || true
        fail "the pod was not up within 90 s"
    fi
    sleep 1
done
id=$(controller)
say "the pod is up: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
docker exec "$id" podlike status >&2

controller_id=$(docker inspect -f '{{.Id}}' "$id")
component() {
    docker ps -q --filter "label=io.podlike.controller=$controller_id" --filter "label=io.podlike.component=$1"
}
generator=$(component generator) nginx_id=$(component nginx)
[ -n "$generator" ] && [ -n "$nginx_id" ] || fail "the generator and nginx should both be running"

# Claim 1: the volumes are the pod's: mounted on the controller only, podlike
# mounted them into both components at the same paths.
for name in generator nginx; do
    mounts=$(docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}' "$(component "$name")")
    for expected in "${stack}_site-conf:/etc/nginx/conf.d" "${stack}_nginx-run:/run/nginx"; do
        case " $mounts " in
            *" $expected "*) ;;
            *) fail "component $name should have volume $expected, has: $mounts" ;;
        esac
    done
done
say "both components mount ${stack}_site-conf at /etc/nginx/conf.d and ${stack}_nginx-run at /run/nginx"

# nginx's master process, as the host sees it: it stays the same across reloads.
master() { docker top "$nginx_id" -o pid,args | awk '/nginx: master process/ { print $1 }'; }

# Claim 2: nginx serves what the generator wrote.
http GET / || fail "GET / failed"
before=$(cat "$tmp/body")
say "GET /: $before (X-Config-Generation: $(header X-Config-Generation))"
[ "$before" = "hello from the generator (config generation 1)" ] ||
    fail "nginx should serve the generator's first configuration, served: $before"
[ "$(header X-Config-Generation)" = 1 ] || fail "X-Config-Generation should be 1, was '$(header X-Config-Generation)'"
master_before=$(master)
[ -n "$master_before" ] || fail "no nginx master process in nginx's container"

# Claim 3: a new input makes the generator write a new configuration and HUP
# nginx, which serves it without restarting.
message="changed by run.sh at $(date -u +%T)"
say "writing \"$message\" to the generator's /srv/message"
docker exec "$generator" sh -c "echo '$message' > /srv/message"
served_new() { http GET / 2>/dev/null && [ "$(cat "$tmp/body")" = "$message (config generation 2)" ]; }
wait_for 30 "nginx to serve the new configuration" served_new ||
    fail "nginx did not serve the new configuration within 30 s; it serves: $(cat "$tmp/body" 2>/dev/null)"
say "GET /: $(cat "$tmp/body") (X-Config-Generation: $(header X-Config-Generation))"
[ "$(header X-Config-Generation)" = 2 ] || fail "X-Config-Generation should be 2, was '$(header X-Config-Generation)'"
say "the shared volume holds what nginx now serves:"
docker exec "$generator" cat /etc/nginx/conf.d/default.conf | sed 's/^/    /' >&2
master_after=$(master)
[ "$master_after" = "$master_before" ] ||
    fail "nginx's master changed from $master_before to ${master_after:-none}: it restarted instead of reloading"
say "nginx's master is the same process ($master_after on the host): it reloaded"
reload_logged() { docker service logs --raw "$service" 2>&1 | grep -E '^nginx +\| .*SIGHUP.*reconfiguring' >/dev/null; }
wait_for 20 "nginx's reload in docker service logs" reload_logged ||
    fail "docker service logs $service does not show nginx's 'signal 1 (SIGHUP) received ... reconfiguring'"
say "what the pod logged (docker service logs $service):"
docker service logs --raw "$service" 2>&1 | grep -E '^generator +\||^nginx +\| .*(SIGHUP|reconfiguring)' | tail -n 6 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then the commands in examples/shared-volume/README.md"

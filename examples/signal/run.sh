#!/usr/bin/env bash
# Runs the signal example as a Swarm stack and checks what it claims: POST
# /reload reaches a small admin app (busybox httpd CGI) in the pod, which finds
# nginx's master process across the shared PID namespace and sends it SIGHUP;
# nginx reloads: new worker processes, the same master. Exits non-zero when a
# claim fails; the stack is removed on every path.
#
#   examples/signal/run.sh          deploy, check, remove everything
#   KEEP=1 examples/signal/run.sh   deploy, check, leave it running
#   examples/signal/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-signal
service=${stack}_pod
port=18092
busybox=podlike-examples/busybox:latest
nginx=podlike-examples/nginx:latest

say() { echo "signal: $*" >&2; }
fail() { echo "signal: FAILED: $*" >&2; exit 1; }

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
        echo "signal: FAILED: these are left of stack $stack:" >&2
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
        say "  curl http://127.0.0.1:$port/pids; curl -X POST http://127.0.0.1:$port/reload"
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
status_line() { { grep '^HTTP/' "$tmp/headers" || true; } | tail -n 1 | tr -d '\r'; }

if [ -n "$(leftovers)" ]; then
    say "an earlier run left stack $stack behind: removing it first"
    remove_stack
fi

say "deploying stack $stack"
deployed=$(docker stack deploy --resolve-image never -c examples/signal/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }

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

nginx_id=$(docker ps -q --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$id")" \
    --filter label=io.podlike.component=nginx)
[ -n "$nginx_id" ] || fail "no nginx component is running"

# nginx's processes as the pod sees them (GET /pids, from the admin app) and as
# the host does (docker top on nginx's container): "master PID" and "worker PID" lines.
pod_view() {
    http GET /pids || return 1
    awk '$1 == "master" || ($1 == "worker" && $0 !~ /shutting down/) { print $1, $2 }' "$tmp/body"
}
host_view() {
    docker top "$nginx_id" -o pid,args | awk '
        /nginx: master process/ { print "master", $1 }
        /nginx: worker process/ && !/shutting down/ { print "worker", $1 }'
}
master_of() { awk '$1 == "master" { print $2 }' <<<"$1"; }
workers_of() { awk '$1 == "worker" { print $2 }' <<<"$1" | sort -n | tr '\n' ' ' | sed 's/ $//'; }

before=$(pod_view) || fail "GET /pids failed"
before_host=$(host_view)
say "before the reload, GET /pids: master $(master_of "$before"), workers $(workers_of "$before") (on the host: master $(master_of "$before_host"), workers $(workers_of "$before_host"))"
[ -n "$(master_of "$before")" ] || fail "the admin app found no nginx master: $(cat "$tmp/body")"
[ "$(workers_of "$before" | wc -w)" -eq 2 ] || fail "nginx should run 2 workers, the admin app sees: $(cat "$tmp/body")"
http GET / || fail "GET / failed"
say "GET /: $(cat "$tmp/body") (X-Worker-Pid: $(header X-Worker-Pid))"

# A GET is refused: reloading takes a POST.
if http GET /reload 2>/dev/null; then fail "GET /reload should be refused (405), it succeeded"; fi
case "$(status_line)" in
    *" 405 "*) say "GET /reload: $(status_line)" ;;
    *) fail "GET /reload should answer 405, answered: $(status_line)" ;;
esac

# Claim 1: POST /reload makes the admin app send SIGHUP to nginx's master.
http POST /reload || fail "POST /reload failed: $(cat "$tmp/body" 2>/dev/null)"
answer=$(cat "$tmp/body")
say "POST /reload: $answer"
[ "$answer" = "sent SIGHUP to nginx master process $(master_of "$before")" ] ||
    fail "the admin app should have signalled master $(master_of "$before"), said: $answer"

# Claim 2: nginx reloads: it starts new workers and the old ones finish; the
# master is the same process throughout, as the pod and the host see it.
reloaded() {
    after=$(pod_view) && after_host=$(host_view) || return 1
    local w
    [ "$(workers_of "$after" | wc -w)" -eq 2 ] && [ "$(workers_of "$after_host" | wc -w)" -eq 2 ] || return 1
    for w in $(workers_of "$before"); do
        case " $(workers_of "$after") " in *" $w "*) return 1 ;; esac
    done
    for w in $(workers_of "$before_host"); do
        case " $(workers_of "$after_host") " in *" $w "*) return 1 ;; esac
    done
}
wait_for 30 "nginx's workers to be replaced" reloaded ||
    fail "nginx's workers were not replaced within 30 s: before '$(workers_of "$before")', now: $(cat "$tmp/body")"
say "after the reload, GET /pids: master $(master_of "$after"), workers $(workers_of "$after") (on the host: master $(master_of "$after_host"), workers $(workers_of "$after_host"))"
[ "$(master_of "$after")" = "$(master_of "$before")" ] ||
    fail "nginx's master changed from $(master_of "$before") to $(master_of "$after"): it restarted instead of reloading"
[ "$(master_of "$after_host")" = "$(master_of "$before_host")" ] ||
    fail "on the host, nginx's master changed from $(master_of "$before_host") to $(master_of "$after_host")"
say "the master is the same process, with new workers: nginx reloaded"
http GET / || fail "GET / after the reload failed"
served_by=$(header X-Worker-Pid)
say "GET /: $(cat "$tmp/body") (X-Worker-Pid: $served_by)"
case " $(workers_of "$after") " in
    *" $served_by "*) ;;
    *) fail "GET / should be answered by a new worker ($(workers_of "$after")), was by '$served_by'" ;;
esac

# nginx says so in its log, forwarded by --logs.
reload_logged() { docker service logs --raw "$service" 2>&1 | grep -E '^nginx +\| .*SIGHUP.*reconfiguring' >/dev/null; }
wait_for 20 "nginx's reload in docker service logs" reload_logged ||
    fail "docker service logs $service does not show nginx's 'signal 1 (SIGHUP) received ... reconfiguring'"
say "what the pod logged (docker service logs $service):"
docker service logs --raw "$service" 2>&1 | grep -E '^(admin|nginx) +\| .*(SIGHUP|reconfiguring|worker process)' | tail -n 8 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then curl -X POST http://127.0.0.1:$port/reload"

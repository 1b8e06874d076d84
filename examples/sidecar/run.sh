#!/usr/bin/env bash
# Runs the sidecar example as a Swarm stack and checks what it claims: nginx
# proxies and caches the app beside it in the pod (the second request is a
# cache hit), nginx's port is the only one published, and the app's port, bound
# to the pod's loopback, can't be reached at the pod's address. Exits non-zero
# when a claim fails; the stack is removed on every path.
#
#   examples/sidecar/run.sh          deploy, check, remove everything
#   KEEP=1 examples/sidecar/run.sh   deploy, check, leave it running
#   examples/sidecar/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-sidecar
service=${stack}_pod
network=${stack}_default
port=18091
busybox=podlike-examples/busybox:latest
nginx=podlike-examples/nginx:latest

say() { echo "sidecar: $*" >&2; }
fail() { echo "sidecar: FAILED: $*" >&2; exit 1; }

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
        echo "sidecar: FAILED: these are left of stack $stack:" >&2
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
        say "  curl -i http://127.0.0.1:$port/cgi-bin/hello"
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
deployed=$(docker stack deploy --resolve-image never -c examples/sidecar/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }

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

# Claim 1: nginx proxies the app and caches it. The first request is a miss and
# reaches the app; the second is a hit, the same body, which the app never saw.
http GET /cgi-bin/hello || fail "GET /cgi-bin/hello through nginx failed"
first=$(cat "$tmp/body") first_status=$(header X-Cache-Status)
say "1st GET /cgi-bin/hello: X-Cache-Status: $first_status; $first"
http GET /cgi-bin/hello || fail "the second GET /cgi-bin/hello failed"
second=$(cat "$tmp/body") second_status=$(header X-Cache-Status)
say "2nd GET /cgi-bin/hello: X-Cache-Status: $second_status; $second"
[ "$first_status" = MISS ] || fail "the first request should be a cache MISS, was '${first_status:-no X-Cache-Status header}'"
case "$first" in
    "hello from the app: request number 1 to reach it"*) ;;
    *) fail "the first response should come from the app, as the first request to reach it: '$first'" ;;
esac
[ "$second_status" = HIT ] || fail "the second request should be a cache HIT, was '${second_status:-no X-Cache-Status header}'"
[ "$second" = "$first" ] || fail "the cache hit should return the first response, got '$second'"
# Another URL is another cache key: a miss, and the app's second request.
http GET '/cgi-bin/hello?again' || fail "GET /cgi-bin/hello?again failed"
third=$(cat "$tmp/body")
say "GET /cgi-bin/hello?again: X-Cache-Status: $(header X-Cache-Status); $third"
case "$third" in
    "hello from the app: request number 2 to reach it"*) ;;
    *) fail "another URL should miss the cache and be the app's second request: '$third'" ;;
esac
say "the cache hit never reached the app: it counted 2 requests for 3 responses"

# Claim 2: nginx's port 80 is the service's only published port.
published=$(docker service inspect -f '{{range .Spec.EndpointSpec.Ports}}{{.TargetPort}}->{{.PublishedPort}} {{end}}' "$service")
[ "$published" = "80->$port " ] || fail "the service should publish only 80->$port, publishes: $published"
say "published ports: $published(nginx only)"

# Claim 3: the app's port can't be reached from outside the pod. From a
# container on the stack's network, the pod's address answers on nginx's port 80
# but refuses the app's 8080, which listens on the pod's loopback only.
address=$(docker inspect -f "{{with index .NetworkSettings.Networks \"$network\"}}{{.IPAddress}}{{end}}" "$id")
[ -n "$address" ] || fail "the controller has no address on $network"
probe=$(docker run --rm --name "${stack}_probe" --network "$network" "$busybox" sh -c "
    timeout 3 wget -q -O /dev/null http://$address:80/ && echo 'port 80: answers' || echo 'port 80: no answer'
    if timeout 3 wget -q -O /dev/null http://$address:8080/ 2>/tmp/err; then echo 'port 8080: answers'
    else echo \"port 8080: \$(cat /tmp/err)\"; fi" 2>&1) || fail "the probe container failed: $probe"
printf '%s\n' "$probe" | sed "s/^/sidecar: from the stack's network, $address /" >&2
grep -q '^port 80: answers' <<<"$probe" || fail "nginx should answer at $address:80 on the stack's network"
if grep -q '^port 8080: answers' <<<"$probe"; then
    fail "the app's port 8080 should not be reachable at the pod's address $address"
fi

# nginx's access log, forwarded by --logs, says the same.
hit_logged() { docker service logs --raw "$service" 2>&1 | grep -E '^proxy +\| .*"GET /cgi-bin/hello HTTP/1.1" 200 cache=HIT' >/dev/null; }
wait_for 20 "the cache hit in docker service logs" hit_logged ||
    fail "docker service logs $service does not show nginx's cache=HIT for GET /cgi-bin/hello"
say "what nginx logged (docker service logs $service):"
docker service logs --raw "$service" 2>&1 | grep -E '^proxy +\| .*cache=' | tail -n 4 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then curl -i http://127.0.0.1:$port/cgi-bin/hello"

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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, http...: what every example does
example=sidecar
stack=podlike-$example
service=${stack}_pod
network=${stack}_default
port=18091
images=("$busybox" "$nginx")
# KEEP=1 leaves the stack running, and suggests:
try=("curl -i http://127.0.0.1:$port/cgi-bin/hello" "docker service logs -f $service")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller says every component is healthy, and nginx answers.
nginx_answers() { http GET / 2>/dev/null; }
wait_pod 90 up healthy_now nginx_answers

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
wait_for 20 "the cache hit in docker service logs" logged '^proxy +\| .*"GET /cgi-bin/hello HTTP/1.1" 200 cache=HIT' ||
    fail "docker service logs $service does not show nginx's cache=HIT for GET /cgi-bin/hello"
say "what nginx logged (docker service logs $service):"
pod_logs | grep -E '^proxy +\| .*cache=' | tail -n 4 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then curl -i http://127.0.0.1:$port/cgi-bin/hello"

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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, http...: what every example does
example=shared-volume
stack=podlike-$example
service=${stack}_pod
port=18093
images=("$busybox" "$nginx")
# KEEP=1 leaves the stack running, and suggests:
try=("curl -i http://127.0.0.1:$port/"
    "docker exec \$(docker ps -q -f name=${service} -f label=io.podlike.component=generator) sh -c 'echo hello again > /srv/message'"
    "docker service logs -f $service")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller says every component is healthy, and nginx answers.
nginx_answers() { http GET / 2>/dev/null; }
wait_pod 90 up healthy_now nginx_answers
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
wait_for 20 "nginx's reload in docker service logs" logged '^nginx +\| .*SIGHUP.*reconfiguring' ||
    fail "docker service logs $service does not show nginx's 'signal 1 (SIGHUP) received ... reconfiguring'"
say "what the pod logged (docker service logs $service):"
pod_logs | grep -E '^generator +\||^nginx +\| .*(SIGHUP|reconfiguring)' | tail -n 6 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then the commands in examples/shared-volume/README.md"

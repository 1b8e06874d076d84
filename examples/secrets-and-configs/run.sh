#!/usr/bin/env bash
# Runs the secrets-and-configs example as a Swarm stack and checks what it
# claims: Swarm configs (nginx's server block and a page) and a Swarm secret
# (its basic-auth users), which Swarm gives to the controller alone, reach the
# nginx component through pod.copy, and nginx serves with them: the page, to
# the user and password in the secret only. Exits non-zero when a
# claim fails.
#
#   examples/secrets-and-configs/run.sh          deploy, check, remove everything
#   KEEP=1 examples/secrets-and-configs/run.sh   deploy, check, leave it running
#   examples/secrets-and-configs/run.sh down     remove what a KEEP=1 run left
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=podlike-secrets-and-configs
service=${stack}_pod
busybox=podlike-examples/busybox:latest
nginx=podlike-examples/nginx:latest
port=18111
credentials=demo:swarm-secret # the user and password in examples/secrets-and-configs/htpasswd

say() { echo "secrets-and-configs: $*" >&2; }
fail() { echo "secrets-and-configs: FAILED: $*" >&2; exit 1; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every second until it succeeds.
wait_for() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || { say "gave up after ${seconds}s waiting for $what"; return 1; }
        sleep 1
    done
}

# fetch URL: prints the HTTP status code of a GET, a newline, then the body.
# curl when there is one, else busybox's wget in a container on the host network.
fetch() {
    : >"$work/body"
    if command -v curl >/dev/null 2>&1; then
        curl -s --max-time 5 -w '%{http_code}\n' -o "$work/body" "$1" || true
    else
        docker run --rm --network host "$busybox" timeout 5 wget -S -q -O - "$1" >"$work/body" 2>"$work/headers" || true
        sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9]*\).*/\1/p' "$work/headers" | tail -n 1
    fi
    cat "$work/body"
}
status_of() { fetch "$1" | sed -n 1p; }

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
        echo "secrets-and-configs: FAILED: these are left of stack $stack:" >&2
        leftovers >&2
        return 1
    fi
    say "removed stack $stack; nothing of it is left"
}

if [ "${1:-}" = down ]; then
    remove_stack
    exit
fi

work=$(mktemp -d)
finish() {
    local status=$?
    trap - EXIT
    rm -rf "$work"
    if [ "${KEEP:-}" = 1 ]; then
        say "KEEP=1: stack $stack is still running. Try"
        say "  curl -u $credentials http://127.0.0.1:$port/"
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
for image in "$nginx" "$busybox"; do
    if ! docker image inspect "$image" >/dev/null 2>&1; then
        say "$image is missing: building it with examples/images/build.sh"
        examples/images/build.sh "$image" || fail "could not build $image; build it with examples/images/build.sh and run this again"
    fi
done

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
deployed=$(docker stack deploy --resolve-image never -c examples/secrets-and-configs/stack.yml "$stack" 2>&1) || { echo "$deployed" >&2; fail "docker stack deploy failed"; }
wait_healthy
id=$(controller)
say "the pod is up: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
docker exec "$id" podlike status >&2
nginx_container=$(docker ps -q --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$id")" --filter label=io.podlike.component=nginx)
[ -n "$nginx_container" ] || fail "the nginx component is not running"

# Claim 1: the component got the config and the secret by pod.copy, not from
# Swarm: they are files in its own filesystem, it has no /run/secrets and no
# mounts of its own, and what it has is what the stack's files hold.
read_file() { docker cp "$nginx_container:$1" - 2>/dev/null | tar -xO; }
[ "$(read_file /etc/nginx/conf.d/default.conf)" = "$(cat examples/secrets-and-configs/site.conf)" ] ||
    fail "/etc/nginx/conf.d/default.conf in the nginx component is not the site config"
[ "$(read_file /srv/www/index.html)" = "$(cat examples/secrets-and-configs/index.html)" ] ||
    fail "/srv/www/index.html in the nginx component is not the page config"
[ "$(read_file /etc/nginx/secrets/htpasswd)" = "$(cat examples/secrets-and-configs/htpasswd)" ] ||
    fail "/etc/nginx/secrets/htpasswd in the nginx component is not the htpasswd secret"
if docker cp "$nginx_container:/run/secrets" - >/dev/null 2>&1; then
    fail "the nginx component has /run/secrets: Swarm should give secrets to the controller only"
fi
mounts=$(docker inspect -f '{{range .Mounts}}{{.Destination}} {{end}}' "$nginx_container")
[ -z "$mounts" ] || fail "the nginx component should have no mounts, has: $mounts"
say "the nginx component has the config and the secret as files pod.copy put there, and no /run/secrets"

# Claim 2: nginx serves with them: the page config, to the secret's user only.
url=http://127.0.0.1:$port/
answers() { [ "$(status_of "$url")" = 401 ]; }
wait_for 30 "nginx to answer at $url" answers || fail "$url should answer 401 without credentials, answered: $(fetch "$url" | sed -n 1p)"
say "without credentials:        $(status_of "$url")"
wrong=$(status_of "http://demo:wrong-password@127.0.0.1:$port/")
say "with a wrong password:      $wrong"
[ "$wrong" = 401 ] || fail "$url should answer 401 to a wrong password, answered: $wrong"
answer=$(fetch "http://$credentials@127.0.0.1:$port/")
say "with $credentials: $(echo "$answer" | sed -n 1p), the page:"
echo "$answer" | sed 1d >&2
[ "$(echo "$answer" | sed -n 1p)" = 200 ] || fail "$url should answer 200 to the secret's user and password, answered: $answer"
[ "$(echo "$answer" | sed 1d)" = "$(cat examples/secrets-and-configs/index.html)" ] ||
    fail "$url should serve the page config (examples/secrets-and-configs/index.html), served: $(echo "$answer" | sed 1d)"

say "OK: every claim holds (in ${SECONDS}s). Try: curl -u $credentials $url"

# shellcheck shell=bash disable=SC2034,SC2154 # the variables are the sourcing run.sh's
# The code every example's run.sh shares, so that each run.sh holds only its
# example: its stack, what it waits for, what it checks, what it shows. A run.sh
# sources it first, then names its example and calls setup:
#
#   set -euo pipefail
#   . "$(dirname "$0")/../lib.sh"
#   example=sidecar                   # examples/sidecar; says "sidecar: ..."
#   stack=podlike-$example            # the Swarm stack it deploys
#   service=${stack}_pod              # the stack's pod
#   port=18091                        # the host port the pod publishes, if any
#   images=("$busybox" "$nginx")      # the example images the stack runs
#   try=("curl http://127.0.0.1:$port/")  # what KEEP=1 suggests trying
#   setup "$@"
#   deploy
#   wait_pod 120 "up and healthy" healthy
#   ... the example's checks ...
#
# Sourcing it changes to the repository's root (paths are relative to it) and
# sets `busybox` and `nginx`, the names of the example images. The functions
# read the variables above when they run, and these, which they set:
#   tmp  a directory for the run's files, removed on exit (setup sets it)
#   id   the pod's controller container (wait_pod sets it)
#
# Messages
#   say TEXT...     prints "EXAMPLE: TEXT" on stderr
#   fail TEXT...    prints "EXAMPLE: FAILED: TEXT" on stderr and exits 1
#   wait_for SECONDS WHAT COMMAND...
#                   runs COMMAND every second until it succeeds; after SECONDS
#                   says it gave up waiting for WHAT, and returns 1
#
# The stack's life
#   setup [down]    `run.sh down`: remove_stack, then exit. Otherwise: makes
#                   $tmp; sets the EXIT trap (which removes the stack, or with
#                   KEEP=1 leaves it running and prints the `try` lines and how
#                   to remove it; the exit status is the script's); makes sure an
#                   engine with a Swarm answers (scripts/engine.sh --swarm);
#                   builds podlike:dev (scripts/build-image.sh) and the `images`
#                   (examples/images/build.sh) when missing; removes what an
#                   earlier run left of the stack
#   deploy          docker stack deploy of examples/EXAMPLE/stack.yml as $stack
#   remove_stack    removes the stack and its volumes; fails, listing them, when
#                   something of it is still there a minute later
#   leftovers       what is left of the stack, a line each: containers (the
#                   components' names share their controller's prefix),
#                   services, networks, volumes, configs, secrets
#
# The pod
#   wait_pod SECONDS STATE CHECK...
#                   waits until the service's controller runs and every CHECK
#                   (a command, without arguments: healthy, healthy_now, or the
#                   example's own) succeeds; then sets id, says "the pod is
#                   STATE" and shows `podlike status`. Fails at once when the
#                   task ended or the port is taken, and after SECONDS ("the
#                   pod was not STATE within SECONDS s"), showing the tasks and
#                   the logs
#   controller      the running controller container of $service (its ID)
#   healthy         Docker says the controller is healthy: its healthcheck,
#                   `podlike healthcheck`, passed the last time it ran
#   healthy_now     `podlike healthcheck`, run in the controller now: every
#                   component is running and healthy
#   component NAME  the container of component NAME of the pod ($id)
#   pod_logs        what the components wrote, forwarded by --logs: docker
#                   service logs --raw, stdout and stderr, "NAME | line" lines
#   logged REGEX    whether a line of pod_logs matches REGEX (grep -E)
#   explain         shows the service's tasks and the last lines of its logs
#
# HTTP, with curl, or without it with busybox wget in a container on the host's
# network (Debian's busybox crashes on `wget -T`: timeout 5 wget)
#   http METHOD URL a GET, or a POST with an empty body, to URL; a URL that is a
#                   path is on http://127.0.0.1:$port. The answer's headers go
#                   in $tmp/headers, its body in $tmp/body. Fails, saying why,
#                   when nothing answers or the status is 400 or more (the
#                   headers are still there; the body is not)
#   get URL         prints the body of a GET to URL; fails as http does
#   header NAME     the value of the last answer's header NAME
#   status_line     the last answer's status line ("HTTP/1.1 200 OK")
#   status_code     its status code (000 when nothing answered)
#
# The rest are their helpers: finish (the EXIT trap), no_containers and
# nothing_left (for remove_stack), task_ended and pod_ready (for wait_pod).

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit
busybox=podlike-examples/busybox:latest
nginx=podlike-examples/nginx:latest

say() { echo "$example: $*" >&2; }
fail() { echo "$example: FAILED: $*" >&2; exit 1; }

wait_for() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || { say "gave up after ${seconds}s waiting for $what"; return 1; }
        sleep 1
    done
}

# --- The stack's life --------------------------------------------------------

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
        echo "$example: FAILED: these are left of stack $stack:" >&2
        leftovers >&2
        return 1
    fi
    say "removed stack $stack; nothing of it is left"
}

# The EXIT trap: the stack goes, whatever the outcome, unless KEEP=1.
finish() {
    local status=$? line
    trap - EXIT
    rm -rf "$tmp"
    if [ "${KEEP:-}" = 1 ]; then
        say "KEEP=1: stack $stack is still running. Try:"
        for line in "${try[@]}"; do say "  $line"; done
        say "and remove it with: $0 down"
        exit "$status"
    fi
    remove_stack || status=1
    exit "$status"
}

setup() {
    if [ "${1:-}" = down ]; then
        remove_stack
        exit
    fi
    tmp=$(mktemp -d)
    trap finish EXIT
    trap 'exit 130' INT TERM

    scripts/engine.sh --swarm
    local image
    if ! docker image inspect podlike:dev >/dev/null 2>&1; then
        say "podlike:dev is missing: building it with scripts/build-image.sh (a release build takes a few minutes)"
        scripts/build-image.sh podlike:dev || fail "could not build podlike:dev; build it with scripts/build-image.sh and run this again"
    fi
    for image in "${images[@]}"; do
        if ! docker image inspect "$image" >/dev/null 2>&1; then
            say "$image is missing: building it with examples/images/build.sh"
            examples/images/build.sh "$image" || fail "could not build $image; build it with examples/images/build.sh and run this again"
        fi
    done

    if [ -n "$(leftovers)" ]; then
        say "an earlier run left stack $stack behind: removing it first"
        remove_stack
    fi
}

deploy() {
    local deployed
    say "deploying stack $stack"
    deployed=$(docker stack deploy --resolve-image never -c "examples/$example/stack.yml" "$stack" 2>&1) ||
        { echo "$deployed" >&2; fail "docker stack deploy failed"; }
}

# --- The pod -----------------------------------------------------------------

controller() { docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | sed -n 1p; }
healthy() {
    local id
    id=$(controller)
    [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]
}
healthy_now() {
    local id
    id=$(controller)
    [ -n "$id" ] && docker exec "$id" podlike healthcheck >/dev/null 2>&1
}
component() {
    docker ps -q --filter "label=io.podlike.controller=$(docker inspect -f '{{.Id}}' "$id")" --filter "label=io.podlike.component=$1"
}
pod_logs() { docker service logs --raw "$service" 2>&1; }
logged() { pod_logs | grep -E "$1" >/dev/null; }
explain() {
    docker service ps --no-trunc "$service" >&2 || true
    docker service logs "$service" 2>&1 | tail -n 30 >&2 || true
}

# A task that failed, or can't be placed because the port is taken (by another
# stack, say), won't come up: no need to wait for the deadline.
task_ended() {
    docker service ps --no-trunc --format '{{.CurrentState}}: {{.Error}}' "$service" 2>/dev/null |
        { grep -E '^(Failed|Rejected|Complete)|port already in use' || true; } | sed -n 1p
}
pod_ready() {
    local check
    [ -n "$(controller)" ] || return 1
    for check; do "$check" || return 1; done
}
wait_pod() {
    local seconds=$1 state=$2 deadline=$((SECONDS + $1)) ended
    shift 2
    until pod_ready "$@"; do
        ended=$(task_ended)
        case "$ended" in
            "") ;;
            *"port already in use"*) explain; fail "port ${port:-} is taken, by another stack or process (docker service ls shows stacks): $ended" ;;
            *) explain; fail "the pod's task ended ($ended)" ;;
        esac
        [ "$SECONDS" -lt "$deadline" ] || { explain; fail "the pod was not $state within $seconds s"; }
        sleep 1
    done
    id=$(controller)
    say "the pod is $state: controller $(docker inspect -f '{{.Name}}' "$id" | cut -c2-)"
    docker exec "$id" podlike status >&2
}

# --- HTTP --------------------------------------------------------------------

if command -v curl >/dev/null 2>&1; then
    http() {
        local url=$2 data=()
        [ "${url#/}" = "$url" ] || url=http://127.0.0.1:${port}$url
        [ "$1" = GET ] || data=(--data '')
        : >"$tmp/headers"
        : >"$tmp/body"
        curl -fsS --max-time 5 -X "$1" "${data[@]}" -D "$tmp/headers" -o "$tmp/body" "$url"
    }
else # busybox wget, from the example image, on the host's network
    http() {
        local url=$2 data=() status=0
        [ "${url#/}" = "$url" ] || url=http://127.0.0.1:${port}$url
        [ "$1" = GET ] || data=(--post-data '')
        docker run --rm --network host "$busybox" timeout 5 wget -S -O - "${data[@]}" "$url" \
            >"$tmp/body" 2>"$tmp/wget" || status=$?
        sed -n 's/^  //p' "$tmp/wget" >"$tmp/headers"
        [ "$status" -eq 0 ] || { grep '^wget:' "$tmp/wget" >&2; return "$status"; }
    }
fi
get() { http GET "$1" && cat "$tmp/body"; }
header() { { grep -i "^$1:" "$tmp/headers" 2>/dev/null || true; } | tail -n 1 | cut -d: -f2- | tr -d ' \r'; }
status_line() { { grep '^HTTP/' "$tmp/headers" 2>/dev/null || true; } | tail -n 1 | tr -d '\r'; }
status_code() { status_line | awk '{ print $2 } END { if (NR == 0) print "000" }'; }

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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, ...: what every example does
example=logging
stack=podlike-$example
service=${stack}_pod
images=("$busybox")
# KEEP=1 leaves the stack running, and suggests:
try=("docker service logs -f $service")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller's healthcheck (every component running and healthy) passed.
wait_pod 120 "up and healthy" healthy

# Claim 1: the volume is the controller's, and podlike mounted it into both components.
volume=${stack}_logs
for name in app tailer; do
    mounted=$(component "$name" | xargs -r docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}')
    case " $mounted " in
        *" $volume:/var/log/app "*) say "component $name has volume $volume at /var/log/app" ;;
        *) fail "component $name should have volume $volume at /var/log/app, has: ${mounted:-no container}" ;;
    esac
done

# Claim 2: the app's file lines reach `docker service logs` through the tailer,
# prefixed with its name (podlike pads names to the longest one, then " | ").
line='app: handled job 3'
wait_for 60 "\"tailer | $line\" in docker service logs" logged "^tailer +\| $line\$" ||
    fail "docker service logs $service does not show \"tailer | $line\""
say "docker service logs $service shows the app's log file through the tailer:"
docker service logs "$service" 2>/dev/null | grep -E '\| tailer +\| ' | sed -n 1,5p >&2

# Claim 3: those lines came from the file, not from the app's own output.
if docker service logs --raw "$service" 2>/dev/null | grep -E '^app +\| ' >/dev/null; then
    fail "the app wrote to its stdout; its lines should only reach the logs through the tailer"
fi
say "the app itself wrote nothing to its stdout: every app line above came from /var/log/app/app.log"

say "OK: every claim holds (in ${SECONDS}s). Try: docker service logs -f $service"

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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, http...: what every example does
example=signal
stack=podlike-$example
service=${stack}_pod
port=18092
images=("$busybox" "$nginx")
# KEEP=1 leaves the stack running, and suggests:
try=("curl http://127.0.0.1:$port/pids; curl -X POST http://127.0.0.1:$port/reload" "docker service logs -f $service")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller says every component is healthy, and nginx answers.
nginx_answers() { http GET / 2>/dev/null; }
wait_pod 90 up healthy_now nginx_answers
nginx_id=$(component nginx)
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
wait_for 20 "nginx's reload in docker service logs" logged '^nginx +\| .*SIGHUP.*reconfiguring' ||
    fail "docker service logs $service does not show nginx's 'signal 1 (SIGHUP) received ... reconfiguring'"
say "what the pod logged (docker service logs $service):"
pod_logs | grep -E '^(admin|nginx) +\| .*(SIGHUP|reconfiguring|worker process)' | tail -n 8 >&2 || true

say "OK: every claim holds (in ${SECONDS}s). Try: KEEP=1 $0, then curl -X POST http://127.0.0.1:$port/reload"

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
. "$(dirname "$0")/../lib.sh" # say, fail, wait_for, setup, deploy, wait_pod, http...: what every example does
example=secrets-and-configs
stack=podlike-$example
service=${stack}_pod
port=18111
images=("$nginx" "$busybox")
credentials=demo:swarm-secret # the user and password in examples/secrets-and-configs/htpasswd
# KEEP=1 leaves the stack running, and suggests:
try=("curl -u $credentials http://127.0.0.1:$port/")

setup "$@" # `run.sh down` ends here; else: the engine, the images, the clean-up on exit
deploy
# Up: the controller's healthcheck (every component running and healthy) passed.
wait_pod 120 "up and healthy" healthy
nginx_container=$(component nginx)
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
# status_of URL: the status code of a GET (401: nginx asks for a user and password).
status_of() { http GET "$1" 2>/dev/null || true; status_code; }
answers() { [ "$(status_of "$url")" = 401 ]; }
wait_for 30 "nginx to answer at $url" answers || fail "$url should answer 401 without credentials, answered: $(status_of "$url")"
say "without credentials:        $(status_of "$url")"
wrong=$(status_of "http://demo:wrong-password@127.0.0.1:$port/")
say "with a wrong password:      $wrong"
[ "$wrong" = 401 ] || fail "$url should answer 401 to a wrong password, answered: $wrong"
code=$(status_of "http://$credentials@127.0.0.1:$port/")
page=$(cat "$tmp/body")
say "with $credentials: $code, the page:"
echo "$page" >&2
[ "$code" = 200 ] || fail "$url should answer 200 to the secret's user and password, answered: $code"
[ "$page" = "$(cat examples/secrets-and-configs/index.html)" ] ||
    fail "$url should serve the page config (examples/secrets-and-configs/index.html), served: $page"

say "OK: every claim holds (in ${SECONDS}s). Try: curl -u $credentials $url"

#!/usr/bin/env bash
# Makes sure a Docker engine answers, with a single-node Swarm: the one place
# that installs and starts one, for .ci/run and the examples alike.
#
#   scripts/engine.sh          an engine must answer at DOCKER_HOST (or the local
#                              socket); as root on Debian or Ubuntu with none, it
#                              installs docker.io and starts dockerd, and says so
#   scripts/engine.sh --swarm  the same, and then a single-node Swarm
#
# Without root or apt it stops, saying how to get an engine.
set -euo pipefail
say() { echo "podlike: $*" >&2; }

if ! timeout 10 docker info >/dev/null 2>&1; then
    if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix://}" = "$DOCKER_HOST" ]; then
        say "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST; start it, or unset DOCKER_HOST to use a local one"
        exit 1
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        say "no Docker engine answers here. Install and start one (on Debian or Ubuntu: sudo apt-get install docker.io && sudo systemctl start docker),"
        say "or run this as root on Debian or Ubuntu and it does that for you; then add yourself to the docker group or use sudo"
        exit 1
    fi
    if ! command -v dockerd >/dev/null 2>&1 || ! command -v busybox >/dev/null 2>&1; then
        say "no Docker engine here: installing docker.io and busybox-static with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static >/dev/null
    fi
    if ! timeout 10 docker info >/dev/null 2>&1; then
        say "starting dockerd (log: /tmp/podlike-dockerd.log)"
        if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
            systemctl start docker
        else
            nohup dockerd >/tmp/podlike-dockerd.log 2>&1 &
        fi
        for _ in $(seq 1 60); do
            timeout 5 docker info >/dev/null 2>&1 && break
            sleep 1
        done
        if ! timeout 10 docker info >/dev/null 2>&1; then
            say "dockerd did not answer within a minute; its log:"
            tail -n 40 /tmp/podlike-dockerd.log >&2 || true
            exit 1
        fi
    fi
fi

if [ "${1:-}" = "--swarm" ] && [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != "active" ]; then
    say "initialising a single-node Swarm on this engine"
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null
fi

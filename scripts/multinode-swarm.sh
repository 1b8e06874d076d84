#!/usr/bin/env bash
# A Swarm of one manager and two workers on this one machine, for the
# multi-node end-to-end tests (issue 5 "Several nodes").
#
#   scripts/multinode-swarm.sh up      build it (after cleaning any leftovers)
#   scripts/multinode-swarm.sh down    tear it down completely
#   scripts/multinode-swarm.sh start|stop|kill NODE   one node's dockerd
#   scripts/multinode-swarm.sh status
#
# Each node is a separate dockerd with its own data root, exec root, pidfile and
# socket (/run/podlike-swarm/NODE.sock), in its own network namespace and UTS
# namespace (so node names differ). The namespaces are joined by veths on a
# bridge with addresses in 10.213.0.0/24, which exists only inside this machine:
# the bridge has no address on the host and no route leads out of the namespaces.
# The host's own engine and Swarm are left alone.
#
# Needs root, iproute2, iptables and util-linux (nsenter, unshare).
set -euo pipefail

NODES=(manager worker1 worker2)
ROOT=/run/podlike-swarm             # sockets, pidfiles, exec roots, logs
DATA=/var/lib/podlike-swarm         # data roots
BRIDGE=plsw0
SUBNET=10.213.0
IMAGES=("${PODLIKE_IMAGE:-podlike:dev}" podlike-test/busybox:latest)
HOST_DOCKER=(docker -H "${PODLIKE_HOST_DOCKER_HOST:-unix:///var/run/docker.sock}")

log() { echo "multinode-swarm: $*" >&2; }
die() { log "$*"; exit 1; }

address() {  # NODE -> its address in the test subnet
    case "$1" in manager) echo "$SUBNET.2" ;; worker1) echo "$SUBNET.3" ;; worker2) echo "$SUBNET.4" ;; *) die "unknown node $1" ;; esac
}
sock() { echo "$ROOT/$1.sock"; }
node_docker() { local node=$1; shift; docker -H "unix://$(sock "$node")" "$@"; }

# Waits up to $2 seconds for NODE's engine to answer.
wait_for_engine() {
    local node=$1 seconds=$2
    for _ in $(seq 1 "$seconds"); do
        timeout 5 docker -H "unix://$(sock "$node")" version >/dev/null 2>&1 && return 0
        sleep 1
    done
    tail -n 30 "$ROOT/$node.log" >&2 || true
    die "the engine of $node did not answer within ${seconds}s"
}

start_node() {
    local node=$1
    [ -e "/var/run/netns/podlike-$node" ] || die "no network namespace for $node; run up first"
    if [ -f "$ROOT/$node.pid" ] && kill -0 "$(cat "$ROOT/$node.pid")" 2>/dev/null; then
        log "$node is already running"
        return 0
    fi
    rm -f "$(sock "$node")" "$ROOT/$node.pid"
    mkdir -p "$ROOT/$node" "$DATA/$node"
    [ -f "$ROOT/daemon.json" ] || echo '{}' >"$ROOT/daemon.json"
    # nsenter, not `ip netns exec`, which remounts /sys and hides the cgroup mounts.
    # The engine keeps no descriptor of ours beyond 0-2: a caller that watches a
    # pipe or socket for this script's end (Foundation's Process does) would wait
    # for as long as the engine runs.
    (
        for fd in $(ls /proc/$BASHPID/fd); do
            [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true
        done
        exec setsid nohup nsenter --net="/var/run/netns/podlike-$node" \
        unshare --uts sh -c "hostname $node && exec dockerd \
            --config-file $ROOT/daemon.json \
            --data-root $DATA/$node --exec-root $ROOT/$node --pidfile $ROOT/$node.pid \
            -H unix://$(sock "$node") --bridge none --iptables=false --ip-masq=false \
            --containerd-namespace podlike-$node --containerd-plugins-namespace podlike-$node-plugins" \
        >>"$ROOT/$node.log" 2>&1 </dev/null
    ) &
    wait_for_engine "$node" 60
}

# Stops NODE's dockerd: `stop` with SIGTERM (the engine stops its containers),
# `kill` with SIGKILL (a lost node: its containers keep running until it returns).
stop_node() {
    local node=$1 signal=${2:-TERM}
    local pidfile="$ROOT/$node.pid"
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && { log "$node's dockerd ($pid) ignored SIG$signal; killing it"; kill -KILL "$pid" 2>/dev/null || true; sleep 1; }
    fi
    if [ "$signal" = TERM ]; then
        rm -f "$pidfile"
    fi
}

# Everything that still runs out of NODE's exec root: containerd, its shims and
# their containers. Called by `down` only.
kill_node_processes() {
    local node=$1 pid
    for pid in $(pgrep -f -- "$ROOT/$node/" || true); do
        kill -KILL "$pid" 2>/dev/null || true
    done
    # Container processes of this node: their cgroup names a container of this
    # node's data root.
    if [ -d "$DATA/$node/containers" ]; then
        local id
        for id in $(ls "$DATA/$node/containers"); do
            for pid in $(grep -l "$id" /proc/[0-9]*/cgroup 2>/dev/null | cut -d/ -f3 || true); do
                kill -KILL "$pid" 2>/dev/null || true
            done
        done
    fi
}

down() {
    for node in "${NODES[@]}"; do
        stop_node "$node" TERM
    done
    sleep 1
    for node in "${NODES[@]}"; do
        kill_node_processes "$node"
    done
    sleep 1
    # Mounts left under the roots (overlay, netns, shm) would keep rm from working.
    local mount
    for mount in $(awk -v a="$ROOT" -v b="$DATA" '$5 ~ "^"a"/" || $5 ~ "^"b"/" {print $5}' /proc/self/mountinfo | sort -r); do
        umount -l "$mount" 2>/dev/null || true
    done
    for node in "${NODES[@]}"; do
        ip netns delete "podlike-$node" 2>/dev/null || true
        ip link delete "plsw-$node" 2>/dev/null || true
    done
    ip link delete "$BRIDGE" 2>/dev/null || true
    while iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null; do :; done
    rm -rf "$ROOT" "$DATA"
    log "down"
}

up() {
    [ "$(id -u)" = 0 ] || die "must run as root"
    local tool
    for tool in ip iptables nsenter unshare dockerd docker; do
        command -v "$tool" >/dev/null || die "$tool is missing (iproute2, iptables, util-linux, docker.io)"
    done
    for image in "${IMAGES[@]}"; do
        "${HOST_DOCKER[@]}" image inspect "$image" >/dev/null 2>&1 || die "image $image is missing on the host's engine"
    done
    down 2>/dev/null
    mkdir -p "$ROOT" "$DATA"

    ip link add "$BRIDGE" type bridge
    ip link set "$BRIDGE" up
    # The first engine's FORWARD policy is DROP, and bridged frames go through it.
    iptables -I FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
    for node in "${NODES[@]}"; do
        ip netns add "podlike-$node"
        ip link add "plsw-$node" type veth peer name eth0 netns "podlike-$node"
        ip link set "plsw-$node" master "$BRIDGE" up
        ip -n "podlike-$node" link set lo up
        ip -n "podlike-$node" addr add "$(address "$node")/24" dev eth0
        ip -n "podlike-$node" link set eth0 up
    done

    log "starting the engines"
    for node in "${NODES[@]}"; do
        start_node "$node"
    done
    for node in "${NODES[@]}"; do
        wait_for_engine "$node" 30
    done

    log "copying ${IMAGES[*]} to every node"
    local archive="$ROOT/images.tar"
    "${HOST_DOCKER[@]}" save -o "$archive" "${IMAGES[@]}"
    local loads=()
    for node in "${NODES[@]}"; do
        timeout 120 docker -H "unix://$(sock "$node")" load -q -i "$archive" >/dev/null &
        loads+=($!)
    done
    # Only the loads: a bare `wait` would wait for the engines too.
    for pid in "${loads[@]}"; do wait "$pid" || die "an image load failed"; done
    rm -f "$archive"

    log "forming the Swarm"
    local manager_address
    manager_address=$(address manager)
    node_docker manager swarm init --dispatcher-heartbeat 2s --task-history-limit 2 --advertise-addr "$manager_address" --listen-addr "$manager_address:2377" >/dev/null
    local token
    token=$(node_docker manager swarm join-token -q worker)
    for node in worker1 worker2; do
        timeout 60 docker -H "unix://$(sock "$node")" swarm join --token "$token" \
            --advertise-addr "$(address "$node")" --listen-addr "$(address "$node"):2377" "$manager_address:2377" >/dev/null
    done
    for _ in $(seq 1 60); do
        ready=$(node_docker manager node ls --format '{{.Status}}' | grep -c Ready || true)
        [ "$ready" = 3 ] && break
        sleep 1
    done
    [ "$ready" = 3 ] || { node_docker manager node ls >&2; die "not every node is ready"; }
    node_docker manager node ls >&2
    echo "$(sock manager)"
    log "manager socket: $(sock manager); workers: $(sock worker1) $(sock worker2)"
}

status() {
    for node in "${NODES[@]}"; do
        if [ -S "$(sock "$node")" ] && timeout 5 docker -H "unix://$(sock "$node")" info --format "$node {{.Name}} {{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}" 2>/dev/null; then :; else echo "$node down"; fi
    done
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    start) start_node "${2:?node}" ;;
    stop) stop_node "${2:?node}" TERM ;;
    kill) stop_node "${2:?node}" KILL ;;
    status) status ;;
    *) echo "usage: $0 up|down|status|start NODE|stop NODE|kill NODE" >&2; exit 2 ;;
esac

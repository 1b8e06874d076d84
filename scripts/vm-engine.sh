#!/usr/bin/env bash
# A second Docker engine in a QEMU VM, for the end-to-end tests in CI:
# Debian trixie, docker.io 26.1, cgroup v2, systemd cgroup driver.
#
#   scripts/vm-engine.sh up       build what is missing, start the VM, print DOCKER_HOST=...
#   scripts/vm-engine.sh down     stop the VM, remove its throwaway disk
#   scripts/vm-engine.sh status   running (exit 0, with versions) or stopped (exit 3)
#
# The build is cached under $PODLIKE_VM_DIR (default <repo>/.build-vm): rootfs/
# (debootstrap), base.img (sparse ext4 made by mkfs.ext4 -d: no loop device), and
# golden.qcow2 + state.zst, the VM frozen after one cold boot with the engine up and
# podlike-test/busybox imported. `up` restores that snapshot onto a throwaway overlay
# in seconds. Delete base.img to rebuild after changing the guest configuration here.
#
# No usable KVM on the CI machines: QEMU emulates (TCG), 20-30x slower than native.
# The engine's TCP API is unauthenticated: it is forwarded to 127.0.0.1 only.
# Building needs root; missing tools come from apt. Env: PODLIKE_VM_DIR,
# PODLIKE_VM_PORT (23750), PODLIKE_VM_MEM (MB, 2048), PODLIKE_VM_MIRROR (host's archive).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VM=${PODLIKE_VM_DIR:-$repo/.build-vm}
RUN=$VM/run
PORT=${PODLIKE_VM_PORT:-23750}
MEM=${PODLIKE_VM_MEM:-2048}
CPUS=2
SUITE=trixie
INCLUDE=linux-image-amd64,systemd-sysv,udev,kmod,initramfs-tools,docker.io,iproute2,ca-certificates,busybox-static
# modprobe.blacklist: drivers udev would load for q35 devices nobody uses; each costs seconds under TCG
APPEND="root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet modprobe.blacklist=kvm,kvm_amd,kvm_intel,iTCO_wdt,iTCO_vendor_support,lpc_ich,i2c_i801,powernow_k8,ahci,libahci,psmouse,pcspkr,serio_raw,evdev,joydev,button,sg,bochs,drm"
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
export DOCKER_HOST=tcp://127.0.0.1:$PORT

log() { echo "vm-engine: $*" >&2; }
die() { log "$*"; exit 1; }

# The VM's QEMU pid, if it runs (the comm check guards against a reused pid).
qemu_pid() { local p; p=$(cat "$RUN/qemu.pid" 2>/dev/null) && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = qemu-system-x86 ] && echo "$p"; }
alive() { qemu_pid >/dev/null; }
mon() { printf '%s\n' "$*" | socat -t 0.5 - "UNIX-CONNECT:$RUN/monitor.sock" 2>/dev/null | tr -d '\r' || true; }
engine_up() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# Stops the VM and says why, with the end of the guest console and of QEMU's own log.
fail() {
    log "$*"
    log "--- end of $RUN/console.log and qemu.log:"; tail -n 30 "$RUN/console.log" "$RUN/qemu.log" >&2 2>/dev/null || true
    stop_vm
    exit 1
}

install_tools() {
    local need=() p
    for p in qemu-system-x86 qemu-utils debootstrap socat zstd e2fsprogs; do
        dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
    done
    command -v docker >/dev/null || die "needs the docker CLI on the host"
    [ ${#need[@]} -gt 0 ] || return 0
    local t0=$SECONDS
    log "installing ${need[*]}"
    [ "$(id -u)" = 0 ] || die "needs root to install ${need[*]}"
    # the lock timeout: a fresh CI machine may still be running its own apt
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}"
    log "packages $((SECONDS - t0))s"
}

build_rootfs() {
    [ -e "$VM/rootfs.ok" ] && return 0
    [ "$(id -u)" = 0 ] || die "needs root to build the VM (debootstrap, chroot)"
    local mirror=${PODLIKE_VM_MIRROR:-}   # the archive the host's apt uses: it is reachable from CI
    [ -n "$mirror" ] || mirror=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || die "no Debian archive in the host's apt sources; set PODLIKE_VM_MIRROR"
    local t0=$SECONDS
    log "debootstrap $SUITE from $mirror (~3 min)"
    rm -rf "$VM/rootfs" "$VM/base.img" "$VM/bake.conf"
    debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$VM/rootfs" "$mirror" \
        >"$VM/debootstrap.log" 2>&1 || { tail -n 20 "$VM/debootstrap.log" >&2; die "debootstrap failed; see $VM/debootstrap.log"; }
    touch "$VM/rootfs.ok"
    log "debootstrap $((SECONDS - t0))s"
}

build_image() {
    [ -e "$VM/base.img" ] && return 0
    [ "$(id -u)" = 0 ] || die "needs root to build the VM (chroot)"
    local t0=$SECONDS r=$VM/rootfs
    rm -f "$VM/bake.conf"
    mkdir -p "$r/etc/docker" "$r/etc/systemd/network"
    echo podlike-vm >"$r/etc/hostname"
    printf '127.0.0.1 localhost\n127.0.1.1 podlike-vm\n' >"$r/etc/hosts"
    echo '/dev/vda / ext4 rw,discard,errors=remount-ro 0 1' >"$r/etc/fstab"
    echo 'nameserver 10.0.2.3' >"$r/etc/resolv.conf"
    # a fixed machine-id: no first-boot work at every cold boot
    grep -qx '[0-9a-f]\{32\}' "$r/etc/machine-id" 2>/dev/null || od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$r/etc/machine-id"
    # static address on QEMU's user network (guest 10.0.2.15, gateway 10.0.2.2, DNS 10.0.2.3)
    printf '%s\n' '[Match]' 'Name=eth0' '[Network]' 'Address=10.0.2.15/24' 'Gateway=10.0.2.2' \
        'DNS=10.0.2.3' 'LinkLocalAddressing=no' 'IPv6AcceptRA=no' >"$r/etc/systemd/network/10-eth0.network"
    chroot "$r" systemctl enable systemd-networkd.service >/dev/null 2>&1
    # the engine: TCP 2375 besides its unix socket (Debian's docker.service adds $DOCKER_OPTS)
    echo 'DOCKER_OPTS="-H tcp://0.0.0.0:2375"' >"$r/etc/default/docker"
    echo '{ "storage-driver": "overlay2", "exec-opts": ["native.cgroupdriver=systemd"] }' >"$r/etc/docker/daemon.json"
    # A restored guest's clock resumes at the snapshot's time. `up` writes the host's
    # time as a line to the second serial port; this service sets the clock from it.
    printf '%s\n' '[Unit]' 'Description=Clock from the host over ttyS1' '[Service]' \
        "ExecStart=/bin/sh -c 'exec </dev/ttyS1 && stty raw -echo && while read -r t; do date -s \"@\$\$t\"; done'" \
        'Restart=always' '[Install]' 'WantedBy=multi-user.target' >"$r/etc/systemd/system/podlike-clock.service"
    chroot "$r" systemctl enable podlike-clock.service >/dev/null 2>&1
    # nothing here needs these, and each slows the boot under TCG
    chroot "$r" systemctl mask systemd-networkd-wait-online.service apt-daily.timer apt-daily-upgrade.timer \
        dpkg-db-backup.timer fstrim.timer e2scrub_reap.service e2scrub_all.timer getty@tty1.service \
        systemd-pstore.service >/dev/null 2>&1 || true
    # a small initramfs with only what mounting /dev/vda takes
    sed -i 's/^MODULES=.*/MODULES=list/' "$r/etc/initramfs-tools/initramfs.conf"
    printf '%s\n' virtio_pci virtio_blk virtio_net ext4 crc32c_generic >"$r/etc/initramfs-tools/modules"
    chroot "$r" update-initramfs -u -k all >"$VM/initramfs.log" 2>&1 || die "update-initramfs failed; see $VM/initramfs.log"
    chroot "$r" apt-get clean
    cp "$r"/boot/vmlinuz-* "$VM/vmlinuz" && cp "$r"/boot/initrd.img-* "$VM/initrd.img"
    mkfs.ext4 -q -F -L podlike-vm -E root_owner=0:0 -d "$r" "$VM/base.img.tmp" 8G >/dev/null
    mv "$VM/base.img.tmp" "$VM/base.img"
    log "image $((SECONDS - t0))s ($(du -h "$VM/base.img" | cut -f1) used of 8G)"
}

# Starts QEMU in the background on DISK (a qcow2), with any extra arguments.
start_qemu() {
    local disk=$1; shift
    mkdir -p "$RUN"
    rm -f "$RUN/console.log" "$RUN/qemu.log" "$RUN/monitor.sock" "$RUN/clock.sock" "$RUN/qemu.pid"
    # setsid and no inherited descriptors: a caller waiting for our output must not wait for QEMU too
    setsid qemu-system-x86_64 -name podlike-vm-engine \
        -machine q35 -accel tcg,thread=multi -cpu max -smp "$CPUS" -m "$MEM" \
        -nodefaults -no-user-config -display none \
        -kernel "$VM/vmlinuz" -initrd "$VM/initrd.img" -append "$APPEND" \
        -drive "file=$disk,if=virtio,format=qcow2,cache=unsafe,discard=unmap" \
        -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$PORT-:2375" -device virtio-net-pci,netdev=n0 \
        -device virtio-rng-pci \
        -serial "file:$RUN/console.log" -serial "unix:$RUN/clock.sock,server=on,wait=off" \
        -monitor "unix:$RUN/monitor.sock,server=on,wait=off" \
        -pidfile "$RUN/qemu.pid" "$@" </dev/null >"$RUN/qemu.log" 2>&1 3>&- 9>&- &
    local until=$((SECONDS + 20))
    until alive && [ -S "$RUN/monitor.sock" ]; do
        kill -0 $! 2>/dev/null || alive || fail "QEMU did not start"
        [ $SECONDS -lt $until ] || fail "QEMU did not start within 20s"
        sleep 0.2
    done
    echo "$PORT" >"$RUN/port"
}

# Waits up to SECONDS for the engine to answer.
wait_engine() {
    local until=$((SECONDS + $1))
    while [ $SECONDS -lt $until ]; do
        engine_up && return 0
        alive || fail "QEMU exited before the engine answered"
        sleep 1
    done
    fail "the engine did not answer within $1s ($2)"
}

stop_vm() {
    local pid
    if pid=$(qemu_pid); then
        mon quit >/dev/null
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill "$pid" && sleep 2
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$RUN/disk.qcow2" "$RUN/qemu.pid" "$RUN/port" "$RUN/monitor.sock" "$RUN/clock.sock"
}

# What a snapshot is only valid for: the same virtual hardware and QEMU.
bake_key() { echo "mem=$MEM cpus=$CPUS $(qemu-system-x86_64 --version | head -n 1)"; }

bake() {
    [ -e "$VM/bake.conf" ] && [ "$(cat "$VM/bake.conf")" = "$(bake_key)" ] && return 0
    local t0=$SECONDS
    log "bake: cold boot, import podlike-test/busybox, snapshot (~4 min)"
    rm -f "$VM/bake.conf" "$VM/state.zst" "$VM/golden.qcow2"
    # golden.qcow2 names its backing file relative to itself, so the cache can move
    qemu-img create -q -f qcow2 -F raw -b base.img "$VM/golden.tmp.qcow2"
    start_qemu "$VM/golden.tmp.qcow2"
    wait_engine 480 "cold boot"
    log "cold boot $((SECONDS - t0))s"
    # the image the tests use, made by the project's own script from the guest's static busybox
    mkdir -p "$VM/bin" && ln -sf ../rootfs/usr/bin/busybox "$VM/bin/busybox"
    PATH="$VM/bin:$PATH" "$repo/scripts/test-images.sh" podlike-test/busybox:latest >&2
    docker run --rm --network none podlike-test/busybox true   # the first container start is the slowest
    # freeze: stopped first, so the state is consistent with the disk (and restores paused)
    mon stop >/dev/null
    mon "migrate \"exec:zstd -1 -T$CPUS -q -o '$VM/state.tmp.zst'\"" >/dev/null
    local until=$((SECONDS + 300)) st=
    until [[ $st == *completed* ]]; do
        [ $SECONDS -lt $until ] || fail "the snapshot did not complete within 300s"
        sleep 1
        st=$(mon info migrate | grep 'Migration status' || true)
        [[ $st != *failed* ]] || fail "the snapshot failed: $st"
    done
    stop_vm
    mv "$VM/golden.tmp.qcow2" "$VM/golden.qcow2" && mv "$VM/state.tmp.zst" "$VM/state.zst"
    bake_key >"$VM/bake.conf"
    log "bake $((SECONDS - t0))s (state $(du -h "$VM/state.zst" | cut -f1), disk $(du -h "$VM/golden.qcow2" | cut -f1))"
}

# Host minus guest clock in ms, the guest's read from the engine (mid-request).
clock_skew() {
    local h0 g h1
    h0=$(date +%s%3N); g=$(timeout 20 docker info --format '{{.SystemTime}}') || return 1; h1=$(date +%s%3N)
    echo $(((h0 + h1) / 2 - $(date -d "$g" +%s%3N)))
}
set_clock() { date +%s.%3N | socat -t 0.2 - "UNIX-CONNECT:$RUN/clock.sock" || fail "cannot write to the clock port"; }

restore() {
    local t0=$SECONDS skew=
    rm -f "$RUN/disk.qcow2" && mkdir -p "$RUN"
    qemu-img create -q -f qcow2 -F qcow2 -b ../golden.qcow2 "$RUN/disk.qcow2"
    start_qemu "$RUN/disk.qcow2" -incoming "exec:zstd -dcq '$VM/state.zst'"
    # the snapshot was taken stopped, so the VM arrives paused: resume it once the state is in
    until mon info migrate | grep -q 'Migration status: completed'; do
        alive || fail "QEMU exited while loading the snapshot"
        [ $((SECONDS - t0)) -lt 180 ] || fail "the snapshot did not load within 180s"
        sleep 0.3
    done
    mon cont >/dev/null
    set_clock
    wait_engine $((SECONDS - t0 < 170 ? 180 - (SECONDS - t0) : 10)) "restore"
    # again: the first one lands late while the resumed guest catches up
    for _ in 1 2 3; do
        set_clock; sleep 0.5
        skew=$(clock_skew) && [ "${skew#-}" -le 1000 ] && break
    done
    [ -n "$skew" ] && [ "${skew#-}" -le 2000 ] || fail "the guest clock is ${skew:-?}ms off the host's"
    log "restore $((SECONDS - t0))s (clock ${skew}ms off)"
}

up() {
    exec 3>&1 1>&2   # stdout carries only the DOCKER_HOST line
    mkdir -p "$VM" && exec 9>"$VM/lock"
    flock -w 900 9 || die "another vm-engine.sh holds $VM/lock"
    if alive; then
        PORT=$(cat "$RUN/port") && export DOCKER_HOST=tcp://127.0.0.1:$PORT
        wait_engine 180 "already running"
    else
        install_tools; build_rootfs; build_image; bake; restore
    fi
    echo "DOCKER_HOST=$DOCKER_HOST" >&3
}

status() {
    if ! alive; then echo stopped; exit 3; fi
    PORT=$(cat "$RUN/port") && export DOCKER_HOST=tcp://127.0.0.1:$PORT
    echo "running: pid $(qemu_pid), DOCKER_HOST=$DOCKER_HOST"
    engine_up || { echo "the engine does not answer"; exit 1; }
    docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}} (min {{.Server.MinAPIVersion}})'
    docker info --format 'cgroup v{{.CgroupVersion}}, {{.CgroupDriver}} driver, kernel {{.KernelVersion}}'
}

case "${1:-}" in
    up) up ;;
    down) mkdir -p "$VM" && exec 9>"$VM/lock" && flock -w 900 9; stop_vm ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Builds the images the examples run, FROM scratch and without a registry:
#
#   podlike-examples/nginx:latest    Debian's nginx (the package's binary, the
#                                    libraries it links and the loader), nothing else
#   podlike-examples/busybox:latest  static busybox with its applets (sh, httpd
#                                    with CGI, wget, nc, tail, kill, pidof, ...)
#
#   examples/images/build.sh [--force] [nginx|busybox|IMAGE...]
#
# With no names it builds both. An image that exists is skipped unless --force.
# It prints one line for each image, built or skipped; it exits non-zero, saying
# why, when one can't be built. nginx comes from Debian's apt repositories
# (`apt-get download`, then `dpkg-deb -x`; only the libraries it links, when the
# host lacks one, are installed); busybox is the host's static one, or
# busybox-static's, downloaded the same way.
#
# Debian's busybox 1.35 crashes on `wget -T SECONDS`: write `timeout 5 wget ...`.
set -euo pipefail
say() { echo "examples/images: $*" >&2; }
fail() { say "$*"; exit 1; }

NGINX=podlike-examples/nginx:latest
BUSYBOX=podlike-examples/busybox:latest

force=0
wanted=()
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        nginx | "$NGINX" | podlike-examples/nginx) wanted+=(nginx) ;;
        busybox | "$BUSYBOX" | podlike-examples/busybox) wanted+=(busybox) ;;
        -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown argument '$arg' (expected --force, nginx, busybox, $NGINX or $BUSYBOX)" ;;
    esac
done
[ ${#wanted[@]} -gt 0 ] || wanted=(nginx busybox)

command -v docker >/dev/null 2>&1 || fail "docker is not installed; run scripts/engine.sh first"
timeout 10 docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/engine.sh first"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Downloads Debian packages into $work/debs (apt-get download: no install, no
# maintainer scripts), updating the package lists once when they don't know one.
download() {
    mkdir -p "$work/debs"
    if ! (cd "$work/debs" && apt-get -qq -o APT::Sandbox::User=root download "$@") >/dev/null 2>"$work/apt.err"; then
        if [ "$(id -u)" -eq 0 ]; then
            say "apt-get download $* failed; updating the package lists once and trying again"
            apt-get update -qq >/dev/null 2>&1 || true
        fi
        (cd "$work/debs" && apt-get -qq -o APT::Sandbox::User=root download "$@") >/dev/null 2>"$work/apt.err" || {
            cat "$work/apt.err" >&2
            return 1
        }
    fi
}

# A static busybox: the host's when it is one, else busybox-static's.
static_busybox() {
    local candidate
    for candidate in "$(command -v busybox 2>/dev/null || true)" /bin/busybox /usr/bin/busybox; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        if ! ldd "$candidate" >/dev/null 2>&1; then # "not a dynamic executable"
            echo "$candidate"
            return 0
        fi
    done
    command -v apt-get >/dev/null 2>&1 || return 1
    download busybox-static || return 1
    mkdir -p "$work/busybox-static"
    dpkg-deb -x "$work"/debs/busybox-static_*.deb "$work/busybox-static"
    for candidate in "$work/busybox-static/bin/busybox" "$work/busybox-static/usr/bin/busybox"; do
        [ -x "$candidate" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

# /etc/passwd and /etc/group with root, nginx and nobody.
write_users() {
    local root=$1
    mkdir -p "$root/etc"
    cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nginx:x:101:101:nginx:/var/cache/nginx:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
    cat > "$root/etc/group" <<'EOF'
root:x:0:
www-data:x:33:
nginx:x:101:
nogroup:x:65534:
nobody:x:65534:
EOF
    printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
}

build_busybox() {
    local busybox root
    busybox=$(static_busybox) || fail "no static busybox here and busybox-static can't be downloaded; install it (apt-get install busybox-static) and run $0 again"
    root="$work/busybox-root"
    mkdir -p "$root/bin" "$root/tmp" "$root/var/www/cgi-bin" "$root/root"
    chmod 1777 "$root/tmp"
    cp "$busybox" "$root/bin/busybox"
    for applet in $("$root/bin/busybox" --list); do
        [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
    done
    write_users "$root"
    tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
        docker import \
            -c 'ENV PATH=/bin' \
            -c 'CMD ["sh"]' \
            -c "LABEL io.podlike.examples.source=\"$("$root/bin/busybox" | head -n 1 | sed 's/ multi-call binary.*//')\"" \
            - "$BUSYBOX" >/dev/null
}

build_nginx() {
    command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 ||
        fail "building $NGINX needs apt-get and dpkg-deb (Debian or Ubuntu) to fetch Debian's nginx"
    download nginx nginx-common ||
        fail "can't download Debian's nginx packages (apt-get download nginx nginx-common); check the apt sources, then run $0 nginx"
    local pkg="$work/nginx-pkg" root="$work/nginx-root" deb library missing version
    mkdir -p "$pkg"
    for deb in "$work"/debs/nginx_*.deb "$work"/debs/nginx-common_*.deb; do
        dpkg-deb -x "$deb" "$pkg"
    done
    version=$(dpkg-deb -f "$(ls "$work"/debs/nginx_*.deb)" Version)
    [ -x "$pkg/usr/sbin/nginx" ] || fail "the nginx package has no /usr/sbin/nginx"

    # The libraries it links come from the host, at the paths the loader finds
    # them; nginx's own dependencies are installed when one is missing.
    missing=$(ldd "$pkg/usr/sbin/nginx" | awk '/not found/ { print $1 }')
    if [ -n "$missing" ]; then
        [ "$(id -u)" -eq 0 ] ||
            fail "nginx needs libraries this host lacks ($missing); install them (apt-get install libcrypt1 libpcre2-8-0 libssl3 zlib1g) and run $0 nginx again"
        say "installing the libraries nginx links ($missing) with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            libcrypt1 libpcre2-8-0 libssl3 zlib1g >/dev/null ||
            fail "apt-get install of nginx's libraries failed"
        missing=$(ldd "$pkg/usr/sbin/nginx" | awk '/not found/ { print $1 }')
        [ -z "$missing" ] || fail "nginx still can't find $missing"
    fi

    mkdir -p "$root/usr/sbin" "$root/etc/nginx/conf.d" "$root/usr/share/nginx/html" \
        "$root/var/log/nginx" "$root/var/cache/nginx" "$root/var/lib/nginx" \
        "$root/run/lock" "$root/tmp"
    chmod 1777 "$root/tmp"
    cp "$pkg/usr/sbin/nginx" "$root/usr/sbin/nginx"
    # Every shared library, and the loader (the one path ldd prints alone).
    for library in $(ldd "$pkg/usr/sbin/nginx" | grep -o '/[^ ]*'); do
        mkdir -p "$root$(dirname "$library")"
        cp -L "$library" "$root$library"
    done
    for file in mime.types fastcgi_params fastcgi.conf proxy_params scgi_params uwsgi_params; do
        [ -f "$pkg/etc/nginx/$file" ] && cp "$pkg/etc/nginx/$file" "$root/etc/nginx/$file"
    done
    cp "$pkg/usr/share/nginx/html/index.html" "$root/usr/share/nginx/html/index.html"
    # The paths compiled in (nginx -V) log to the container's output.
    ln -s /dev/stdout "$root/var/log/nginx/access.log"
    ln -s /dev/stderr "$root/var/log/nginx/error.log"
    ln -s ../run/lock "$root/var/lock"
    write_users "$root"

    cat > "$root/etc/nginx/nginx.conf" <<'EOF'
# podlike-examples/nginx: Debian's nginx, run as `nginx -g 'daemon off;'`.
# Server blocks are read from /etc/nginx/conf.d/*.conf: mount a volume there (or
# use `nginx -c FILE`) to serve something other than the default page. It runs
# one worker process, and writes its PID to /run/nginx.pid; -g sets either:
# `nginx -g 'daemon off; worker_processes 2; pid /run/nginx/nginx.pid;'`.
user nginx;
error_log stderr notice;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /dev/stdout;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
EOF
    cat > "$root/etc/nginx/conf.d/default.conf" <<'EOF'
server {
    listen 80 default_server;
    root /usr/share/nginx/html;
}
EOF
    # Owned by root, except the directories the workers write (uid 101, nginx).
    local context="$work/nginx-context"
    mkdir -p "$context"
    tar --numeric-owner --owner=0 --group=0 -C "$root" \
        --exclude=./var/cache/nginx --exclude=./var/lib/nginx -cf "$context/nginx.tar" .
    tar --numeric-owner --owner=101 --group=101 -C "$root" \
        -rf "$context/nginx.tar" ./var/cache/nginx ./var/lib/nginx
    cat > "$context/Dockerfile" <<EOF
FROM scratch
ADD nginx.tar /
ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin
EXPOSE 80
STOPSIGNAL SIGQUIT
LABEL io.podlike.examples.source="Debian nginx $version"
CMD ["nginx", "-g", "daemon off;"]
EOF
    DOCKER_BUILDKIT=0 docker build -q -t "$NGINX" "$context" >/dev/null 2>"$work/build.err" || {
        cat "$work/build.err" >&2
        fail "docker build of $NGINX failed"
    }
    # The binary, its libraries and the configuration, checked in the image.
    if ! docker run --rm --network none "$NGINX" nginx -t -q >"$work/nginx-t.err" 2>&1; then
        cat "$work/nginx-t.err" >&2
        docker image rm "$NGINX" >/dev/null 2>&1 || true
        fail "nginx -t fails in the image just built; it was removed"
    fi
}

size() { docker image inspect -f '{{.Size}}' "$1" | awk '{ printf "%.1f MB", $1 / 1000000 }'; }

for name in "${wanted[@]}"; do
    case "$name" in
        nginx) image=$NGINX ;;
        busybox) image=$BUSYBOX ;;
    esac
    if [ "$force" -eq 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
        echo "$image exists ($(size "$image")); skipped (--force rebuilds it)"
        continue
    fi
    previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
    "build_$name"
    # A rebuild leaves the previous image untagged: remove it unless a container uses it.
    if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect -f '{{.Id}}' "$image")" ]; then
        docker image rm "$previous" >/dev/null 2>&1 || true
    fi
    echo "built $image ($(size "$image"), $(docker image inspect -f '{{index .Config.Labels "io.podlike.examples.source"}}' "$image"))"
done

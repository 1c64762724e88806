#!/bin/sh
# Installs newsdrop as a systemd service. Idempotent: run it again to upgrade.
#
#   sudo deploy/install.sh [--binary PATH] [--metrics ADDR] [--no-user] [--no-systemctl]
#
# What it does (paths relative to DESTDIR, empty by default):
#   PREFIX/bin/newsdrop                       the binary (--binary PATH, else cargo build --release)
#   /etc/newsdrop/config.toml                 config/default.toml with production paths; an
#                                             existing, edited file is kept (new one: .dist)
#   /var/lib/newsdrop/{inbox,processed,failed,out}
#                                             inbox is group-writable and setgid for the
#                                             newsdrop group (add droppers with usermod -aG)
#   /etc/systemd/system/newsdrop.service      the unit (+ newsdrop.service.d/metrics.conf
#                                             with --metrics)
#   /etc/logrotate.d/newsdrop                 rotation of the output files
# and creates the newsdrop system user and group, then `systemctl daemon-reload` (and
# `try-restart`, so an upgrade takes effect). It never enables or starts the service.
#
# DESTDIR=/some/dir installs into a throwaway root instead (no user, no chown, no systemctl;
# root not needed), which is how the tests check it. PREFIX defaults to /usr/local.
set -eu

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

root=$(cd "$(dirname "$0")/.." && pwd)
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
binary=""
metrics=""
make_user=yes
use_systemctl=yes

while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --metrics) metrics=${2:?--metrics needs an address such as 127.0.0.1:9187}; shift 2 ;;
        --no-user) make_user=no; shift ;;
        --no-systemctl) use_systemctl=no; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 64 ;;
    esac
done

if [ -n "$DESTDIR" ]; then
    make_user=no
    use_systemctl=no
    mkdir -p "$DESTDIR"
    DESTDIR=$(cd "$DESTDIR" && pwd)
elif [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (or set DESTDIR for a dry run into a folder)" >&2
    exit 77
fi

say() { printf 'install.sh: %s\n' "$*"; }

# 1. The binary.
if [ -z "$binary" ]; then
    target=${CARGO_TARGET_DIR:-$root/target}
    if command -v cargo >/dev/null 2>&1; then
        say "building the release binary"
        (cd "$root" && cargo build --release --locked -p newsdrop-watcher)
    elif [ ! -x "$target/release/newsdrop" ]; then
        echo "install.sh: cargo not found; build first or pass --binary PATH" >&2
        exit 69
    fi
    binary=$target/release/newsdrop
fi
if [ ! -x "$binary" ]; then
    echo "install.sh: $binary is not an executable" >&2
    exit 66
fi
install -d -m 0755 "$DESTDIR$PREFIX/bin"
install -m 0755 "$binary" "$DESTDIR$PREFIX/bin/newsdrop.new"
mv -f "$DESTDIR$PREFIX/bin/newsdrop.new" "$DESTDIR$PREFIX/bin/newsdrop"
say "installed $PREFIX/bin/newsdrop"

# 2. The user and group. Droppers join the group: usermod -aG newsdrop alice
if [ "$make_user" = yes ]; then
    if ! getent group newsdrop >/dev/null; then
        groupadd --system newsdrop
        say "created group newsdrop"
    fi
    if ! getent passwd newsdrop >/dev/null; then
        useradd --system --gid newsdrop --home-dir /var/lib/newsdrop --no-create-home \
            --shell /usr/sbin/nologin --comment "newsdrop daemon" newsdrop
        say "created user newsdrop"
    fi
fi
own() { # own MODE OWNER:GROUP DIR...
    mode=$1; owner=$2; shift 2
    for d in "$@"; do
        install -d -m "$mode" "$d"
        chmod "$mode" "$d"
        if [ "$make_user" = yes ]; then chown "$owner" "$d"; fi
    done
}

# 3. Data directories. StateDirectory= in the unit keeps /var/lib/newsdrop itself at 0750.
state=$DESTDIR/var/lib/newsdrop
own 0750 newsdrop:newsdrop "$state"
own 2770 newsdrop:newsdrop "$state/inbox"
own 2750 newsdrop:newsdrop "$state/processed" "$state/failed" "$state/out"
say "data under /var/lib/newsdrop (inbox writable by group newsdrop)"

# 4. The config: production paths, JSON logs for the journal.
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
    echo "# newsdrop configuration, written by deploy/install.sh from config/default.toml."
    echo "# Check changes with: newsdrop check-config --config /etc/newsdrop/config.toml"
    echo "#"
    sed -e 's|^inbox = .*|inbox = "/var/lib/newsdrop/inbox"|' \
        -e 's|^processed_dir = .*|processed_dir = "/var/lib/newsdrop/processed"|' \
        -e 's|^failed_dir = .*|failed_dir = "/var/lib/newsdrop/failed"|' \
        -e 's|^path = .*|path = "/var/lib/newsdrop/out/articles.jsonl"|' \
        -e 's|^failures_path = .*|failures_path = "/var/lib/newsdrop/out/failures.jsonl"|' \
        -e 's|^format = .*|format = "json"|' \
        -e "s|^listen = .*|listen = \"$metrics\"|" \
        "$root/config/default.toml"
} >"$tmp"
if grep -n '^[a-z_]* = "data/' "$tmp" >&2; then
    echo "install.sh: a relative data path is left in the generated config (above)" >&2
    exit 70
fi
"$DESTDIR$PREFIX/bin/newsdrop" check-config --config "$tmp" >/dev/null
conf=$DESTDIR/etc/newsdrop/config.toml
install -d -m 0755 "$DESTDIR/etc/newsdrop"
if [ ! -e "$conf" ]; then
    install -m 0640 "$tmp" "$conf"
    say "wrote /etc/newsdrop/config.toml"
elif cmp -s "$tmp" "$conf"; then
    say "/etc/newsdrop/config.toml is up to date"
else
    install -m 0640 "$tmp" "$conf.dist"
    say "kept your /etc/newsdrop/config.toml; the new default is config.toml.dist"
fi
if [ "$make_user" = yes ]; then chown root:newsdrop "$conf"; fi

# 5. The unit, the optional metrics drop-in, rotation.
unit_dir=$DESTDIR/etc/systemd/system
install -d -m 0755 "$unit_dir"
sed "s|^ExecStart=/usr/local/bin/newsdrop|ExecStart=$PREFIX/bin/newsdrop|" \
    "$root/deploy/newsdrop.service" >"$tmp"
install -m 0644 "$tmp" "$unit_dir/newsdrop.service"
if [ -n "$metrics" ]; then
    install -d -m 0755 "$unit_dir/newsdrop.service.d"
    install -m 0644 "$root/deploy/newsdrop.service.d/metrics.conf" \
        "$unit_dir/newsdrop.service.d/metrics.conf"
    say "metrics on $metrics (drop-in newsdrop.service.d/metrics.conf)"
fi
install -d -m 0755 "$DESTDIR/etc/logrotate.d"
install -m 0644 "$root/deploy/logrotate/newsdrop" "$DESTDIR/etc/logrotate.d/newsdrop"
say "installed the unit and /etc/logrotate.d/newsdrop"

if [ "$use_systemctl" = yes ] && command -v systemctl >/dev/null 2>&1 &&
    [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl try-restart newsdrop.service
    say "done; start it with: systemctl enable --now newsdrop"
else
    say "done (systemctl skipped)"
fi

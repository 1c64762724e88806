#!/bin/sh
# Removes what deploy/install.sh installed, except the data: /var/lib/newsdrop (inbox,
# processed, failed, out) and the newsdrop user and group that own it stay.
#
#   sudo deploy/uninstall.sh [--no-systemctl]
#
# DESTDIR and PREFIX mean the same as for install.sh.
set -eu

DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
use_systemctl=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --no-systemctl) use_systemctl=no; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done
if [ -n "$DESTDIR" ]; then
    use_systemctl=no
elif [ "$(id -u)" -ne 0 ]; then
    echo "uninstall.sh: run as root (or set DESTDIR)" >&2
    exit 77
fi

live=no
if [ "$use_systemctl" = yes ] && command -v systemctl >/dev/null 2>&1 &&
    [ -d /run/systemd/system ]; then
    live=yes
    systemctl disable --now newsdrop.service 2>/dev/null || true
fi
rm -f "$DESTDIR/etc/systemd/system/newsdrop.service"
rm -rf "$DESTDIR/etc/systemd/system/newsdrop.service.d"
rm -f "$DESTDIR/etc/logrotate.d/newsdrop"
rm -f "$DESTDIR$PREFIX/bin/newsdrop"
rm -rf "$DESTDIR/etc/newsdrop"
if [ "$live" = yes ]; then
    systemctl daemon-reload
    systemctl reset-failed newsdrop.service 2>/dev/null || true
fi
echo "uninstall.sh: removed newsdrop; kept /var/lib/newsdrop and the newsdrop user and group."
echo "uninstall.sh: to remove those too: rm -rf /var/lib/newsdrop && userdel newsdrop"

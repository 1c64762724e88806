#!/bin/sh
# Checks the deployment files without a running systemd (PID 1 need not be systemd):
#   1. systemd-analyze verify on the unit (and again with the metrics drop-in): any output fails
#   2. systemd-analyze security --offline=yes --threshold=20 (exposure <= 2.0), both variants
#   3. logrotate -d on deploy/logrotate/newsdrop: any error fails
#   4. sh -n on the install scripts; a DESTDIR install whose config passes check-config
#
#   .ci/check-deploy.sh [PATH-TO-newsdrop-BINARY]
#
# The binary (default target/debug/newsdrop, built when missing) stands in for
# /usr/local/bin/newsdrop in a temporary copy of the unit, because verify fails when ExecStart
# names a file that does not exist. systemd and logrotate are installed with apt-get when
# systemd-analyze or logrotate is missing.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
binary=${1:-${CARGO_TARGET_DIR:-$root/target}/debug/newsdrop}
if [ ! -x "$binary" ]; then
    cargo build --locked -p newsdrop-watcher
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

missing=""
command -v systemd-analyze >/dev/null 2>&1 || missing="$missing systemd"
command -v logrotate >/dev/null 2>&1 || missing="$missing logrotate"
if [ -n "$missing" ]; then
    echo "check-deploy: installing$missing"
    sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

check_unit() { # check_unit LABEL DIR
    label=$1; dir=$2
    out=$(systemd-analyze verify --man=no "$dir/newsdrop.service" 2>&1) || {
        echo "check-deploy: FAIL verify ($label) exited non-zero"; fail=1; }
    if [ -n "$out" ]; then
        echo "check-deploy: FAIL verify ($label) printed:"; echo "$out"; fail=1
    else
        echo "check-deploy: ok   verify ($label)"
    fi
    if score=$(systemd-analyze security --offline=yes --threshold=20 "$dir/newsdrop.service" 2>&1); then
        echo "check-deploy: ok   security ($label): $(echo "$score" | grep 'Overall exposure' | sed 's/.*: //')"
    else
        echo "$score" | grep -E '✗|Overall'
        echo "check-deploy: FAIL security ($label) above 2.0"; fail=1
    fi
}

mkdir -p "$work/plain" "$work/metrics/newsdrop.service.d"
sed "s|^ExecStart=/usr/local/bin/newsdrop|ExecStart=$binary|" deploy/newsdrop.service \
    >"$work/plain/newsdrop.service"
grep -q "^ExecStart=$binary " "$work/plain/newsdrop.service" || {
    echo "check-deploy: FAIL ExecStart= is not /usr/local/bin/newsdrop …"; exit 1; }
cp "$work/plain/newsdrop.service" "$work/metrics/"
cp deploy/newsdrop.service.d/metrics.conf "$work/metrics/newsdrop.service.d/"
check_unit unit "$work/plain"
check_unit "unit + metrics.conf" "$work/metrics"

if out=$(logrotate -d -s "$work/logrotate.state" deploy/logrotate/newsdrop 2>&1) &&
    ! echo "$out" | grep -qi 'error'; then
    echo "check-deploy: ok   logrotate -d"
else
    echo "$out"; echo "check-deploy: FAIL logrotate -d"; fail=1
fi

for script in deploy/install.sh deploy/uninstall.sh; do
    sh -n "$script" || { echo "check-deploy: FAIL sh -n $script"; fail=1; }
done
if DESTDIR="$work/root" sh deploy/install.sh --binary "$binary" >"$work/install.log" 2>&1 &&
    "$binary" check-config --config "$work/root/etc/newsdrop/config.toml" >/dev/null; then
    echo "check-deploy: ok   install.sh into DESTDIR, config passes check-config"
else
    cat "$work/install.log"; echo "check-deploy: FAIL install.sh (DESTDIR)"; fail=1
fi

exit $fail

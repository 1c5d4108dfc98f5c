#!/usr/bin/env bash
# Checks heed's systemd units (Deploy/systemd) with Debian's systemd tools, without installing
# them and without a running systemd:
#   systemd-analyze verify on heed.service, heed-digest.service and heed-digest.timer: unknown or
#     misspelled keys, bad values, a timer without its service, a missing ExecStart binary;
#   systemd-sysusers on heed.sysusers, into a throwaway root (the real /etc is not touched).
# Any warning or error fails the script: verify exits 0 on some warnings, so its output must
# also be empty.
#
# The ExecStart binary. verify requires the binary of every Exec line to exist and be executable,
# and /usr/local/bin/heed does not exist on a build machine. The script verifies copies of the
# units in a temporary directory in which that one path is replaced by a heed built from this
# repository ($HEED_BIN); nothing else in the units changes, and /bin/kill (ExecReload) is
# checked where it really is. Faking the path with --root= would need a whole fake system
# (targets, /bin/kill) and would check less.
#
# Usage: scripts/verify-units.sh          (HEED_BIN=path/to/heed to use a built binary as it is)
# Needs systemd-analyze: installed from Debian's systemd package when missing (root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v systemd-analyze >/dev/null || ! command -v systemd-sysusers >/dev/null; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "verify-units: need root (or sudo) to install systemd" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "verify-units: installing systemd (for systemd-analyze)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi

if [ -z "${HEED_BIN:-}" ]; then
    swift build --product heed >/dev/null
    HEED_BIN="$(swift build --show-bin-path)/heed"
fi
HEED_BIN=$(realpath "$HEED_BIN")
[ -x "$HEED_BIN" ] || { echo "verify-units: $HEED_BIN is not an executable heed" >&2; exit 1; }
case "$HEED_BIN" in
    *[[:space:]]* | *'#'*) echo "verify-units: HEED_BIN must be a path without spaces: $HEED_BIN" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
units=(heed.service heed-digest.service heed-digest.timer)
for unit in "${units[@]}"; do
    [ -f "Deploy/systemd/$unit" ] || { echo "verify-units: Deploy/systemd/$unit is missing" >&2; exit 1; }
    sed "s#/usr/local/bin/heed#$HEED_BIN#g" "Deploy/systemd/$unit" >"$work/$unit"
done

status=0
echo "verify-units: systemd-analyze verify ${units[*]} (ExecStart: $HEED_BIN)"
# --man=no: the units name no man pages to look up (and Debian's man-db may be absent).
if ! output=$(cd "$work" && systemd-analyze verify --man=no "${units[@]/#/./}" 2>&1) || [ -n "$output" ]; then
    printf '%s\n' "${output:-systemd-analyze verify failed without a message}"
    status=1
fi

echo "verify-units: systemd-sysusers heed.sysusers (into a temporary root)"
# Installed where `make install` puts it; with --root, sysusers reads the root's sysusers.d only.
mkdir -p "$work/root/etc" "$work/root/usr/lib/sysusers.d"
cp Deploy/systemd/heed.sysusers "$work/root/usr/lib/sysusers.d/heed.conf"
if ! output=$(systemd-sysusers --root="$work/root" 2>&1); then
    printf '%s\n' "$output"
    status=1
elif unexpected=$(printf '%s\n' "$output" | grep -v -e '^Creating group ' -e '^Creating user ' -e '^$'); then
    printf '%s\n' "$unexpected"
    status=1
elif ! grep -q '^heed:x:[0-9]*:[0-9]*:.*:/var/lib/heed:/usr/sbin/nologin$' "$work/root/etc/passwd"; then
    echo "verify-units: heed.sysusers did not create the heed user with home /var/lib/heed"
    status=1
fi

if [ "$status" -eq 0 ]; then
    echo "verify-units: ok (${units[*]} heed.sysusers)"
else
    echo "verify-units: FAILED"
fi
exit "$status"

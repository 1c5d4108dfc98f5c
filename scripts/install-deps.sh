#!/usr/bin/env bash
# Installs the Debian packages heed needs to build, test and run, when they are missing.
# Safe to run again: it does nothing when everything is there. Needs root or sudo.
set -euo pipefail

packages=(
    libetpan-dev                   # the MIME parser heed links (etpan)
    libpng-dev libjpeg62-turbo-dev libgif-dev   # image decoders for the logo check
    libmilter-dev                  # the C no-op milter of the milter benchmark (protocol floor)
    postfix swaks sqlite3          # the real MTA, the SMTP client and the store reader of the integration tests
    sasl2-bin libsasl2-modules libsasl2-modules-db   # SMTP AUTH in the integration tests: saslpasswd2, Cyrus' PLAIN/LOGIN and sasldb plugins
    systemd                        # systemd-analyze verify on the units (scripts/verify-units.sh)
)
want=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || want+=("$p")
done
[ ${#want[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${want[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${want[*]}"
# Postfix asks questions at install time: answer them (a local-only mailer; heed's tests run their
# own Postfix instance with its own configuration, never the system one).
if printf '%s\n' "${want[@]}" | grep -qx postfix; then
    printf '%s\n' "postfix postfix/main_mailer_type select Local only" \
                   "postfix postfix/mailname string heed-test.localdomain" | $sudo debconf-set-selections
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null

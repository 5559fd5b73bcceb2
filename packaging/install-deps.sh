#!/bin/sh
# Installs the Debian 12 packages Keyturn needs to build, test and run (the list is
# packaging/debian-packages), plus debootstrap for the Debian 13 root of packaging/with-current-qt.sh.
# Idempotent: when every package is present it only checks and exits.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
PACKAGES="$(sed 's/#.*//' "$here/debian-packages") debootstrap"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
else
    SUDO="sudo"
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -q
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing

#!/bin/sh
# Installs the Debian 12 packages Keyturn needs to build, test and run.
# Idempotent: when every package is present it only checks and exits.
set -eu

PACKAGES="cmake ninja-build g++ pkg-config
qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 qt6-httpserver-dev qt6-websockets-dev
qt6-l10n-tools qt6-tools-dev-tools
qtkeychain-qt6-dev libsecret-1-0
libgtest-dev libgmock-dev
clang libclang-rt-14-dev
gnome-keyring dbus libsecret-tools openssl
qt6-qpa-plugins dpkg-dev fakeroot file lintian desktop-file-utils appstream"

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

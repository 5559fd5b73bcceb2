#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, and throwaway
# HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR, so keychain tests hit a
# real Secret Service and nothing touches the user's own keyring, settings or caches.
#   usage: packaging/with-test-keyring.sh COMMAND [ARGS...]
set -eu

scratch=$(mktemp -d "${TMPDIR:-/tmp}/keyturn-test-XXXXXX")
cleanup() {
    # gnome-keyring-daemon exits with its D-Bus session; give it a moment before removing its files.
    rm -rf "$scratch" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
chmod 0700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
export KEYTURN_TEST_SCRATCH="$scratch"
# No display in the test session: keyring prompts would hang; Qt renders offscreen.
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

dbus-run-session -- sh -c '
    eval "$(printf %s keyturn-test | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    export GNOME_KEYRING_CONTROL
    "$@"
' keyring-session "$@"

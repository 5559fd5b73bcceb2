#!/bin/sh
# Runs a command inside a Debian 13 root (current Qt LTS, qtkeychain, gcc and clang of Debian 13) with
# this source tree bind-mounted at its own path; the command starts in the source root.
#   usage: packaging/with-current-qt.sh COMMAND [ARGS...]
# The root is made once with debootstrap and cached (KEYTURN_DEBIAN13_ROOT, default
# ${XDG_CACHE_HOME:-$HOME/.cache}/keyturn/debian13-root). It holds the packages of
# packaging/debian-packages; its stamp records that list, so a changed list updates the root on the
# next run. Mounts live in a private mount namespace and vanish when the command ends, however it ends.
# Needs root (uses sudo otherwise), debootstrap (packaging/install-deps.sh) and the Debian archive
# (KEYTURN_DEBIAN_MIRROR, default http://deb.debian.org/debian) for the first run or a changed list.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
suite=trixie
mirror=${KEYTURN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=${KEYTURN_DEBIAN13_ROOT:-"${XDG_CACHE_HOME:-$HOME/.cache}/keyturn/debian13-root"}

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
if [ "$(id -u)" -ne 0 ]; then
    exec sudo env KEYTURN_DEBIAN13_ROOT="$root" KEYTURN_DEBIAN_MIRROR="$mirror" sh "$0" "$@"
fi
for tool in debootstrap unshare chroot flock sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: run packaging/install-deps.sh" >&2; exit 1; }
done

# Runs "$@" in the root: /dev, /proc, /sys and the source tree mounted in a namespace of its own.
in_root() {
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    mkdir -p "$root$src"
    unshare --mount --propagation private sh -eu -c '
        root=$1 src=$2
        shift 2
        mount --rbind /dev "$root/dev"
        mount -t proc proc "$root/proc"
        mount --rbind /sys "$root/sys"
        mount --bind "$src" "$root$src"
        exec chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
            HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
            sh -c "cd \"\$0\" && exec \"\$@\"" "$src" "$@"
    ' with-current-qt "$root" "$src" "$@"
}

# The package list with Debian 13's names: a library renamed by the 64-bit time_t transition gains
# "t64"; the clang runtime follows Debian 13's default clang; Qt SVG's plugins (the SVG icon engine
# Keyturn's icons need) left libqt6svg6 for qt6-svg-plugins. names_rule_version joins the stamp, so
# a changed rule updates the root too.
names_rule_version=2
debian13_names() {
    # shellcheck disable=SC2016 # expanded inside the root
    in_root sh -c '
        clang_major=$(apt-cache depends clang | sed -n "s/.*Depends: clang-\([0-9]*\)$/\1/p" | head -n 1)
        for p in $(sed "s/#.*//" "$0"); do
            case "$p" in libclang-rt-*-dev) p=libclang-rt-$clang_major-dev ;; libqt6svg6) echo qt6-svg-plugins ;; esac
            if apt-cache show "$p" >/dev/null 2>&1; then echo "$p"
            elif apt-cache show "${p}t64" >/dev/null 2>&1; then echo "${p}t64"
            else echo "debian13: no package $p" >&2; exit 1
            fi
        done
    ' "$src/packaging/debian-packages"
}

stamp=$(printf '%s %s %s\n' "$suite" "$mirror" "$names_rule_version" | cat - "$here/debian-packages" | sha256sum | cut -d' ' -f1)
up_to_date() { [ -f "$root/.keyturn-bootstrapped" ] && [ "$(cat "$root/.keyturn-stamp" 2>/dev/null)" = "$stamp" ]; }

# Runs share the root (shared lock); making or updating it takes the lock alone.
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock -s 9
if ! up_to_date; then
    flock -u 9
    flock 9
    if [ ! -f "$root/.keyturn-bootstrapped" ]; then
        if [ -n "$(ls -A "$root" 2>/dev/null)" ]; then
            echo "with-current-qt: $root holds something else than a finished root; remove it first" >&2
            exit 1
        fi
        echo "with-current-qt: making the Debian 13 root in $root"
        rm -rf "$root.partial"
        rmdir "$root" 2>/dev/null || true
        debootstrap --variant=minbase "$suite" "$root.partial" "$mirror"
        touch "$root.partial/.keyturn-bootstrapped"
        mv "$root.partial" "$root"
    fi
    if ! up_to_date; then
        echo "with-current-qt: installing the package list in the Debian 13 root"
        in_root apt-get -q update
        packages=$(debian13_names)
        # unsafe-io: no fsync per file; a root cut short by a crash is remade from the archive anyway.
        # shellcheck disable=SC2086
        in_root apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io $packages
        in_root apt-get clean
        echo "$stamp" >"$root/.keyturn-stamp"
    fi
    flock -s 9
fi

in_root "$@"

#!/bin/sh
# Packaging check (ctest label `packaging`): builds the .deb with CPack, checks its contents with
# lintian, desktop-file-validate and appstreamcli, asks apt whether this system could install it
# (simulated), installs it with dpkg into a throwaway root in a scratch folder, and runs the keyturn
# installed there (--version, then a screenshot on the demo tenant) on this system's libraries.
# Changes nothing outside the scratch folder.
#   usage: packaging/check-deb.sh BUILD_DIR VERSION
# Needs the tools in packaging/install-deps.sh.
set -eu

build_dir=$(cd "${1:?usage: check-deb.sh BUILD_DIR VERSION}" && pwd)
version=${2:?usage: check-deb.sh BUILD_DIR VERSION}
here=$(cd "$(dirname "$0")" && pwd)
app_id=app.keyturn.Keyturn

scratch=$(mktemp -d "${TMPDIR:-/tmp}/keyturn-deb-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

started=$(date +%s)
step() { printf '\n== [%ss] %s\n' "$(($(date +%s) - started))" "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

for tool in cpack dpkg dpkg-deb dpkg-shlibdeps fakeroot lintian desktop-file-validate appstreamcli file apt-get timeout; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run packaging/install-deps.sh"
done

for built in app/keyturn app/demo/keyturn-demo-tenant packaging/linux/changelog.gz; do
    [ -f "$build_dir/$built" ] || fail "$build_dir/$built is missing: build the project first (cmake --build)"
done

step "cpack -G DEB"
(cd "$build_dir" && timeout -k 10 180 cpack -G DEB -B "$scratch/out") >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb="$scratch/out/keyturn_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { cat "$scratch/cpack.log"; fail "cpack made no $deb"; }
dpkg-deb --field "$deb"

step "package contents"
dpkg-deb -x "$deb" "$scratch/root"
for path in usr/bin/keyturn usr/bin/keyturn-demo-tenant \
    usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    usr/share/man/man1/keyturn.1.gz usr/share/man/man1/keyturn-demo-tenant.1.gz \
    usr/share/doc/keyturn/copyright usr/share/doc/keyturn/changelog.gz; do
    [ -f "$scratch/root/$path" ] || fail "the package lacks /$path"
    echo "/$path"
done
depends=$(dpkg-deb --field "$deb" Depends)
# A library renamed by Debian's 64-bit time_t transition carries "t64" (Debian 13 and later).
for dep in libsecret-1-0 libqt6svg6 qt6-qpa-plugins qt6-translations-l10n libqt6widgets6 libqt6keychain1; do
    case ", $depends," in *", $dep"[\ ,]* | *", ${dep}t64"[\ ,]*) ;; *) fail "Depends lacks $dep: $depends" ;; esac
done

step "desktop-file-validate"
desktop-file-validate "$scratch/root/usr/share/applications/$app_id.desktop"
echo "ok"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$scratch/root/usr/share/metainfo/$app_id.metainfo.xml"

step "lintian"
# Fails on any error or warning that the package's own overrides do not explain (see README-packaging.md).
timeout -k 10 180 lintian --fail-on error,warning --display-info "$deb" || fail "lintian reported errors or warnings"
echo "lintian: nothing above info"

step "apt-get install --simulate"
# Would apt accept the package here, its dependencies resolved from this system's archive? Nothing
# is installed.
timeout -k 10 120 apt-get -s -q -o Debug::NoLocking=1 install --no-install-recommends "$deb" >"$scratch/apt.log" 2>&1 \
    || { cat "$scratch/apt.log"; fail "apt-get would not install the package"; }
grep -q '^Inst keyturn ' "$scratch/apt.log" || { cat "$scratch/apt.log"; fail "apt-get would not install keyturn"; }
grep '^Inst keyturn ' "$scratch/apt.log"

step "dpkg --root: install into a throwaway root"
# An empty root with a dpkg database of its own: dpkg unpacks and configures the package there as it
# would in /, and the program runs from there on this system's libraries (its dependencies, checked
# above). fakeroot: the files' root ownership needs no privileges.
sysroot="$scratch/sysroot"
mkdir -p "$sysroot/var/lib/dpkg/info" "$sysroot/var/lib/dpkg/updates"
: >"$sysroot/var/lib/dpkg/status"
: >"$sysroot/var/lib/dpkg/available"
timeout -k 10 120 fakeroot dpkg --root="$sysroot" --force-not-root --force-depends --log=/dev/null \
    --install "$deb" >"$scratch/dpkg.log" 2>&1 \
    || { cat "$scratch/dpkg.log"; fail "dpkg --install failed"; }
status=$(dpkg-query --admindir="$sysroot/var/lib/dpkg" -W -f='${Status}' keyturn) \
    || fail "dpkg does not know keyturn in the throwaway root"
[ "$status" = "install ok installed" ] || fail "keyturn is '$status' in the throwaway root"
echo "keyturn: $status"
installed="$sysroot/usr/bin/keyturn"

step "installed keyturn --version"
got=$(timeout -k 5 30 "$installed" --version) || fail "the installed keyturn --version failed"
[ "$got" = "keyturn $version" ] || fail "the installed keyturn --version said '$got', expected 'keyturn $version'"
echo "$got"

step "installed keyturn --screenshot on the demo tenant"
shot="$scratch/keyturn.png"
# A private keyring, HOME and XDG folders: the demo sign-in never touches the user's own.
timeout -k 10 120 sh "$here/with-test-keyring.sh" env QT_QPA_PLATFORM=offscreen \
    "$installed" --demo --demo-user helpdesk --screenshot "$shot" >"$scratch/shot.log" 2>&1 \
    || { cat "$scratch/shot.log"; fail "keyturn --screenshot failed"; }
[ -s "$shot" ] || { cat "$scratch/shot.log"; fail "no screenshot written"; }
info=$(file -b "$shot")
echo "$info, $(wc -c <"$shot") bytes"
case "$info" in "PNG image data, "*) ;; *) fail "the screenshot is not a PNG: $info" ;; esac
width=$(echo "$info" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1/p')
height=$(echo "$info" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\2/p')
if [ "${width:-0}" -lt 640 ] || [ "${height:-0}" -lt 400 ]; then
    fail "the screenshot is only ${width}x${height}"
fi
# A blank or single-colour window compresses to a few kB; a window with a device list does not.
[ "$(wc -c <"$shot")" -ge 20000 ] || fail "the screenshot looks empty ($(wc -c <"$shot") bytes)"
if [ -n "${KEYTURN_SCREENSHOT_OUT:-}" ]; then cp "$shot" "$KEYTURN_SCREENSHOT_OUT"; fi

printf '\npackaging check passed: keyturn %s\n' "$version"

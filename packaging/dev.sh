#!/bin/sh
# One command per developer task on Debian 12; each installs what it needs first.
#   packaging/dev.sh demo [keyturn options]  build and run Keyturn on the embedded demo tenant
#   packaging/dev.sh test                    build and run the whole test suite (real keyring),
#                                            then again under sanitizers, plus short fuzz runs
#                                            (KEYTURN_HARDENING=0 skips that second pass)
#   packaging/dev.sh build                   configure and build only
# Environment: KEYTURN_BUILD_DIR (default: build), KEYTURN_BUILD_TYPE (default: RelWithDebInfo),
#              KEYTURN_CMAKE_ARGS (extra configure arguments, e.g. -DKEYTURN_SANITIZE=ON).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${KEYTURN_BUILD_DIR:-"$root/build"}
build_type=${KEYTURN_BUILD_TYPE:-RelWithDebInfo}

task=${1:-}
[ $# -gt 0 ] && shift

build() {
    sh "$here/install-deps.sh"
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${KEYTURN_CMAKE_ARGS:-}
    cmake --build "$build_dir"
}

case "$task" in
demo)
    build
    exec "$build_dir/app/keyturn" --demo "$@"
    ;;
test)
    build
    (cd "$build_dir" && sh "$here/with-test-keyring.sh" ctest --output-on-failure --no-tests=error "$@")
    # The hardening pass: the suite again under ASan+UBSan+LSan, then short libFuzzer runs.
    [ "${KEYTURN_HARDENING:-1}" = 0 ] || sh "$here/run-hardening.sh" all
    ;;
build)
    build
    ;;
*)
    echo "usage: $0 demo|test|build [args]" >&2
    exit 2
    ;;
esac

#!/bin/sh
# One command per developer task on Debian 12; each installs what it needs first.
#   packaging/dev.sh demo [keyturn options]  build and run Keyturn on the embedded demo tenant
#   packaging/dev.sh test                    the whole check, in this order: the format check
#                                            (clang-format), the suite on Debian 12's Qt (real
#                                            keyring), the suite again on current Qt in a Debian 13
#                                            root (packaging/with-current-qt.sh), then under
#                                            sanitizers, plus short fuzz runs
#   packaging/dev.sh build                   configure and build only
#   packaging/dev.sh suite                   build and run the suite with what is installed, no
#                                            installing (what `test` runs inside the Debian 13 root)
# Environment: KEYTURN_BUILD_DIR (default: build), KEYTURN_BUILD_TYPE (default: RelWithDebInfo),
#              KEYTURN_CMAKE_ARGS (extra configure arguments, e.g. -DKEYTURN_SANITIZE=ON),
#              KEYTURN_CURRENT_QT=0 skips the current-Qt pass, KEYTURN_HARDENING=0 the sanitizer pass.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${KEYTURN_BUILD_DIR:-"$root/build"}
build_type=${KEYTURN_BUILD_TYPE:-RelWithDebInfo}
. "$here/build-env.sh"

task=${1:-}
[ $# -gt 0 ] && shift

stamp() { date +%s; }

compile() {
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" $keyturn_cmake_args \
        ${KEYTURN_CMAKE_ARGS:-}
    cmake --build "$build_dir"
}

build() {
    sh "$here/install-deps.sh"
    compile
}

run_suite() {
    (cd "$build_dir" && sh "$here/with-test-keyring.sh" ctest --output-on-failure --no-tests=error "$@")
}

# Debian 12's clang-format is the reference; every C++ file of the tree must already be formatted.
check_format() {
    files=$(cd "$root" && find app ui tests -name '*.cpp' -o -name '*.h')
    # shellcheck disable=SC2086
    (cd "$root" && clang-format --dry-run -Werror $files) || {
        echo "format check failed: run clang-format -i on the files above" >&2
        exit 1
    }
}

case "$task" in
demo)
    build
    exec "$build_dir/app/keyturn" --demo "$@"
    ;;
test)
    sh "$here/install-deps.sh"
    t0=$(stamp)
    check_format
    t1=$(stamp)
    current_qt=${KEYTURN_CURRENT_QT:-1}
    if [ "$current_qt" != 0 ]; then
        # Making the Debian 13 root is mostly downloading and unpacking: it runs while this machine's
        # suite builds and runs (a second later when the root is already there).
        [ "$(id -u)" -eq 0 ] || sudo -v # asks for the password now, not in the background
        mkdir -p "$root/build-current-qt"
        root_log="$root/build-current-qt/debian13-root.log"
        sh "$here/with-current-qt.sh" true >"$root_log" 2>&1 &
        root_pid=$!
    fi
    compile
    run_suite "$@"
    t2=$(stamp)
    echo "test: format check $((t1 - t0)) s, Qt $(qmake6 -query QT_VERSION 2>/dev/null || echo 6) suite $((t2 - t1)) s"
    if [ "$current_qt" != 0 ]; then
        wait "$root_pid" || {
            cat "$root_log"
            echo "test: the Debian 13 root could not be made (log above)" >&2
            exit 1
        }
        t3=$(stamp)
        sh "$here/with-current-qt.sh" env KEYTURN_BUILD_DIR="$root/build-current-qt" sh packaging/dev.sh suite "$@"
        t4=$(stamp)
        echo "test: waited $((t3 - t2)) s for the Debian 13 root; current-Qt build and suite $((t4 - t3)) s"
    fi
    # The hardening pass: the suite again under ASan+UBSan+LSan, then short libFuzzer runs.
    [ "${KEYTURN_HARDENING:-1}" = 0 ] || sh "$here/run-hardening.sh" all
    ;;
suite)
    echo "suite: Qt $(qmake6 -query QT_VERSION 2>/dev/null || echo '?'), $(c++ --version | head -n 1)"
    compile
    run_suite "$@"
    ;;
build)
    build
    ;;
*)
    echo "usage: $0 demo|test|build|suite [args]" >&2
    exit 2
    ;;
esac

#!/bin/sh
# The hardening pass: the whole test suite built with AddressSanitizer + UBSan and run
# with LeakSanitizer on (real keyring session), then the libFuzzer targets built with clang and
# run briefly. Fails on any test failure, sanitizer report, leak outside system libraries, or
# fuzzer crash. Builds only what it runs.
#   usage: packaging/run-hardening.sh [asan|fuzz|all]   (default: all)
# Environment: KEYTURN_ASAN_BUILD_DIR (default: build-asan), KEYTURN_FUZZ_BUILD_DIR (default:
#              build-fuzz), KEYTURN_FUZZ_SECONDS (default: 20, per target),
#              KEYTURN_CTEST_ARGS (extra ctest arguments, e.g. "-L auth_tests").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
asan_dir=${KEYTURN_ASAN_BUILD_DIR:-"$root/build-asan"}
fuzz_dir=${KEYTURN_FUZZ_BUILD_DIR:-"$root/build-fuzz"}
fuzz_seconds=${KEYTURN_FUZZ_SECONDS:-20}
what=${1:-all}
. "$here/build-env.sh"

stamp() { date +%s; }

run_asan() {
    t0=$(stamp)
    # Debug: -O0 compiles fastest, and ASan stacks point at the right lines.
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKEYTURN_SANITIZE=ON $keyturn_cmake_args
    cmake --build "$asan_dir"
    t1=$(stamp)
    # detect_leaks: LeakSanitizer at exit of every test binary; the suppressions cover leaks inside
    # system libraries only (see the file). UBSan halts, so any report fails its test.
    ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_odr_violation=1"
    LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
    cd "$asan_dir"
    # shellcheck disable=SC2086
    # The .deb check (label packaging) gains nothing from ASan and is the slowest test: left to the
    # normal run.
    sh "$here/with-test-keyring.sh" ctest --output-on-failure --no-tests=error -LE packaging \
        ${KEYTURN_CTEST_ARGS:-}
    t2=$(stamp)
    echo "hardening: ASan build $((t1 - t0)) s, ASan tests $((t2 - t1)) s"
    cd "$root"
}

run_fuzz() {
    if ! command -v clang++ >/dev/null 2>&1; then
        echo "hardening: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
        exit 1
    fi
    t0=$(stamp)
    # shellcheck disable=SC2086
    CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DKEYTURN_SANITIZE=ON -DKEYTURN_FUZZ=ON $keyturn_cmake_args
    cmake --build "$fuzz_dir" --target keyturn_fuzzers
    t1=$(stamp)
    sh "$here/run-fuzzers.sh" "$fuzz_dir" "$fuzz_seconds"
    t2=$(stamp)
    echo "hardening: fuzz build $((t1 - t0)) s, fuzz runs $((t2 - t1)) s"
}

case "$what" in
asan) run_asan ;;
fuzz) run_fuzz ;;
all)
    run_asan
    run_fuzz
    ;;
*)
    echo "usage: $0 [asan|fuzz|all]" >&2
    exit 2
    ;;
esac

#!/bin/sh
# Runs every libFuzzer target of a KEYTURN_FUZZ build for SECONDS each, on a scratch copy of its
# committed seed corpus (tests/fuzz/corpus/<target>) with a dictionary (tests/fuzz/dict), and fails
# when any target finds a crash, a leak, a sanitizer report or a timeout. Prints libFuzzer's
# execution count per target.
#   usage: packaging/run-fuzzers.sh BUILD_DIR [SECONDS]   (SECONDS defaults to 20)
# Environment: KEYTURN_FUZZ_ARTIFACTS (default: BUILD_DIR/fuzz-artifacts) keeps crashing inputs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${1:?usage: $0 BUILD_DIR [SECONDS]}
seconds=${2:-20}
build_dir=$(cd "$build_dir" && pwd)
artifacts=${KEYTURN_FUZZ_ARTIFACTS:-"$build_dir/fuzz-artifacts"}
corpus_root="$root/tests/fuzz/corpus"

targets=$(cd "$corpus_root" && ls)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/keyturn-fuzz-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$artifacts"

# Leaks are bugs here too; UBSan reports abort so the fuzzer records them as crashes.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen

failed=0
for name in $targets; do
    binary="$build_dir/tests/fuzz/fuzz_$name"
    if [ ! -x "$binary" ]; then
        echo "run-fuzzers: $binary missing (configure with -DKEYTURN_FUZZ=ON and build keyturn_fuzzers)" >&2
        failed=1
        continue
    fi
    corpus="$scratch/$name"
    mkdir -p "$corpus"
    cp "$corpus_root/$name"/* "$corpus/"
    log="$scratch/$name.log"
    case "$name" in
    redirect_request) dict="$root/tests/fuzz/dict/http.dict" ;;
    endpoint_url) dict="$root/tests/fuzz/dict/url.dict" ;;
    *) dict="$root/tests/fuzz/dict/json.dict" ;;
    esac
    # -max_len covers the redirect listener's 16 KiB head limit; -timeout flags a parser that hangs.
    if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=20000 \
        -dict="$dict" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    printf '%-18s %-6s executions=%s corpus=%s  %s\n' "$name" "$status" "${execs:-?}" \
        "$(ls "$corpus" | wc -l)" "$last"
    if [ "$status" = FAILED ]; then
        echo "---- $name: last 60 lines of libFuzzer output (inputs kept in $artifacts) ----" >&2
        tail -n 60 "$log" >&2
    fi
done
exit "$failed"

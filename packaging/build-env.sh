# Sourced by packaging/dev.sh and packaging/run-hardening.sh, which set $root (the source root):
# the configure arguments every developer and CI build shares. Warnings are errors here (a release built from source leaves them off), and
# ccache, when installed, caches compiles with paths relative to the source root, so a fresh clone
# in another folder still hits the cache.
keyturn_cmake_args="-DKEYTURN_WERROR=ON"
if command -v ccache >/dev/null 2>&1; then
    keyturn_cmake_args="$keyturn_cmake_args -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
    CCACHE_BASEDIR=$root
    export CCACHE_BASEDIR
fi

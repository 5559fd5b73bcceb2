#!/bin/sh
# Regenerates the platform icon files from resources/icons/keyturn.svg (run by hand after the
# SVG changes, then commit the results): packaging/windows/keyturn.ico, packaging/macos/keyturn.icns.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../resources/icons/keyturn.svg"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/keyturn-icons-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --output "$tmp/$size.png" "$svg"
done
# Windows: 256 px is the largest size an .ico holds; it is stored PNG-compressed.
icotool --create --output "$here/windows/keyturn.ico" \
    "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
    --raw="$tmp/256.png"
# macOS: png2icns picks the icon type from each PNG's size.
png2icns "$here/macos/keyturn.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/128.png" "$tmp/256.png" \
    "$tmp/512.png" "$tmp/1024.png" >/dev/null
echo "wrote $here/windows/keyturn.ico and $here/macos/keyturn.icns"

#!/usr/bin/env bash
# Regenerates the README's settings reference (between the settings:begin and
# settings:end markers) from the handlers' own descriptors: `podlike settings --markdown`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product podlike >/dev/null 2>&1 || swift build --product podlike
reference=$(mktemp)
trap 'rm -f "$reference"' EXIT
"$(swift build --show-bin-path)/podlike" settings --markdown >"$reference"
awk -v reference="$reference" '
    /<!-- settings:begin -->/ { print; while ((getline line < reference) > 0) print line; skipping = 1; next }
    /<!-- settings:end -->/ { skipping = 0 }
    !skipping { print }
' README.md >README.md.new
mv README.md.new README.md
echo "README.md: settings reference regenerated"

#!/usr/bin/env bash
# Takes a full-page screenshot of an HTML report with headless Chromium, to check by eye that it renders offline:
# charts visible, nothing cut off.
#   scripts/screenshot-report.sh <report.html> <out.png> [width] [height]
# Needs Debian's chromium (apt-get install -y chromium). A demo report comes from the test-scope generator:
#   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   java -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
#        scar.report.DemoReport target/demo-report.html
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 <report.html> <out.png> [width=1280] [height=2400]" >&2
    exit 2
fi
report=$1
out=$2
width=${3:-1280}
height=${4:-2400}

if [[ ! -f "$report" ]]; then
    echo "no such report: $report" >&2
    exit 1
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
    echo "chromium not found; install it with: apt-get install -y chromium" >&2
    exit 1
fi

report_abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
mkdir -p "$(dirname "$out")"
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$out_abs" --window-size="$width,$height" "file://$report_abs" 2>/dev/null

if [[ ! -s "$out_abs" ]]; then
    echo "chromium wrote no screenshot to $out_abs" >&2
    exit 1
fi
echo "$out_abs"

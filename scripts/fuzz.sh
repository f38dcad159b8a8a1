#!/usr/bin/env bash
# Fuzzes the loaders for longer than `mvn -B verify` does (docs/BAD-INPUT.md): every *FuzzTest class in a JVM of its
# own, each for SECONDS, then prints how many inputs each loader ran and which errors it gave.
#   scripts/fuzz.sh [SECONDS per loader, default 600] [TEST CLASS, e.g. CsvFuzzTest; default every *FuzzTest]
# A finding fails the run and is written to src/test/resources/scar/data/<Class>Inputs/fuzz/: fix the loader, give
# the file a name that says what it is, and commit it: from then on it is a regression test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}
tests=${2:-*FuzzTest}
mvn -B -q test-compile
status=0
mvn -B surefire:test@fuzz -Dfuzz.runs=-1 -Dfuzz.seconds="$seconds" -Dfuzz.test="$tests" || status=$?
cat target/fuzz/*.txt 2>/dev/null || true
exit "$status"

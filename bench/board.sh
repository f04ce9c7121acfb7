#!/usr/bin/env bash
# Board first paint: runs BoardFirstPaintBrowserTest (headless Chromium at /usr/bin/chromium) and keeps what it
# measured as docs/reports/board-first-paint.md. Run it on a quiet machine; the test itself only asserts a generous
# bound. Usage: bench/board.sh   (needs JDK 17, Maven deps in ~/.m2, chromium and chromium-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/board-first-paint.md
./mvnw -B -q -o test -DskipFlink -Dtest=BoardFirstPaintBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs/reports
cp target/board-first-paint.md docs/reports/board-first-paint.md
cat docs/reports/board-first-paint.md

#!/usr/bin/env bash
# Board first paint: runs BoardFirstPaintBrowserTest (headless Chromium at /usr/bin/chromium) and keeps what it
# measured as docs/reports/board-first-paint.md. Run it on a quiet machine; the test itself only asserts a generous
# bound. Usage: bench/board.sh   (needs JDK 17, Maven deps in ~/.m2, chromium and chromium-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/board-first-paint.md
./mvnw -B -q -o test -DskipFlink -Dtest=BoardFirstPaintBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs/reports
# The measured part replaces the report's head; everything from its first "## " heading on (history kept by hand) stays.
kept=$(awk '/^## /{keep=1} keep' docs/reports/board-first-paint.md 2>/dev/null || true)
{ cat target/board-first-paint.md; if [[ -n "$kept" ]]; then printf '\n%s\n' "$kept"; fi; } > docs/reports/board-first-paint.md.new
mv docs/reports/board-first-paint.md.new docs/reports/board-first-paint.md
cat docs/reports/board-first-paint.md

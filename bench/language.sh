#!/usr/bin/env bash
# Language detection report: SafeSpeak's detector against Lingua's own on the dev splits of ../shared/data,
# accuracy against each set's language and µs per text. Writes docs/reports/language-detection.md.
# Usage: bench/language.sh [data-dir]   (needs JDK 17 and ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data}"
WORK=target/bench
mkdir -p "$WORK" docs/reports
source training/classpath.sh
CP=$(safespeak_classpath "$WORK")
java -Xmx4g -cp "$CP" \
  dev.safespeak.moderation.training.LanguageDetectionReport "$DATA" docs/reports/language-detection.md

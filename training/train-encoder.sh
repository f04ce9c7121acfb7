#!/usr/bin/env bash
# Trains the accurate engine's heads (EncoderTrainCommand) on the English and Chinese rows of ../shared/data and
# the authored cases, writes src/main/resources/models/default/encoder-heads.json and
# docs/reports/model-quality-modes.md (fast, accurate and balanced compared). Arguments go to the command, e.g.
#   training/train-encoder.sh --data ../shared/data --train-cap 6000
# Embeddings are cached under target/training (each text embedded alone, as the service does), so a second run only
# embeds new texts; the cache names its encoder (ONNX SHA-256) and is rebuilt for another one, and a killed run keeps
# the vectors it appended.
set -euo pipefail
cd "$(dirname "$0")/.."
source training/classpath.sh
CP=$(safespeak_classpath target/training)
exec java ${TRAIN_JAVA_OPTS:--Xmx8g} -cp "$CP" dev.safespeak.moderation.training.EncoderTrainCommand "$@"

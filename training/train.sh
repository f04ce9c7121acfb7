#!/usr/bin/env bash
# Trains the default model from ../shared/data and the authored cases, evaluates it and writes the artifact and
# docs/reports/model-quality.md. All arguments go to TrainCommand (see its Javadoc), for example:
#   training/train.sh --data ../shared/data --out src/main/resources/models/default --report docs/reports/model-quality.md
# The training code lives in src/training/java: it compiles with the tests and never enters the production jar.
set -euo pipefail
cd "$(dirname "$0")/.."
source training/classpath.sh
CP=$(safespeak_classpath target/training)
exec java ${TRAIN_JAVA_OPTS:--Xmx12g} -cp "$CP" dev.safespeak.moderation.training.TrainCommand "$@"

#!/usr/bin/env bash
# Smoke test of the production jar, the way an operator starts it:
#   1. (with --build) nice -n 10 ./mvnw -B -Pproduction -DskipTests package
#   2. java -jar target/safespeak-*.jar on a free port, with a fresh H2 database and model dir in a temp dir
#   3. /actuator/health/readiness answers UP
#   4. /login serves the production frontend (the page and the compiled bundle it references, no dev server)
#   5. java -jar ... keys create --name smoke (the CLI, against the same database) prints a key
#   6. POST /api/v1/moderate with that key scores a text
#   7. no ERROR in the app's log up to here; SIGTERM stops the app within 60 s (exit status 143 or 0) with no ERROR
#      line or stack trace while it stops (H2's own shutdown hook used to close the file database under Spring's
#      feet; EmbeddedDatabaseShutdown removes it, decision 096).
# Exit status 0 when every step passed; the first failing step is named on stderr. The temp dir is removed and
# the app stopped (by its own PID) on exit. Usage: bench/smoke-jar.sh [--build] [--keep]
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=false
KEEP=false
for arg in "$@"; do
    case "$arg" in
        --build) BUILD=true ;;
        --keep) KEEP=true ;;
        *) echo "usage: bench/smoke-jar.sh [--build] [--keep]" >&2; exit 2 ;;
    esac
done

if $BUILD; then
    nice -n 10 ./mvnw -B -q -Pproduction -DskipTests package
fi
JAR=$(ls -t target/safespeak-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
[[ -n "$JAR" ]] || { echo "FAIL: no target/safespeak-*.jar; run with --build" >&2; exit 1; }
JAR=$(realpath "$JAR")

WORK=$(mktemp -d -t safespeak-smoke.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if $KEEP; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- last lines of the app log ($WORK/app.log) ---" >&2
    tail -40 "$WORK/app.log" >&2 || true
    exit 1
}

# Everything the app writes (./data: H2 database, model artifacts) goes under the temp dir.
export SAFESPEAK_DB_URL="jdbc:h2:file:$WORK/data/safespeak;AUTO_SERVER=TRUE"
export SAFESPEAK_MODEL_DIR="$WORK/data/models"
export SAFESPEAK_ADMIN_PASSWORD="smoke-test-admin-password"
unset SPRING_PROFILES_ACTIVE

echo "jar:  $JAR"
echo "port: $PORT, data: $WORK/data"
STARTED=$(date +%s)
(cd "$WORK" && exec java -jar "$JAR" --server.port="$PORT") > "$WORK/app.log" 2>&1 &
APP_PID=$!

BASE="http://127.0.0.1:$PORT"
READY=""
for _ in $(seq 1 300); do
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited during start-up"
    READY=$(curl -s "$BASE/actuator/health/readiness" || true)
    [[ "$READY" == *'"status":"UP"'* ]] && break
    sleep 1
done
[[ "$READY" == *'"status":"UP"'* ]] || fail "readiness is not UP after 300 s: $READY"
echo "ok   readiness UP after $(( $(date +%s) - STARTED )) s: $READY"

LOGIN=$(curl -s -w '\n%{http_code}' "$BASE/login")
CODE=${LOGIN##*$'\n'}
PAGE=${LOGIN%$'\n'*}
[[ "$CODE" == 200 ]] || fail "GET /login answered $CODE"
BUNDLE=$(grep -o 'VAADIN/build/[^"]*\.js' <<<"$PAGE" | head -1 || true)
[[ -n "$BUNDLE" ]] || fail "the login page references no compiled bundle (VAADIN/build/*.js): not a production build?"
BUNDLE_CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/$BUNDLE")
[[ "$BUNDLE_CODE" == 200 ]] || fail "GET /$BUNDLE answered $BUNDLE_CODE"
grep -q 'productionMode' "$WORK/app.log" && grep -qi 'productionMode.*false' "$WORK/app.log" \
    && fail "the app says it runs in development mode"
echo "ok   /login 200, production bundle /$BUNDLE 200"

KEYS_OUT=$(cd "$WORK" && java -jar "$JAR" keys create --name smoke 2>"$WORK/keys.err") \
    || { cat "$WORK/keys.err" >&2; fail "keys create exited non-zero"; }
KEY=$(grep -o 'ssk_[A-Za-z0-9_-]*' <<<"$KEYS_OUT" | tail -1 || true)
[[ -n "$KEY" ]] || fail "keys create printed no key: $KEYS_OUT"
echo "ok   keys create: ${KEY:0:8}..."

SCORE=$(curl -s -w '\n%{http_code}' "$BASE/api/v1/moderate" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d '{"text": "Shut up, you idiot."}')
CODE=${SCORE##*$'\n'}
BODY=${SCORE%$'\n'*}
[[ "$CODE" == 200 ]] || fail "POST /api/v1/moderate answered $CODE: $BODY"
python3 - "$BODY" <<'EOF' || fail "the moderation answer holds no TOXICITY score: $BODY"
import json, sys
body = json.loads(sys.argv[1])
result = body["results"][0] if "results" in body else body
score = result["scores"]["TOXICITY"]
assert isinstance(score, (int, float)) and 0.0 <= score <= 1.0, score
print("ok   POST /api/v1/moderate 200: TOXICITY %.3f, language %s, model %s"
      % (score, result.get("language", {}).get("code"), result.get("modelVersion")))
EOF
if grep -q ' ERROR ' "$WORK/app.log"; then
    grep ' ERROR ' "$WORK/app.log" | head -5 >&2
    fail "the app logged errors while running"
fi
RUN_LINES=$(wc -l < "$WORK/app.log")
kill -TERM "$APP_PID"
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$APP_PID" 2>/dev/null && fail "the app did not stop within 60 s of SIGTERM"
STATUS=0
wait "$APP_PID" || STATUS=$?
APP_PID=""
[[ "$STATUS" == 0 || "$STATUS" == 143 ]] || fail "the app exited with status $STATUS after SIGTERM"
SHUTDOWN_ERRORS=$(tail -n +"$((RUN_LINES + 1))" "$WORK/app.log" | grep -c -E ' ERROR |^\s+at ' || true)
[[ "$SHUTDOWN_ERRORS" == 0 ]] || fail "$SHUTDOWN_ERRORS ERROR or stack trace lines while stopping"
echo "ok   no ERROR while running; stopped by SIGTERM (exit status $STATUS) with no ERROR while stopping"
echo "PASS: production jar smoke test"

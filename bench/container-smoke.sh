#!/usr/bin/env bash
# Builds the container image and runs it the way docs/operations/deploy.md does, locked down:
#   1. a Docker engine: installs docker.io (Debian) and starts dockerd as root when none answers; when the daemon
#      cannot start, prints SKIP and why, and exits 0 (the only step that may be skipped)
#   2. the base image safespeak-base:bookworm (Java 17 JRE from Debian's packages, debootstrap + docker import;
#      no image registry is needed), built once and reused
#   3. the production jar (--build makes it: ./mvnw -B -Pproduction -DskipTests package) and the image
#      safespeak:smoke from docker/Dockerfile with BASE_IMAGE=safespeak-base:bookworm
#   4. docker run ... keys create on a fresh data volume prints an API key
#   5. the app in a container: --read-only, --tmpfs /tmp, --cap-drop ALL, --security-opt no-new-privileges,
#      --user 10001:10001, the data volume the only writable path, its port published on 127.0.0.1 only;
#      /actuator/health/readiness UP (time from docker run measured)
#   6. it runs as uid 10001 and cannot write outside /app/data and /tmp
#   7. POST /api/v1/moderate with the key scores a text, in mode accurate too (the encoder); no ERROR in the log
#   8. SIGTERM (docker kill -s TERM) stops it within 10 s
# Writes the image size (and what in it is the base image, the extracted application and its class data sharing
# archive), time to readiness and stop time to docs/reports/container-smoke.md (--no-report: don't).
# Usage: bench/container-smoke.sh [--build] [--jar PATH] [--no-report]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=false
REPORT=true
JAR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) BUILD=true ;;
        --jar) JAR="$2"; shift ;;
        --no-report) REPORT=false ;;
        *) echo "usage: bench/container-smoke.sh [--build] [--jar PATH] [--no-report]" >&2; exit 2 ;;
    esac
    shift
done

BASE_IMAGE=safespeak-base:bookworm
IMAGE=safespeak:smoke
NAME=safespeak-smoke-$$
VOLUME=safespeak-smoke-data-$$
ADMIN_PASSWORD=container-smoke-admin-pw
log() { echo "[container-smoke] $(date -u +%H:%M:%S) $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
fail() {
    echo "FAIL: $*" >&2
    if docker container inspect "$NAME" >/dev/null 2>&1; then
        echo "--- last lines of the container's log ---" >&2
        docker logs --tail 40 "$NAME" >&2 || true
    fi
    exit 1
}
cleanup() {
    docker rm -f "$NAME" >/dev/null 2>&1 || true
    docker volume rm -f "$VOLUME" >/dev/null 2>&1 || true
    docker image rm -f "$IMAGE" >/dev/null 2>&1 || true
}

# 1. Docker engine.
if ! docker info >/dev/null 2>&1; then
    if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
        log "installing docker.io and debootstrap"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
    fi
    log "starting dockerd (log: /tmp/safespeak-dockerd.log)"
    as_root bash -c 'nohup dockerd > /tmp/safespeak-dockerd.log 2>&1 &'
    for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
    if ! docker info >/dev/null 2>&1; then
        echo "SKIP: the Docker daemon could not start here; its log says:" >&2
        tail -5 /tmp/safespeak-dockerd.log >&2 || true
        exit 0
    fi
fi
trap cleanup EXIT

# 2. Base image from Debian's packages.
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    MIRROR=${MIRROR:-http://deb.debian.org/debian}
    ROOTFS=$(mktemp -d -t safespeak-rootfs.XXXXXX)
    log "building $BASE_IMAGE with debootstrap from $MIRROR (about 2 minutes)"
    as_root debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$ROOTFS" "$MIRROR" \
        > /tmp/safespeak-debootstrap.log 2>&1 || { tail -20 /tmp/safespeak-debootstrap.log >&2; fail "debootstrap failed"; }
    as_root tar -C "$ROOTFS" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        - "$BASE_IMAGE" >/dev/null
    as_root rm -rf "$ROOTFS"
fi
log "base image $BASE_IMAGE: $(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"

# 3. Production jar and image.
if $BUILD; then
    log "building the production jar"
    nice -n 10 ./mvnw -B -q -Pproduction -Dmaven.test.skip=true package
fi
if [[ -z "$JAR" ]]; then
    JAR=$(ls -t target/safespeak-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
fi
[[ -n "$JAR" && -f "$JAR" ]] || fail "no production jar (target/safespeak-*.jar); run with --build"
unzip -p "$JAR" 'META-INF/VAADIN/config/flow-build-info.json' 2>/dev/null | grep -q '"productionMode" *: *true' \
    || fail "$JAR is not a production build (./mvnw -B -Pproduction -DskipTests package)"
# The build context holds the jar (the Dockerfile's JAR argument names it) and bin/cds-archive, which makes the image's
# class data sharing archive, whatever lies beside them.
CONTEXT=$(mktemp -d -t safespeak-image.XXXXXX)
cp "$JAR" "$CONTEXT/app.jar"
mkdir -p "$CONTEXT/bin"
cp bin/cds-archive "$CONTEXT/bin/cds-archive"
log "building $IMAGE from docker/Dockerfile with $JAR"
docker build -q -f docker/Dockerfile --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg JAR=app.jar \
    -t "$IMAGE" "$CONTEXT" >/dev/null || { rm -rf "$CONTEXT"; fail "docker build failed"; }
rm -rf "$CONTEXT"
IMAGE_BYTES=$(docker image inspect -f '{{.Size}}' "$IMAGE")
BASE_BYTES=$(docker image inspect -f '{{.Size}}' "$BASE_IMAGE")
# The image holds the jar extracted (docker/Dockerfile extracts it in a build stage: the fat jar itself is not in the
# image) and the class data sharing archive made from it; du in the image measures them (bytes, apparent size).
SIZES=$(docker run --rm --entrypoint du "$IMAGE" -s -b /app/app.jar /app/lib /app/app.jsa) \
    || fail "du of /app/app.jar, /app/lib and /app/app.jsa in $IMAGE failed"
EXTRACTED_BYTES=$(awk '$2 == "/app/app.jar" || $2 == "/app/lib" {sum += $1} END {print sum + 0}' <<<"$SIZES")
ARCHIVE_BYTES=$(awk '$2 == "/app/app.jsa" {print $1}' <<<"$SIZES")
[[ -n "$ARCHIVE_BYTES" ]] || fail "no /app/app.jsa in $IMAGE: $SIZES"
JAR_BYTES=$(stat -c %s "$JAR")
log "ok   image $IMAGE: $((IMAGE_BYTES / 1000000)) MB (base $((BASE_BYTES / 1000000)) MB, extracted jar" \
    "$((EXTRACTED_BYTES / 1000000)) MB, class data sharing archive $((ARCHIVE_BYTES / 1000000)) MB)"

# The same lockdown for every container; the volume is the only writable path besides a small /tmp.
LOCKDOWN=(--read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL --security-opt no-new-privileges
          --user 10001:10001 -v "$VOLUME:/app/data")
docker volume create "$VOLUME" >/dev/null

# 4. A key from the CLI, before the app holds the database.
KEYS_OUT=$(docker run --rm "${LOCKDOWN[@]}" "$IMAGE" keys create --name container-smoke 2>&1) \
    || { echo "$KEYS_OUT" | tail -20 >&2; fail "docker run ... keys create exited non-zero"; }
KEY=$(grep -o 'ssk_[A-Za-z0-9_-]*' <<<"$KEYS_OUT" | tail -1 || true)
[[ -n "$KEY" ]] || fail "keys create printed no key: $KEYS_OUT"
log "ok   docker run ... keys create: ${KEY:0:8}..."

# 5. The app.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_NS=$(date +%s%N)
docker run -d --name "$NAME" "${LOCKDOWN[@]}" -e SAFESPEAK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    -p "127.0.0.1:$PORT:8080" "$IMAGE" >/dev/null || fail "docker run failed"
READY=""
for _ in $(seq 1 3000); do
    [[ "$(docker inspect -f '{{.State.Running}}' "$NAME")" == true ]] || fail "the container exited during start-up"
    READY=$(curl -s --max-time 2 "$BASE/actuator/health/readiness" || true)
    [[ "$READY" == *'"status":"UP"'* ]] && break
    sleep 0.1
done
[[ "$READY" == *'"status":"UP"'* ]] || fail "readiness is not UP after 300 s: $READY"
READY_MS=$(( ($(date +%s%N) - STARTED_NS) / 1000000 ))
log "ok   readiness UP $READY_MS ms after docker run"

# 6. Locked down as asked.
BINDINGS=$(docker port "$NAME" 8080/tcp)
[[ "$BINDINGS" == "127.0.0.1:$PORT" ]] || fail "port 8080 is published on '$BINDINGS', not only on 127.0.0.1"
[[ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.Config.User}}' "$NAME")" \
    == "true [ALL] 10001:10001" ]] || fail "the container is not read-only, without capabilities, as 10001"
[[ "$(docker exec "$NAME" id -u)" == 10001 ]] || fail "the app does not run as uid 10001"
docker exec "$NAME" bash -c 'touch /app/app.jar.new' 2>/dev/null && fail "the root file system is writable"
docker exec "$NAME" bash -c 'touch /app/data/.smoke && rm /app/data/.smoke' || fail "/app/data is not writable"
log "ok   uid 10001, read-only root, capabilities dropped, only /app/data and /tmp writable, port on 127.0.0.1 only"

# 7. Scoring.
SCORE=$(curl -s -w '\n%{http_code}' "$BASE/api/v1/moderate" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d '{"text": "Shut up, you idiot."}')
CODE=${SCORE##*$'\n'}
BODY=${SCORE%$'\n'*}
[[ "$CODE" == 200 ]] || fail "POST /api/v1/moderate answered $CODE: $BODY"
TOXICITY=$(python3 - "$BODY" <<'PY'
import json, sys
body = json.loads(sys.argv[1])
result = body["results"][0] if "results" in body else body
score = result["scores"]["TOXICITY"]
assert isinstance(score, (int, float)) and 0.0 <= score <= 1.0, score
print("%.3f" % score)
PY
) || fail "the moderation answer holds no TOXICITY score: $BODY"
log "ok   POST /api/v1/moderate 200: TOXICITY $TOXICITY"
# Accurate mode: the encoder runs in the locked-down container (ONNX Runtime's libraries are copied to
# /app/data/native, since /tmp is noexec); it loads in the background after start, so this retries for a while.
ACC_CODE=""
ACC_BODY=""
for _ in $(seq 1 120); do
    ACC=$(curl -s -w '\n%{http_code}' "$BASE/api/v1/moderate" -H "Authorization: Bearer $KEY" \
        -H 'Content-Type: application/json' -d '{"text": "Shut up, you idiot.", "mode": "accurate"}')
    ACC_CODE=${ACC##*$'\n'}
    ACC_BODY=${ACC%$'\n'*}
    [[ "$ACC_CODE" == 200 ]] && break
    sleep 1
done
[[ "$ACC_CODE" == 200 ]] || fail "POST /api/v1/moderate with mode accurate answered $ACC_CODE: $ACC_BODY"
[[ "$ACC_BODY" == *'"engine":"encoder:'* ]] || fail "mode accurate was not scored by the encoder: $ACC_BODY"
log "ok   POST /api/v1/moderate mode=accurate 200, scored by the encoder"
if docker logs "$NAME" 2>&1 | grep -q ' ERROR '; then
    docker logs "$NAME" 2>&1 | grep ' ERROR ' | head -5 >&2
    fail "the app logged errors while running"
fi

# 8. SIGTERM.
STOP_NS=$(date +%s%N)
docker kill -s TERM "$NAME" >/dev/null
for _ in $(seq 1 100); do
    [[ "$(docker inspect -f '{{.State.Running}}' "$NAME")" == false ]] && break
    sleep 0.1
done
[[ "$(docker inspect -f '{{.State.Running}}' "$NAME")" == false ]] || fail "the app did not stop within 10 s of SIGTERM"
STOP_MS=$(( ($(date +%s%N) - STOP_NS) / 1000000 ))
EXIT_CODE=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
[[ "$EXIT_CODE" == 0 || "$EXIT_CODE" == 143 ]] || fail "the app exited with status $EXIT_CODE after SIGTERM"
log "ok   stopped $STOP_MS ms after SIGTERM (exit status $EXIT_CODE)"

if $REPORT; then
    mkdir -p docs/reports
    cat > docs/reports/container-smoke.md <<MD
# Container smoke test

Written by \`bench/container-smoke.sh\` (rerun it to refresh this page; \`--build\` builds the production jar first).
It builds the image from docker/Dockerfile on \`$BASE_IMAGE\` (Debian bookworm, openjdk-17-jre-headless, made with
debootstrap), runs \`keys create\` and then the app with \`--read-only --tmpfs /tmp --cap-drop ALL
--security-opt no-new-privileges --user 10001:10001\`, the data volume its only writable path and its port published
on 127.0.0.1 only, scores a text and stops it with SIGTERM.

| what | value |
| --- | --- |
| result | PASS |
| run at | $(date -u +%Y-%m-%dT%H:%M:%SZ) |
| checkout | git $(git rev-parse --short HEAD 2>/dev/null || echo unknown) (the jar may have been built from another commit) |
| models in the jar | n-gram $(unzip -p "$JAR" BOOT-INF/classes/models/default/manifest.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4), heads $(unzip -p "$JAR" BOOT-INF/classes/models/default/encoder-heads.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4) |
| image size | $((IMAGE_BYTES / 1000000)) MB ($IMAGE_BYTES bytes) |
| of which the base image | $((BASE_BYTES / 1000000)) MB |
| of which the application jar, extracted (/app/app.jar and /app/lib) | $((EXTRACTED_BYTES / 1000000)) MB |
| of which the class data sharing archive (/app/app.jsa) | $((ARCHIVE_BYTES / 1000000)) MB |
| the production jar it was built from (extracted in a build stage; not itself in the image) | $((JAR_BYTES / 1000000)) MB |
| docker run to readiness UP | $READY_MS ms |
| SIGTERM to stopped | $STOP_MS ms (exit status $EXIT_CODE) |
| TOXICITY of "Shut up, you idiot." | $TOXICITY |
| load average when the container started (1, 5, 15 min) | $LOAD_AT_START |
| machine | $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, Docker $(docker version -f '{{.Server.Version}}') |

Time to readiness depends mostly on the CPU the JVM gets: on a machine shared with other builds (see the load
average) it is several times what it is on an idle one. Sizes are uncompressed, as \`docker image inspect\` and
\`du -b\` in the image report them; the rest of the image size is the Dockerfile's other layers (\`docker history\`
lists them). The base image is the large part: a standard \`eclipse-temurin:17-jre\` image (the Dockerfile's
default \`BASE_IMAGE\`) is smaller; this one is what can be built here without an image registry.
MD
    log "wrote docs/reports/container-smoke.md"
fi
echo "PASS: container smoke test (image $((IMAGE_BYTES / 1000000)) MB, readiness after $READY_MS ms, stopped $STOP_MS ms after SIGTERM)"

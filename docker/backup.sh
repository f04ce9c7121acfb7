#!/usr/bin/env bash
# Backs up SafeSpeak's database, reading the same settings as the app: SAFESPEAK_DB_URL, SAFESPEAK_DB_USER,
# SAFESPEAK_DB_PASSWORD (defaults: the embedded H2 database ./data/safespeak, user sa).
#   PostgreSQL (jdbc:postgresql://HOST:PORT/DB): pg_dump --format=custom, one consistent snapshot, while the app runs.
#   H2 (jdbc:h2:file:PATH): H2's online BACKUP TO, a zip of the database file, while the app runs (AUTO_SERVER=TRUE).
#       The H2 tool is taken from SAFESPEAK_H2_JAR, else from the app's jar (--app-jar, default target/safespeak-*.jar).
# Writes OUT_DIR/safespeak-<UTC time>.(pgdump|h2.zip) and a .sha256 beside it, and prints the backup's path. For H2
# the generated password file (PATH.password) is copied beside the zip as <zip>.password: keep them together. The
# audit trail's generated signing key (SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE, default ./data/audit-hmac.key), when
# there is one and no SAFESPEAK_AUDIT_HMAC_KEY is set, is copied beside the backup as <backup>.audit-hmac.key: without
# it a restored trail cannot be verified. Every file written is owner-only (0600): they hold the data and its keys.
# Restore with docker/restore.sh (docs/operations/restore-a-backup.md).
# Usage: docker/backup.sh [--out OUT_DIR] [--app-jar JAR]      (OUT_DIR defaults to ./backups)
set -euo pipefail

OUT=./backups
APP_JAR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) OUT="$2"; shift ;;
        --app-jar) APP_JAR="$2"; shift ;;
        *) echo "usage: docker/backup.sh [--out OUT_DIR] [--app-jar JAR]" >&2; exit 2 ;;
    esac
    shift
done

URL=${SAFESPEAK_DB_URL:-jdbc:h2:file:./data/safespeak;AUTO_SERVER=TRUE}
DB_USER=${SAFESPEAK_DB_USER:-sa}
DB_PASSWORD=${SAFESPEAK_DB_PASSWORD:-}
# The embedded H2 database's generated password, next to its file, when none is set (as the app does).
H2_PATH=""
if [[ "$URL" == jdbc:h2:file:* ]]; then
    H2_PATH=${URL#jdbc:h2:file:}; H2_PATH=${H2_PATH%%;*}
    if [[ -z "$DB_PASSWORD" && -f "$H2_PATH.password" ]]; then
        DB_PASSWORD=$(<"$H2_PATH.password")
    fi
fi
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$OUT"

h2_jar() {
    if [[ -n "${SAFESPEAK_H2_JAR:-}" ]]; then echo "$SAFESPEAK_H2_JAR"; return; fi
    local jar=${APP_JAR:-$(ls -t target/safespeak-*.jar 2>/dev/null | grep -v -- '\.original' | head -1 || true)}
    [[ -f "$jar" ]] || { echo "backup: no H2 tool: set SAFESPEAK_H2_JAR or pass --app-jar" >&2; exit 1; }
    local nested
    nested=$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1 || true)
    [[ -n "$nested" ]] || { echo "backup: $jar holds no H2 library" >&2; exit 1; }
    local dir
    dir=$(mktemp -d -t safespeak-h2.XXXXXX)
    unzip -q -j "$jar" "$nested" -d "$dir"
    echo "$dir/$(basename "$nested")"
}

case "$URL" in
    jdbc:postgresql://*)
        rest=${URL#jdbc:postgresql://}
        hostport=${rest%%/*}
        db=${rest#*/}; db=${db%%\?*}
        host=${hostport%%:*}
        port=5432; [[ "$hostport" == *:* ]] && port=${hostport##*:}
        FILE="$OUT/safespeak-$STAMP.pgdump"
        PGPASSWORD="$DB_PASSWORD" pg_dump --format=custom --no-owner --no-privileges \
            -h "$host" -p "$port" -U "$DB_USER" -d "$db" -f "$FILE"
        ;;
    jdbc:h2:file:*)
        FILE="$OUT/safespeak-$STAMP.h2.zip"
        ABS_FILE=$(realpath -m "$FILE")
        JAR=$(h2_jar)
        java -cp "$JAR" org.h2.tools.Shell -url "$URL" -user "$DB_USER" -password "$DB_PASSWORD" \
            -sql "BACKUP TO '$ABS_FILE'" >/dev/null
        if [[ -f "$H2_PATH.password" ]]; then
            # The database in the zip opens only with this password: keep it beside the backup.
            cp "$H2_PATH.password" "$FILE.password"
        fi
        ;;
    *)
        echo "backup: cannot back up '$URL': only jdbc:postgresql:// and jdbc:h2:file: databases" >&2
        exit 1
        ;;
esac
AUDIT_KEY=${SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE:-./data/audit-hmac.key}
if [[ -z "${SAFESPEAK_AUDIT_HMAC_KEY:-}" && -f "$AUDIT_KEY" ]]; then
    # The audit entries are signed with this key; a restore without it reads "NOT VERIFIED".
    cp "$AUDIT_KEY" "$FILE.audit-hmac.key"
fi
(cd "$(dirname "$FILE")" && sha256sum "$(basename "$FILE")" > "$(basename "$FILE").sha256")
echo "$FILE"

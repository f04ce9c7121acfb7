#!/usr/bin/env bash
# Restores a backup made by docker/backup.sh into the database SAFESPEAK_DB_URL names (same settings as the app),
# which must be new and empty: it refuses to write over a database that has SafeSpeak's tables. Stop the app (or
# point it elsewhere) first; start it on the restored database afterwards (docs/operations/restore-a-backup.md).
#   .pgdump: pg_restore --no-owner --exit-on-error into an existing, empty PostgreSQL database.
#   .h2.zip: unzips into the folder of the H2 file the URL names (jdbc:h2:file:PATH).
# The checksum file beside the backup is checked first. The audit signing key backed up beside it
# (<backup>.audit-hmac.key) is put where the app looks for its generated key (SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE,
# default ./data/audit-hmac.key) when no key is there yet; a different key already there is left alone, and the
# restore says how to verify the restored entries with the backed-up one.
# Usage: docker/restore.sh BACKUP_FILE
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: docker/restore.sh BACKUP_FILE" >&2; exit 2; }
FILE=$1
[[ -f "$FILE" ]] || { echo "restore: $FILE does not exist" >&2; exit 1; }
if [[ -f "$FILE.sha256" ]]; then
    (cd "$(dirname "$FILE")" && sha256sum --quiet -c "$(basename "$FILE").sha256") \
        || { echo "restore: $FILE does not match its checksum" >&2; exit 1; }
fi
URL=${SAFESPEAK_DB_URL:-jdbc:h2:file:./data/safespeak;AUTO_SERVER=TRUE}
DB_USER=${SAFESPEAK_DB_USER:-sa}
DB_PASSWORD=${SAFESPEAK_DB_PASSWORD:-}
umask 077

# After the database: the audit key the backup's entries are signed with.
restore_audit_key() {
    local saved="$FILE.audit-hmac.key"
    [[ -f "$saved" ]] || return 0
    local target=${SAFESPEAK_AUDIT_HMAC_GENERATED_KEY_FILE:-./data/audit-hmac.key}
    if [[ ! -e "$target" ]]; then
        mkdir -p "$(dirname "$target")"
        cp "$saved" "$target"
        echo "restored the audit signing key into $target"
    elif ! cmp -s "$saved" "$target"; then
        echo "restore: $target holds another audit key than the backup's; to verify the restored entries, start the" \
            "app with SAFESPEAK_AUDIT_HMAC_PREVIOUS_KEY_FILES=$(realpath "$saved") (docs/operations/rotate-the-audit-key.md)"
    fi
}

case "$FILE:$URL" in
    *.pgdump:jdbc:postgresql://*)
        rest=${URL#jdbc:postgresql://}
        hostport=${rest%%/*}
        db=${rest#*/}; db=${db%%\?*}
        host=${hostport%%:*}
        port=5432; [[ "$hostport" == *:* ]] && port=${hostport##*:}
        export PGPASSWORD="$DB_PASSWORD"
        tables=$(psql -h "$host" -p "$port" -U "$DB_USER" -d "$db" -Atc \
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'")
        [[ "$tables" == 0 ]] || { echo "restore: database $db already holds a SafeSpeak schema; restore into a new one" >&2; exit 1; }
        pg_restore --no-owner --no-privileges --exit-on-error -h "$host" -p "$port" -U "$DB_USER" -d "$db" "$FILE"
        echo "restored $FILE into $db on $host:$port"
        restore_audit_key
        ;;
    *.h2.zip:jdbc:h2:file:*)
        path=${URL#jdbc:h2:file:}; path=${path%%;*}
        dir=$(dirname "$path")
        [[ -e "$path.mv.db" ]] && { echo "restore: $path.mv.db exists; restore into a new folder" >&2; exit 1; }
        mkdir -p "$dir"
        unzip -q "$FILE" -d "$dir"
        [[ -e "$path.mv.db" ]] || { echo "restore: $FILE holds no $(basename "$path").mv.db" >&2; exit 1; }
        if [[ -f "$FILE.password" ]]; then
            cp "$FILE.password" "$path.password"
        fi
        echo "restored $FILE into $path.mv.db"
        restore_audit_key
        ;;
    *)
        echo "restore: a .pgdump restores into jdbc:postgresql://, a .h2.zip into jdbc:h2:file: (got $FILE for $URL)" >&2
        exit 1
        ;;
esac

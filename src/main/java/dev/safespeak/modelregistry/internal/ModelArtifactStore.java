package dev.safespeak.modelregistry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database copy of each registered model artifact ({@code model_artifact}): every instance sharing the database
 * can restore a version its own model directory lacks, such as a pod started on an empty volume after another pod
 * registered the version, or after an upgrade whose image no longer ships the active model.
 */
@Component
public class ModelArtifactStore {

    private final JdbcTemplate jdbc;

    ModelArtifactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the file's bytes as the version's copy; a version that has one already keeps it. Instances starting
     * together may both save the same version: the insert skips an existing row instead of failing (which on
     * PostgreSQL would also abort the start-up transaction).
     */
    public void save(String version, Path file) {
        if (has(version)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            jdbc.update(c -> {
                // PostgreSQL skips the row in the statement; H2 refuses it (a duplicate key, or a concurrent update
                // while another process inserts it), which leaves its transaction usable, caught below.
                var insert = c.prepareStatement(postgres(c)
                        ? "INSERT INTO model_artifact (version, content) VALUES (?, ?) ON CONFLICT (version) DO NOTHING"
                        : "INSERT INTO model_artifact (version, content) VALUES (?, ?)");
                insert.setString(1, version);
                insert.setBinaryStream(2, in, size);
                return insert;
            });
        } catch (org.springframework.dao.DuplicateKeyException
                 | org.springframework.dao.ConcurrencyFailureException e) {
            // Another instance saved it first: the copy is kept.
        } catch (IOException e) {
            throw new UncheckedIOException("model " + version + ": artifact " + file + " cannot be read", e);
        }
    }

    /** The SHA-256 of the version's copy, computed by the database; empty when it holds none. */
    public java.util.Optional<String> sha256(String version) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.util.Optional<String>>) c -> {
            try (var query = c.prepareStatement(postgres(c)
                    ? "SELECT encode(sha256(content), 'hex') FROM model_artifact WHERE version = ?"
                    : "SELECT LOWER(RAWTOHEX(HASH('SHA-256', content))) FROM model_artifact WHERE version = ?")) {
                query.setString(1, version);
                try (var rs = query.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        });
    }

    private static boolean postgres(java.sql.Connection c) throws java.sql.SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** Whether the database holds a copy of the version's artifact. */
    public boolean has(String version) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM model_artifact WHERE version = ?", Integer.class,
                version);
        return n != null && n > 0;
    }

    /** The versions whose artifacts the database holds. */
    public Set<String> versions() {
        return new HashSet<>(jdbc.queryForList("SELECT version FROM model_artifact", String.class));
    }

    /**
     * Writes the version's copy to {@code target} when its SHA-256 is {@code sha256}: through a temporary file beside
     * it, moved into place only when the checksum matches, so a bad copy never takes the artifact's place.
     *
     * @return false when the database holds no copy
     * @throws IllegalArgumentException when the copy's checksum is not the registered one
     */
    public boolean restore(String version, String sha256, Path target) {
        try {
            Path staged = Files.createTempFile(target.getParent(), "restore-", ".tmp");
            try {
                String found = jdbc.query("SELECT content FROM model_artifact WHERE version = ?", rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return Checksums.copy(in, staged);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, version);
                if (found == null) {
                    return false;
                }
                if (!found.equals(sha256)) {
                    throw new IllegalArgumentException("model " + version + ": the database's copy has checksum "
                            + found + ", registered " + sha256 + "; not restored");
                }
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("model " + version + ": artifact " + target + " cannot be restored", e);
        }
    }
}

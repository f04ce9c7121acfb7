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

    /** Keeps the file's bytes as the version's copy; a version that has one already keeps it. */
    public void save(String version, Path file) {
        if (has(version)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            jdbc.update(c -> {
                var insert = c.prepareStatement("INSERT INTO model_artifact (version, content) VALUES (?, ?)");
                insert.setString(1, version);
                insert.setBinaryStream(2, in, size);
                return insert;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("model " + version + ": artifact " + file + " cannot be read", e);
        }
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
     * Writes the version's copy to {@code target} (through a temporary file beside it, moved into place), so the
     * caller can verify it like any stored artifact.
     *
     * @return false when the database holds no copy
     */
    public boolean restore(String version, Path target) {
        try {
            Path staged = Files.createTempFile(target.getParent(), "restore-", ".tmp");
            try {
                Boolean found = jdbc.query("SELECT content FROM model_artifact WHERE version = ?", rs -> {
                    if (!rs.next()) {
                        return false;
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                }, version);
                if (!Boolean.TRUE.equals(found)) {
                    return false;
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

package dev.safespeak.moderation;

import java.nio.file.Path;
import java.util.Objects;

/** A registered model artifact on disk: the version it is registered under and the file that holds it. */
public record ModelArtifact(String version, Path file) {

    public ModelArtifact {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }
}

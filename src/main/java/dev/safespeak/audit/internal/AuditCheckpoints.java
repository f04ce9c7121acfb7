package dev.safespeak.audit.internal;

import dev.safespeak.audit.AuditVerification.BrokenEntry;
import dev.safespeak.audit.AuditVerification.CheckpointCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the chain's head: at an interval, when the chain has grown, one line with the last entry's
 * sequence number and link, the time and an HMAC under the current key is appended to a file (and logged), which
 * an operator ships off the machine. Someone who rewrites the chain without the key cannot make it match a
 * checkpoint again, and one who cuts entries off its end leaves a checkpoint pointing past the tip.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /** The marker that starts a checkpoint inside a line; anything before it (a log prefix) is ignored. */
    static final String MARKER = "safespeak-audit-checkpoint v1";

    private static final Pattern LINE = Pattern.compile(Pattern.quote(MARKER)
            + " seq=(\\d+) hash=([0-9a-f]{64}) at=(\\S+) key=(\\S+) mac=([0-9a-f]{64})\\s*$");

    private final AuditStore store;
    private final AuditProperties.Checkpoint settings;
    private final Clock clock;
    private volatile long lastWrittenSeq = -1;

    AuditCheckpoints(AuditStore store, AuditProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.checkpoint();
        this.clock = clock;
    }

    /** The configured checkpoint file, empty when checkpoints are off. */
    public Optional<Path> file() {
        return settings.file().isEmpty() ? Optional.empty() : Optional.of(Path.of(settings.file()));
    }

    @Scheduled(initialDelayString = "${safespeak.audit.checkpoint.interval:PT15M}",
            fixedDelayString = "${safespeak.audit.checkpoint.interval:PT15M}")
    void scheduled() {
        file().ifPresent(path -> {
            try {
                AuditStore.Head head = store.head();
                if (head.seq() > 0 && head.seq() != lastWrittenSeq) {
                    write(path, head);
                }
            } catch (RuntimeException | IOException e) {
                log.warn("Audit checkpoint not written to {}: {}", path.toAbsolutePath(), e.toString());
            }
        });
    }

    /** Appends a checkpoint of the chain's current head to the file and returns its line. */
    public String write(Path file) throws IOException {
        return write(file, store.head());
    }

    private String write(Path file, AuditStore.Head head) throws IOException {
        String line = line(store.keys().current(), head.seq(), head.hash(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        lastWrittenSeq = head.seq();
        log.info("Audit checkpoint written to {}: {}", file.toAbsolutePath(), line);
        return line;
    }

    /** A checkpoint line for the head {@code seq}/{@code hash} at {@code at}, signed with {@code key}. */
    static String line(AuditKey key, long seq, String hash, Instant at) {
        return MARKER + " seq=" + seq + " hash=" + hash + " at=" + at + " key=" + key.id() + " mac="
                + key.mac(macInput(key.id(), seq, hash, at.toString()));
    }

    private static String macInput(String keyId, long seq, String hash, String at) {
        return "safespeak-audit-checkpoint-v1\n" + keyId + "\n" + seq + "\n" + hash + "\n" + at;
    }

    /**
     * Checks every checkpoint in the file against the chain: its HMAC, and that its entry still exists with the
     * checkpointed link. Lines without the checkpoint marker are skipped, so a log excerpt works as well.
     *
     * @return the result, and the lowest-numbered entry a checkpoint shows rewritten or cut off, if any
     */
    public Result verify(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Result(new CheckpointCheck(file.toString(), 0, 0, List.of("the checkpoint file "
                    + file.toAbsolutePath() + " does not exist")), Optional.empty());
        } catch (IOException e) {
            return new Result(new CheckpointCheck(file.toString(), 0, 0, List.of("the checkpoint file "
                    + file.toAbsolutePath() + " cannot be read: " + e.getMessage())), Optional.empty());
        }
        AuditKeyRing keys = store.keys();
        Map<Long, Optional<String>> links = new HashMap<>();
        List<String> problems = new ArrayList<>();
        BrokenEntry firstBroken = null;
        int found = 0;
        int matching = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int at = text.indexOf(MARKER);
            if (at < 0) {
                continue;
            }
            found++;
            String where = "line " + (i + 1);
            Matcher m = LINE.matcher(text.substring(at));
            if (!m.matches()) {
                problems.add(where + " is not a readable checkpoint");
                continue;
            }
            long seq = Long.parseLong(m.group(1));
            String hash = m.group(2);
            String time = m.group(3);
            String keyId = m.group(4);
            try {
                Instant.parse(time);
            } catch (DateTimeParseException e) {
                problems.add(where + " has an unreadable time");
                continue;
            }
            Optional<AuditKey> key = keys.find(keyId);
            if (key.isEmpty()) {
                problems.add(where + " is signed with key " + keyId + ", which this instance does not have");
                continue;
            }
            if (!key.get().verifies(macInput(keyId, seq, hash, time), m.group(5))) {
                problems.add(where + ": its HMAC does not match, so the checkpoint itself was altered");
                continue;
            }
            Optional<String> link = links.computeIfAbsent(seq, store::linkOf);
            BrokenEntry broken = null;
            if (link.isEmpty()) {
                broken = new BrokenEntry(seq, "it is missing, but the checkpoint of " + time
                        + " recorded the chain up to it (entries were removed)");
            } else if (!link.get().equals(hash)) {
                broken = new BrokenEntry(seq, "its hash differs from the checkpoint of " + time
                        + " (the chain was rewritten)");
            }
            if (broken == null) {
                matching++;
            } else {
                problems.add(where + ": entry " + seq + ": " + broken.problem());
                if (firstBroken == null || seq < firstBroken.seq()) {
                    firstBroken = broken;
                }
            }
        }
        return new Result(new CheckpointCheck(file.toString(), found, matching, problems),
                Optional.ofNullable(firstBroken));
    }

    /** A checkpoint file's check and the lowest entry it shows rewritten or removed. */
    public record Result(CheckpointCheck check, Optional<BrokenEntry> firstBroken) {
    }
}

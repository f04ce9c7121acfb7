package dev.safespeak.flink;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * What the job's client checks before it submits a job, so a wrong path stops the run at once with one line naming
 * it (as the {@code score} command does) instead of a failed job and its stack trace. The paths are checked through
 * Flink's file systems, so the client needs to reach them; local paths are also checked for permissions.
 */
final class SetupChecks {

    /** Hidden names listed on the console at most. */
    static final int HIDDEN_NAMES_SHOWN = 5;

    private SetupChecks() {
    }

    /** The input exists and, on this machine, can be read. */
    static void input(String in) {
        Path path = new Path(in);
        try {
            FileSystem fs = path.getFileSystem();
            if (!fs.exists(path)) {
                throw new IllegalArgumentException("input " + in + " does not exist");
            }
            java.nio.file.Path local = local(path, fs);
            if (local != null && !Files.isReadable(local)) {
                throw new IllegalArgumentException("input " + in + " cannot be read (permission denied)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read input " + in + ": " + oneLine(e));
        }
    }

    /**
     * The output folder can be written and holds no results of an earlier run (its results would be mixed with this
     * run's), and is not inside the input folder (a later run over it would read them).
     */
    static void output(String out, String in) {
        Path path = new Path(out);
        try {
            FileSystem fs = path.getFileSystem();
            Path qualified = path.makeQualified(fs);
            Path input = new Path(in).makeQualified(new Path(in).getFileSystem());
            if (fs.exists(input) && fs.getFileStatus(input).isDir()
                    && (qualified.toUri().getPath() + "/").startsWith(input.toUri().getPath() + "/")) {
                throw new IllegalArgumentException("--out " + out + " is inside --in " + in
                        + ": its results would be read as input; write to a folder outside it");
            }
            if (fs.exists(path)) {
                if (!fs.getFileStatus(path).isDir()) {
                    throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
                }
                List<String> held = new ArrayList<>();
                for (String name : new String[] {BoundedScoringJob.RESULTS, BoundedScoringJob.REJECTED,
                    BoundedScoringJob.SUMMARY}) {
                    Path child = new Path(path, name);
                    if (fs.exists(child) && (!fs.getFileStatus(child).isDir() || notEmpty(fs, child))) {
                        held.add(name.equals(BoundedScoringJob.SUMMARY) ? name : name + "/");
                    }
                }
                if (!held.isEmpty()) {
                    throw new IllegalArgumentException("--out " + out + " already holds results ("
                            + String.join(", ", held) + "): remove them or choose another folder");
                }
            }
            java.nio.file.Path local = local(path, fs);
            if (local != null) {
                writable(local, out);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot check --out " + out + ": " + oneLine(e));
        }
    }

    /** The model file, when one is given, exists and is a file. */
    static void model(String model) {
        if (model == null || model.isBlank()) {
            return;
        }
        Path path = new Path(model);
        try {
            FileSystem fs = path.getFileSystem();
            if (!fs.exists(path)) {
                throw new IllegalArgumentException("model file " + model + " does not exist");
            }
            if (fs.getFileStatus(path).isDir()) {
                throw new IllegalArgumentException("model file " + model + " is a directory");
            }
            java.nio.file.Path local = local(path, fs);
            if (local != null && !Files.isReadable(local)) {
                throw new IllegalArgumentException("model file " + model + " cannot be read (permission denied)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model file " + model + ": " + oneLine(e));
        }
    }

    /**
     * The hidden files and folders under the input folder, which the job does not read (see
     * {@link CorpusEnumerator}), relative to it; none when the input is a file.
     */
    static List<String> hiddenFiles(String in) {
        List<String> hidden = new ArrayList<>();
        Path root = new Path(in);
        try {
            FileSystem fs = root.getFileSystem();
            FileStatus status = fs.getFileStatus(root);
            if (status.isDir()) {
                collectHidden(fs, status.getPath(), "", hidden);
                hidden.sort(null);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list input " + in + ": " + oneLine(e));
        }
        return hidden;
    }

    /** The console line naming the hidden entries the job leaves out, or null when there are none. */
    static String hiddenNote(String in, List<String> hidden) {
        if (hidden.isEmpty()) {
            return null;
        }
        String names = String.join(", ", hidden.subList(0, Math.min(HIDDEN_NAMES_SHOWN, hidden.size())))
                + (hidden.size() > HIDDEN_NAMES_SHOWN ? " and " + (hidden.size() - HIDDEN_NAMES_SHOWN) + " more" : "");
        return "not reading " + hidden.size() + (hidden.size() == 1 ? " hidden file" : " hidden files")
                + " under " + in + " (names starting with . or _): " + names;
    }

    private static void collectHidden(FileSystem fs, Path dir, String prefix, List<String> hidden)
            throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return;
        }
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                hidden.add(prefix + name + (child.isDir() ? "/" : ""));
            } else if (child.isDir()) {
                collectHidden(fs, child.getPath(), prefix + name + "/", hidden);
            }
        }
    }

    /** An exception's message in one line. */
    static String oneLine(Exception e) {
        String message = e instanceof FileSystemException f && f.getReason() != null
                ? f.getFile() + ": " + f.getReason() : e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static boolean notEmpty(FileSystem fs, Path dir) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        return children != null && children.length > 0;
    }

    /** The path on this machine's disk, or null when it is on another file system. */
    private static java.nio.file.Path local(Path path, FileSystem fs) {
        if (fs.isDistributedFS()) {
            return null;
        }
        Path qualified = path.makeQualified(fs);
        return "file".equals(qualified.toUri().getScheme()) ? java.nio.file.Path.of(qualified.toUri()) : null;
    }

    /**
     * The folder, or the nearest folder above it that exists, lets this process create something in it: a folder is
     * created there and removed at once (permissions alone do not tell, for example on a read-only mount).
     */
    private static void writable(java.nio.file.Path out, String given) {
        java.nio.file.Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException("cannot write --out " + given + ": no folder above it exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("cannot write --out " + given + ": " + existing
                    + " is a file, not a folder");
        }
        try {
            Files.delete(Files.createTempDirectory(existing, ".safespeak-flink-check"));
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : "permission denied";
            throw new IllegalArgumentException("cannot write --out " + given + ": cannot create anything in "
                    + existing + " (" + reason + ")");
        }
    }
}

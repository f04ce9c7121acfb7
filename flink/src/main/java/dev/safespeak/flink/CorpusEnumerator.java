package dev.safespeak.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.DefaultFileFilter;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists the bounded job's input: the file given, or every file under the directory given except hidden ones (names
 * starting with {@code .} or {@code _}, Flink's {@link DefaultFileFilter}: files other tools are still writing, such
 * as Flink's in-progress part files and Hadoop's {@code _temporary}, and their markers). Unlike Flink's own
 * enumerator, the path given is never skipped for its own name. The job's client names the skipped files
 * ({@link SetupChecks#hiddenFiles}).
 */
final class CorpusEnumerator extends NonSplittingRecursiveEnumerator {

    CorpusEnumerator() {
        super(new DefaultFileFilter());
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) throws IOException {
        ArrayList<FileSourceSplit> splits = new ArrayList<>();
        for (Path path : paths) {
            FileSystem fs = path.getFileSystem();
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDir()) {
                convertToSourceSplits(status, fs, splits);
                continue;
            }
            FileStatus[] children = fs.listStatus(status.getPath());
            if (children != null) {
                for (FileStatus child : children) {
                    addSplitsForPath(child, fs, splits);
                }
            }
        }
        return splits;
    }
}

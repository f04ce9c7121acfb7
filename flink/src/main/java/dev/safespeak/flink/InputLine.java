package dev.safespeak.flink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One non-blank line of an input file, or one Kafka record, before it is parsed, with where it came from.
 *
 * @param file      the file relative to {@code --in} when {@code --in} is a directory; null for a single file (whose
 *                  line numbers alone name its records, as in the {@code score} command) and for Kafka
 * @param topic     the Kafka topic, or null for a file
 * @param partition the Kafka partition, or -1 for a file
 * @param line      the line number in its file (1-based), or the Kafka offset
 * @param text      the line, or null when it could not be decoded
 * @param error     why the line cannot be scored before it is parsed, or null
 */
public record InputLine(String file, String topic, int partition, long line, String text, String error) {

    /** A line of a single input file. */
    static InputLine ofFile(long line, String text, String error) {
        return new InputLine(null, null, -1, line, text, error);
    }

    /** A Kafka record; its offset stands in for the line number. */
    static InputLine ofKafka(String topic, int partition, long offset, String text, String error) {
        return new InputLine(null, topic, partition, offset, text, error);
    }

    /** The same line from a file of a directory, named relative to the directory. */
    InputLine inFile(String relativeFile) {
        return new InputLine(relativeFile, topic, partition, line, text, error);
    }

    /** The same line, rejected before parsing for {@code reason}; the text stays for the rejection's record. */
    InputLine rejected(String reason) {
        return new InputLine(file, topic, partition, line, text, reason);
    }

    /**
     * The id of a record that has none, unique across the input: {@code "<partition>:<offset>"} for Kafka,
     * {@code "<file>:<line>"} for a file of a directory; null for a single file, whose line number is the id (as in
     * {@code score}).
     */
    String defaultId() {
        if (topic != null) {
            return partition + ":" + line;
        }
        return file == null ? null : file + ":" + line;
    }

    /** Writes where the line came from: {@code topic, partition, offset} for Kafka, else {@code file?, line}. */
    void writeOrigin(ObjectNode node) {
        if (topic != null) {
            node.put("topic", topic);
            node.put("partition", partition);
            node.put("offset", line);
            return;
        }
        if (file != null) {
            node.put("file", file);
        }
        node.put("line", line);
    }
}

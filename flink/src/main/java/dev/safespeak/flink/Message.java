package dev.safespeak.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A message of the stream, {@code {id, text, tenant?}}, with its tenant read ahead so the stream can be keyed by it.
 *
 * @param tenant the tenant, or "" when the message names none (or cannot be parsed; the scorer then rejects it)
 */
public record Message(String tenant, long line, String text, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Message of(InputLine line) {
        String tenant = "";
        if (line.text() != null) {
            try {
                JsonNode node = JSON.readTree(line.text());
                JsonNode t = node == null ? null : node.get("tenant");
                if (t != null && t.isTextual()) {
                    tenant = t.asText();
                }
            } catch (IOException e) {
                // not JSON: keyed to no tenant, and rejected by the scorer with the command's reason
            }
        }
        return new Message(tenant, line.line(), line.text(), line.error());
    }

    InputLine input() {
        return new InputLine(line, text, error);
    }
}

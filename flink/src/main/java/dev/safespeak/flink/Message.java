package dev.safespeak.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A message of the stream, {@code {id, text, tenant?}}, with its tenant read ahead so the stream can be keyed by it.
 *
 * @param tenant the tenant, or "" when the message names none (or cannot be parsed; the scorer then rejects it)
 * @param input  the message as read, with where it came from
 */
public record Message(String tenant, InputLine input) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the tenant of a message. A tenant that is there but not a string (a number, an object) rejects the
     * message, as a text that is not a string does; {@code "tenant": null} is no tenant.
     */
    static Message of(InputLine line) {
        String tenant = "";
        if (line.text() != null && line.error() == null) {
            try {
                JsonNode node = JSON.readTree(line.text());
                JsonNode t = node == null || !node.isObject() ? null : node.get("tenant");
                if (t != null && t.isTextual()) {
                    tenant = t.asText();
                } else if (t != null && !t.isNull()) {
                    return new Message("", line.rejected("\"tenant\" is not a string"));
                }
            } catch (IOException e) {
                // not JSON: keyed to no tenant, and rejected by the scorer with the command's reason
            }
        }
        return new Message(tenant, line);
    }
}

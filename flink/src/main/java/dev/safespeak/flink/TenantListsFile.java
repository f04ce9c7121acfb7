package dev.safespeak.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.ListMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.fs.Path;

/**
 * Reads the tenants' block and allow lists from a JSON file: an array of
 * {@code {"tenant": "acme", "kind": "BLOCK"|"ALLOW", "term": "...", "attribute": "INSULT"}} (attribute optional for
 * ALLOW, meaning every attribute). A bad entry stops the job at start with its index in the message.
 */
final class TenantListsFile {

    private TenantListsFile() {
    }

    static Map<String, List<ListEntry>> read(String location) throws IOException {
        Path path = new Path(location);
        JsonNode root;
        try (InputStream in = path.getFileSystem().open(path)) {
            root = new ObjectMapper().readTree(in);
        }
        return parse(root, location);
    }

    static Map<String, List<ListEntry>> parse(JsonNode root, String location) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("lists file " + location + " is not a JSON array");
        }
        Map<String, List<ListEntry>> byTenant = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String where = "lists file " + location + ", entry " + i;
            String tenant = text(e, "tenant");
            String kind = text(e, "kind");
            if (tenant == null || tenant.isBlank()) {
                throw new IllegalArgumentException(where + " has no tenant");
            }
            ListMatch.ListKind listKind;
            try {
                listKind = ListMatch.ListKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": kind must be BLOCK or ALLOW, not " + kind);
            }
            String attributeName = text(e, "attribute");
            Attribute attribute = null;
            if (attributeName != null) {
                attribute = Attribute.parse(attributeName).orElseThrow(
                        () -> new IllegalArgumentException(where + ": unknown attribute " + attributeName));
            }
            try {
                byTenant.computeIfAbsent(tenant, k -> new ArrayList<>())
                        .add(new ListEntry(tenant, listKind, text(e, "term"), attribute));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage());
            }
        }
        return byTenant;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package dev.safespeak.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.ListMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads the tenants' block and allow lists from a JSON file: an array of
 * {@code {"tenant": "acme", "kind": "BLOCK"|"ALLOW", "term": "...", "attribute": "INSULT"}} (attribute optional for
 * ALLOW, meaning every attribute). The job's client reads and checks the file before the job is submitted and ships
 * its text with the job, so a bad entry stops the job at start with its index in the message, and the operators
 * never read the file.
 */
final class TenantListsFile {

    private static final Set<String> FIELDS = Set.of("tenant", "kind", "term", "attribute");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TenantListsFile() {
    }

    /**
     * Reads and checks the lists file; returns its text for {@link #parse(String, String)}.
     *
     * @throws IllegalArgumentException naming the file, and the entry when one is bad, in one line
     */
    static String load(String location) {
        Path path = new Path(location);
        String json;
        try {
            FileSystem fs = path.getFileSystem();
            if (!fs.exists(path)) {
                throw new IllegalArgumentException("lists file " + location + " does not exist");
            }
            if (fs.getFileStatus(path).isDir()) {
                throw new IllegalArgumentException("lists file " + location + " is a directory");
            }
            try (InputStream in = fs.open(path)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lists file " + location + ": " + SetupChecks.oneLine(e));
        }
        parse(json, location);
        return json;
    }

    /** The entries of a lists file's text by tenant. */
    static Map<String, List<ListEntry>> parse(String json, String location) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("lists file " + location + " is not valid JSON ("
                    + e.getOriginalMessage() + ")");
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
            if (e == null || !e.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            for (var names = e.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(where + ": unknown field " + name
                            + " (tenant, kind, term and attribute are allowed)");
                }
            }
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

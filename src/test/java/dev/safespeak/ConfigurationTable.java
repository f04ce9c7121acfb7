package dev.safespeak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings table of docs/guide/configuration.md, built from the configuration itself: the YAML files give each
 * setting's environment variable, default and meaning (the comment right above the key), and Spring's configuration
 * metadata ({@code META-INF/spring-configuration-metadata.json}, ours from the annotation processor plus Spring
 * Boot's own) gives its type and tells which bound properties exist at all. {@link ConfigurationDocsTest} compares
 * the result with the committed page.
 */
final class ConfigurationTable {

    /**
     * One documented setting.
     *
     * @param profile        the profile whose file alone has it, or empty
     * @param profileDefault another profile's default, rendered (for example "(`true` in the `demo` profile)"), or empty
     */
    record Setting(String property, String variable, String defaultValue, String meaning, String profile,
                   String profileDefault) {

        Setting withProfileDefault(String value, String profileName) {
            return new Setting(property, variable, defaultValue, meaning, profile,
                    "(" + (value.isEmpty() ? "empty" : code(value)) + " in the `" + profileName + "` profile)");
        }
    }

    /** A leaf of a YAML file: its value and the comment lines right above it. */
    record Leaf(String property, String value, String comment) {
    }

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.\\-]+):\\s*(.*?)\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*#\\s?(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)-\\s+(.*?)\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(SAFESPEAK_[A-Z0-9_]+)(?::(.*))?}$");

    private ConfigurationTable() {
    }

    /**
     * The leaves of a small YAML file (maps, scalars and lists of scalars, as our configuration files are), in file
     * order, each with the comment block directly above its key. A blank line or another key ends a comment block.
     */
    static List<Leaf> leaves(String yaml) {
        List<Leaf> out = new ArrayList<>();
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        List<String> comment = new ArrayList<>();
        String listOwner = null;
        int listOwnerIndent = -1;
        List<String> listItems = new ArrayList<>();
        String listComment = "";
        for (String line : yaml.split("\n", -1)) {
            Matcher item = LIST_ITEM.matcher(line);
            if (listOwner != null && item.matches() && item.group(1).length() >= listOwnerIndent) {
                listItems.add(item.group(2));
                continue;
            }
            if (listOwner != null) {
                if (!listItems.isEmpty()) {
                    out.add(new Leaf(listOwner, String.join(",", listItems), listComment));
                }
                listOwner = null;
                listItems = new ArrayList<>();
            }
            if (line.isBlank()) {
                comment.clear();
                continue;
            }
            Matcher c = COMMENT.matcher(line);
            if (c.matches()) {
                comment.add(c.group(1).strip());
                continue;
            }
            Matcher k = KEY.matcher(line);
            if (!k.matches()) {
                comment.clear();
                continue;
            }
            int indent = k.group(1).length();
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                keys.removeLast();
            }
            indents.push(new int[] {indent});
            keys.addLast(k.group(2));
            String property = String.join(".", keys);
            String value = k.group(3);
            String text = String.join(" ", comment);
            comment.clear();
            if (value.isEmpty()) {
                listOwner = property;
                listOwnerIndent = indent;
                listComment = text;
            } else if (!value.startsWith("|") && !value.startsWith(">")) {
                out.add(new Leaf(property, unquote(value), text));
            }
        }
        if (listOwner != null && !listItems.isEmpty()) {
            out.add(new Leaf(listOwner, String.join(",", listItems), listComment));
        }
        return out;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * The settings of the base files (every {@code safespeak.*} leaf and every leaf with a {@code SAFESPEAK_}
     * variable), then the variables that only a profile file has, marked with the profile. A profile file that gives
     * a base setting another default adds it to that setting's default.
     */
    static List<Setting> settings(Map<String, String> baseFiles, Map<String, String> profileFiles) {
        Map<String, Setting> byProperty = new LinkedHashMap<>();
        for (String yaml : baseFiles.values()) {
            for (Leaf leaf : leaves(yaml)) {
                Matcher p = PLACEHOLDER.matcher(leaf.value());
                if (p.matches()) {
                    byProperty.put(leaf.property(), new Setting(leaf.property(), p.group(1),
                            p.group(2) == null ? "" : p.group(2), leaf.comment(), "", ""));
                } else if (leaf.property().startsWith("safespeak.")) {
                    byProperty.put(leaf.property(),
                            new Setting(leaf.property(), "", leaf.value(), leaf.comment(), "", ""));
                }
            }
        }
        for (Map.Entry<String, String> profile : profileFiles.entrySet()) {
            for (Leaf leaf : leaves(profile.getValue())) {
                Matcher p = PLACEHOLDER.matcher(leaf.value());
                String value = p.matches() ? (p.group(2) == null ? "" : p.group(2)) : leaf.value();
                Setting base = byProperty.get(leaf.property());
                if (base == null) {
                    if (p.matches()) {
                        byProperty.put(leaf.property(), new Setting(leaf.property(), p.group(1), value,
                                leaf.comment(), profile.getKey(), ""));
                    }
                } else if (!base.defaultValue().equals(value)) {
                    byProperty.put(leaf.property(), base.withProfileDefault(value, profile.getKey()));
                }
            }
        }
        return byProperty.values().stream()
                .sorted((a, b) -> sortKey(a).compareTo(sortKey(b)))
                .toList();
    }

    private static String sortKey(Setting s) {
        return (s.variable().isEmpty() ? "~" + s.property() : s.variable());
    }

    /** Every property in Spring's configuration metadata on the class path, name to type. */
    static Map<String, String> metadataTypes(ClassLoader loader) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> types = new TreeMap<>();
        for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> urls = loader.getResources(file);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        String type = property.path("type").asText("");
                        if (!type.isEmpty()) {
                            types.putIfAbsent(property.path("name").asText(), type);
                        }
                    }
                }
            }
        }
        return types;
    }

    /** A person's word for a Java type in the metadata. */
    static String typeName(String javaType) {
        return switch (javaType) {
            case "java.lang.String" -> "text";
            case "java.lang.Integer", "java.lang.Long", "int", "long" -> "integer";
            case "java.lang.Double", "java.lang.Float", "double", "float", "java.math.BigDecimal" -> "number";
            case "java.lang.Boolean", "boolean" -> "true/false";
            case "java.time.Duration" -> "duration";
            case "java.nio.file.Path" -> "path";
            case "org.springframework.core.io.Resource" -> "resource";
            default -> javaType.startsWith("java.util.List") || javaType.startsWith("java.util.Set") ? "list"
                    : javaType.substring(javaType.lastIndexOf('.') + 1);
        };
    }

    /** The Markdown table. */
    static String markdown(List<Setting> settings, Map<String, String> types) {
        StringBuilder out = new StringBuilder();
        out.append("| Variable | Property | Type | Default | Meaning |\n");
        out.append("|---|---|---|---|---|\n");
        for (Setting s : settings) {
            out.append("| ").append(s.variable().isEmpty() ? "-" : code(s.variable()))
                    .append(" | ").append(code(s.property()))
                    .append(" | ").append(typeName(types.getOrDefault(s.property(), "?")))
                    .append(" | ").append(s.defaultValue().isEmpty() ? "(empty)" : code(s.defaultValue()))
                    .append(s.profileDefault().isEmpty() ? "" : " " + s.profileDefault())
                    .append(" | ").append(s.profile().isEmpty() ? "" : "(`" + s.profile() + "` profile) ")
                    .append(cell(s.meaning()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The lines of {@code expected} and {@code actual} that differ, for a failure message a person can act on. */
    static String difference(String expected, String actual) {
        List<String> want = List.of(expected.split("\n"));
        List<String> have = List.of(actual.split("\n"));
        String missing = want.stream().filter(line -> !have.contains(line)).map(line -> "  + " + line)
                .collect(Collectors.joining("\n"));
        String extra = have.stream().filter(line -> !want.contains(line)).map(line -> "  - " + line)
                .collect(Collectors.joining("\n"));
        return (missing.isEmpty() ? "" : "lines the page lacks:\n" + missing + "\n")
                + (extra.isEmpty() ? "" : "lines the configuration no longer has:\n" + extra + "\n");
    }
}

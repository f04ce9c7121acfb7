package dev.safespeak.golive.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown checklists written like the deployment checklist seed. Strict on purpose: anything it
 * does not understand is an {@link IllegalArgumentException} naming the line and the problem, so an
 * imported template never silently loses items.
 *
 * <p>An item may end with a stable key, {@code - [ ] Load testing completed {#load-test}} (decision 011): the parser
 * checks it ({@link ItemKeys}), strips it from the text and refuses a key used twice. An item without a key gets one
 * derived from its text, unique in the checklist; {@link #withKeys} writes those derived keys into the Markdown.
 */
public final class ChecklistParser {

    /** The {@code ##} heading that holds the timeline instead of checklist items. */
    public static final String TIMELINE_HEADING = "Deployment Timeline";

    private static final Pattern HEADING = Pattern.compile("^(#+)\\s+(.*)$");
    private static final Pattern ITEM = Pattern.compile("^[-*]\\s+\\[(.?)]\\s*(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-*]\\s+(.*)$");
    private static final Pattern RULE = Pattern.compile("^(-{3,}|\\*{3,}|_{3,})$");
    private static final Pattern FOOTER = Pattern.compile("^_(.+)_$");
    /** The status annotation {@link MarkdownExporter} appends to an item, stripped again on import. */
    private static final Pattern ANNOTATION = Pattern.compile("\\s+\u2014\\s+_.*_$");
    private static final Pattern DECORATION = Pattern.compile("^([^\\p{L}\\p{N}]*)(.*)$");
    /** A key at the end of an item's text: {@code {#load-test}}. */
    private static final Pattern KEY = Pattern.compile("\\s*\\{#([^{}]*)}$");
    /** A key anywhere, to refuse one that does not end the text. */
    private static final Pattern ANY_KEY = Pattern.compile("\\{#[^{}]*}");

    private ChecklistParser() {
    }

    /** Parses {@code markdown}; throws {@link IllegalArgumentException} "line N: ..." on malformed input. */
    public static Checklist parse(String markdown) {
        return parse(markdown, text -> null);
    }

    private static Checklist parse(String markdown, Function<String, String> preferredKey) {
        if (markdown == null || markdown.isBlank()) {
            throw new IllegalArgumentException("checklist is empty");
        }
        return new Parsing(preferredKey).run(markdown);
    }

    /**
     * {@code markdown} with the derived key written after every item that had none ({@code {#key}}, before an
     * export annotation), so the key is kept when the wording changes later; other lines unchanged except that line
     * ends become {@code \n} when a key was added. Throws like {@link #parse}.
     */
    public static String withKeys(String markdown) {
        return withKeys(markdown, text -> null);
    }

    /**
     * Like {@link #withKeys(String)}, but an item without a key gets {@code preferredKey.apply(text)} when that is
     * not null and not taken yet, before a key derived from its text (the back-fill migration's built-in keys).
     */
    static String withKeys(String markdown, Function<String, String> preferredKey) {
        Checklist checklist = parse(markdown, preferredKey);
        String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean changed = false;
        for (Checklist.Phase phase : checklist.phases()) {
            for (Checklist.Section section : phase.sections()) {
                for (Checklist.Item item : section.items()) {
                    if (!item.keyWritten()) {
                        int index = item.line() - 1;
                        String line = lines[index].stripTrailing();
                        Matcher annotation = ANNOTATION.matcher(line);
                        String key = " {#" + item.key() + "}";
                        lines[index] = annotation.find()
                                ? line.substring(0, annotation.start()) + key + line.substring(annotation.start())
                                : line + key;
                        changed = true;
                    }
                }
            }
        }
        return changed ? String.join("\n", lines) : markdown;
    }

    private static final class Parsing {
        private final Function<String, String> preferredKey;
        private String title;
        private final List<Checklist.Phase> phases = new ArrayList<>();
        private final List<Checklist.TimelineEntry> timeline = new ArrayList<>();
        private final List<String> footer = new ArrayList<>();
        private Checklist.Phase phase;
        private Checklist.Section section;
        private Checklist.TimelineEntry timelineEntry;
        private boolean inTimeline;
        private boolean sawContent;
        /** Written keys to the line that first wrote them. */
        private final Map<String, Integer> keyLines = new LinkedHashMap<>();

        Parsing(Function<String, String> preferredKey) {
            this.preferredKey = preferredKey;
        }

        Checklist run(String markdown) {
            String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i]);
            }
            closePhase(lines.length);
            if (phases.isEmpty()) {
                throw new IllegalArgumentException("checklist has no phases: write '## Phase', '### Section' and "
                        + "'- [ ] item' lines");
            }
            return new Checklist(title, deriveKeys(), List.copyOf(timeline), List.copyOf(footer));
        }

        /** The phases with a derived key on every item written without one, unique among all keys. */
        private List<Checklist.Phase> deriveKeys() {
            Set<String> taken = new HashSet<>(keyLines.keySet());
            List<Checklist.Phase> keyed = new ArrayList<>();
            for (Checklist.Phase p : phases) {
                List<Checklist.Section> sections = new ArrayList<>();
                for (Checklist.Section s : p.sections()) {
                    List<Checklist.Item> items = new ArrayList<>();
                    for (Checklist.Item item : s.items()) {
                        if (item.keyWritten()) {
                            items.add(item);
                        } else {
                            String preferred = preferredKey.apply(item.text());
                            String key = preferred != null && !taken.contains(preferred) ? preferred
                                    : ItemKeys.derive(item.text(), taken);
                            taken.add(key);
                            items.add(new Checklist.Item(item.text(), key, false, item.checked(), item.line()));
                        }
                    }
                    sections.add(new Checklist.Section(s.name(), s.decoration(), s.line(), List.copyOf(items)));
                }
                keyed.add(new Checklist.Phase(p.name(), p.line(), List.copyOf(sections)));
            }
            return List.copyOf(keyed);
        }

        private void line(int no, String raw) {
            String line = strip(raw);
            if (line.isEmpty()) {
                return;
            }
            if (!raw.isEmpty() && Character.isWhitespace(raw.charAt(0)) && (ITEM.matcher(line).matches()
                    || BULLET.matcher(line).matches())) {
                throw new IllegalArgumentException("line " + no + ": indented (nested) items are not supported");
            }
            if (RULE.matcher(line).matches()) {
                closePhase(no);
                inTimeline = false;
                sawContent = true;
                return;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                heading(no, heading.group(1).length(), strip(heading.group(2)));
                return;
            }
            Matcher footerLine = FOOTER.matcher(line);
            if (footerLine.matches()) {
                footer.add(line);
                sawContent = true;
                return;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                item(no, item.group(1), item.group(2));
                return;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                bullet(no, strip(bullet.group(1)));
                return;
            }
            throw new IllegalArgumentException("line " + no + ": unexpected text '" + abbreviate(line)
                    + "' (expected a heading, a '- [ ] item', a '---' rule or a blank line)");
        }

        private void heading(int no, int level, String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("line " + no + ": heading has no text");
            }
            switch (level) {
                case 1 -> {
                    if (title != null || sawContent) {
                        throw new IllegalArgumentException("line " + no
                                + ": title ('# ...') must be the first line and appear only once");
                    }
                    title = text;
                    sawContent = true;
                }
                case 2 -> {
                    closePhase(no);
                    sawContent = true;
                    if (text.equalsIgnoreCase(TIMELINE_HEADING)) {
                        if (inTimeline || !timeline.isEmpty()) {
                            throw new IllegalArgumentException("line " + no + ": second '" + TIMELINE_HEADING
                                    + "' heading");
                        }
                        inTimeline = true;
                        return;
                    }
                    inTimeline = false;
                    for (Checklist.Phase existing : phases) {
                        if (existing.name().equalsIgnoreCase(text)) {
                            throw new IllegalArgumentException("line " + no + ": duplicate phase '" + text
                                    + "' (first on line " + existing.line() + ")");
                        }
                    }
                    phase = new Checklist.Phase(text, no, new ArrayList<>());
                }
                case 3 -> {
                    sawContent = true;
                    if (inTimeline) {
                        closeTimelineEntry();
                        timelineEntry = new Checklist.TimelineEntry(text, new ArrayList<>());
                        return;
                    }
                    if (phase == null) {
                        throw new IllegalArgumentException("line " + no + ": section '" + abbreviate(text)
                                + "' before any phase ('## ...')");
                    }
                    closeSection(no);
                    Matcher m = DECORATION.matcher(text);
                    m.matches();
                    String name = strip(m.group(2));
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException("line " + no + ": section heading has no name");
                    }
                    for (Checklist.Section existing : phase.sections()) {
                        if (existing.name().equalsIgnoreCase(name)) {
                            throw new IllegalArgumentException("line " + no + ": duplicate section '" + name
                                    + "' in phase '" + phase.name() + "' (first on line " + existing.line() + ")");
                        }
                    }
                    section = new Checklist.Section(name, m.group(1), no, new ArrayList<>());
                }
                default -> throw new IllegalArgumentException("line " + no + ": unknown heading level " + level
                        + " (use '#' for the title, '##' for phases, '###' for sections)");
            }
        }

        private void item(int no, String box, String rest) {
            if (inTimeline) {
                throw new IllegalArgumentException("line " + no + ": checklist item in the " + TIMELINE_HEADING
                        + " (use plain '- ' bullets there)");
            }
            if (section == null) {
                throw new IllegalArgumentException("line " + no + ": item before any section ('### ...')");
            }
            boolean checked;
            switch (box.toLowerCase(Locale.ROOT)) {
                case " ", "" -> checked = false;
                case "x" -> checked = true;
                default -> throw new IllegalArgumentException("line " + no + ": malformed checkbox '[" + box
                        + "]' (use '[ ]' or '[x]')");
            }
            // The key ends the line, or stands before an export annotation ("text {#key} — _Blocked: why_").
            String key = null;
            String text = strip(rest);
            Matcher keyAtEnd = KEY.matcher(text);
            if (keyAtEnd.find()) {
                key = keyAtEnd.group(1);
                text = text.substring(0, keyAtEnd.start());
            }
            text = strip(ANNOTATION.matcher(text).replaceFirst(""));
            if (key == null) {
                keyAtEnd = KEY.matcher(text);
                if (keyAtEnd.find()) {
                    key = keyAtEnd.group(1);
                    text = strip(text.substring(0, keyAtEnd.start()));
                }
            }
            Matcher stray = ANY_KEY.matcher(text);
            if (stray.find()) {
                throw new IllegalArgumentException("line " + no + ": item key '" + stray.group()
                        + "' must end the item's text (write '- [ ] text {#key}')");
            }
            if (key != null && !ItemKeys.isValid(key)) {
                throw new IllegalArgumentException("line " + no + ": malformed item key '{#" + key + "}': use "
                        + "lower-case letters, digits and single hyphens, at most " + ItemKeys.MAX_LENGTH
                        + " characters, such as {#load-test}");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("line " + no + ": item has no text");
            }
            if (key != null) {
                Integer first = keyLines.putIfAbsent(key, no);
                if (first != null) {
                    throw new IllegalArgumentException("line " + no + ": duplicate item key '{#" + key
                            + "}' (first on line " + first + "); every item needs its own key");
                }
            }
            for (Checklist.Item existing : section.items()) {
                if (existing.text().equalsIgnoreCase(text)) {
                    throw new IllegalArgumentException("line " + no + ": duplicate item '" + abbreviate(text)
                            + "' in section '" + section.name() + "' (first on line " + existing.line() + ")");
                }
            }
            section.items().add(new Checklist.Item(text, key, key != null, checked, no));
            sawContent = true;
        }

        private void bullet(int no, String text) {
            if (!inTimeline) {
                throw new IllegalArgumentException("line " + no + ": bullet without a checkbox outside the "
                        + TIMELINE_HEADING + " (write '- [ ] " + abbreviate(text) + "')");
            }
            if (timelineEntry == null) {
                throw new IllegalArgumentException("line " + no + ": timeline bullet before any '### ' entry");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("line " + no + ": bullet has no text");
            }
            timelineEntry.bullets().add(text);
        }

        private void closeSection(int no) {
            if (section != null) {
                if (section.items().isEmpty()) {
                    throw new IllegalArgumentException("line " + section.line() + ": section '" + section.name()
                            + "' has no items");
                }
                phase.sections().add(new Checklist.Section(section.name(), section.decoration(), section.line(),
                        List.copyOf(section.items())));
                section = null;
            }
        }

        private void closeTimelineEntry() {
            if (timelineEntry != null) {
                timeline.add(new Checklist.TimelineEntry(timelineEntry.heading(),
                        List.copyOf(timelineEntry.bullets())));
                timelineEntry = null;
            }
        }

        private void closePhase(int no) {
            closeTimelineEntry();
            if (phase != null) {
                closeSection(no);
                if (phase.sections().isEmpty()) {
                    throw new IllegalArgumentException("line " + phase.line() + ": phase '" + phase.name()
                            + "' has no sections");
                }
                phases.add(new Checklist.Phase(phase.name(), phase.line(), List.copyOf(phase.sections())));
                phase = null;
            }
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

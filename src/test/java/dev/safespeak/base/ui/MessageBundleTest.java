package dev.safespeak.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The message bundle and the code stay in step: every key the code asks for exists, every key in the bundle is
 * asked for, and plurals come out as a person writes them.
 */
class MessageBundleTest {

    /** A key passed as a literal to Messages.get/format or getTranslation; a trailing {@code +} makes it a prefix. */
    private static final List<Pattern> CALLS = List.of(
            Pattern.compile("Messages\\.(?:get|find)\\(\\s*\"([^\"]+)\"\\s*([,)+])"),
            Pattern.compile("Messages\\.format\\([^,()]+,\\s*\"([^\"]+)\"\\s*([,)+])"),
            Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"\\s*([,)+])"));
    private static final Pattern ENUM_KEY = Pattern.compile("([A-Z][A-Za-z0-9]*(?:\\.[A-Z][A-Za-z0-9]*)*)\\.([A-Z][A-Z0-9_]*)");

    private record Usage(Map<String, Path> keys, Map<String, Path> prefixes) {
    }

    private static Usage scanSources() {
        Map<String, Path> keys = new TreeMap<>();
        Map<String, Path> prefixes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern call : CALLS) {
                    Matcher m = call.matcher(source);
                    while (m.find()) {
                        (m.group(2).equals("+") ? prefixes : keys).put(m.group(1), file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Usage(keys, prefixes);
    }

    private static Map<String, Class<?>> enumsByName() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Map<String, Class<?>> enums = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.safespeak")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                enums.put(Messages.enumTypeName(type), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return enums;
    }

    @Test
    void the_scan_finds_the_calls_of_the_code() {
        Usage usage = scanSources();
        assertThat(usage.keys()).containsKey("layout.sign-out");
        assertThat(usage.prefixes()).containsKey("menu.");
    }

    @Test
    void every_key_the_code_uses_is_in_the_bundle() {
        Set<String> bundle = Messages.keys();
        Map<String, Path> missing = new TreeMap<>(scanSources().keys());
        missing.keySet().removeAll(bundle);
        assertThat(missing).as("keys used in code but missing from %s.properties", Messages.BUNDLE).isEmpty();
    }

    @Test
    void every_key_in_the_bundle_is_used() {
        Usage usage = scanSources();
        Set<String> unused = new TreeSet<>(Messages.keys());
        unused.removeAll(usage.keys().keySet());
        unused.removeIf(key -> usage.prefixes().keySet().stream().anyMatch(key::startsWith));
        unused.removeIf(key -> ENUM_KEY.matcher(key).matches());
        assertThat(unused).as("keys in the bundle that no code asks for").isEmpty();
    }

    @Test
    void enum_labels_name_existing_constants_and_cover_all_of_them() {
        assertThat(Messages.enumKey(dev.safespeak.evidence.EvidenceAlert.Kind.DRIFT)).isEqualTo("EvidenceAlert.Kind.DRIFT");
        Map<String, Class<?>> enums = enumsByName();
        Map<String, Set<String>> labelled = new TreeMap<>();
        for (String key : Messages.keys()) {
            Matcher m = ENUM_KEY.matcher(key);
            if (m.matches()) {
                labelled.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        labelled.forEach((simpleName, constants) -> {
            assertThat(enums).as("enum %s named by the bundle", simpleName).containsKey(simpleName);
            Set<String> all = new TreeSet<>(Arrays.stream(enums.get(simpleName).getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList());
            assertThat(constants).as("labels of %s", simpleName).isEqualTo(all);
        });
    }

    @Test
    void a_missing_key_shows_as_the_key_between_bangs() {
        assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void counts_take_the_plural_a_person_writes() {
        assertThat(Messages.get("releases.template-option", "Default", 1)).isEqualTo("Default (1 item)");
        assertThat(Messages.get("releases.template-option", "Default", 2)).isEqualTo("Default (2 items)");
        assertThat(Messages.get("releases.template-option", "Default", 0)).isEqualTo("Default (0 items)");
        assertThat(Messages.get("releases.template-option", "Default", 1260)).isEqualTo("Default (1,260 items)");
    }

    @Test
    void icu_plural_patterns_say_1_comment_and_2_comments() {
        String pattern = "{0, plural, one {# comment} other {# comments}}";
        assertThat(Messages.formatPattern(Locale.ENGLISH, pattern, 1)).isEqualTo("1 comment");
        assertThat(Messages.formatPattern(Locale.ENGLISH, pattern, 2)).isEqualTo("2 comments");
        assertThat(Messages.formatPattern(Locale.ENGLISH, pattern, 0)).isEqualTo("0 comments");
    }

    @Test
    void an_apostrophe_is_plain_text() {
        assertThat(Messages.formatPattern(Locale.ENGLISH, "You can''t and you can't {0}", "go"))
                .isEqualTo("You can't and you can't go");
    }

    @Test
    void a_language_without_its_own_file_gets_english() {
        assertThat(Messages.format(Locale.GERMAN, "layout.sign-out")).isEqualTo("Sign out");
        assertThat(new IcuI18NProvider().getTranslation("layout.sign-out", Locale.ENGLISH)).isEqualTo("Sign out");
    }

    @Test
    void a_number_pattern_adds_no_space() {
        assertThat(Messages.get("console.score-flagged", "INSULT", 0.9, 0.5))
                .isEqualTo("INSULT 0.90 (threshold 0.50) FLAGGED");
        assertThat(Messages.get("evidence.evaluation.done", 0.91234)).isEqualTo("Accuracy 91.23%");
    }
}

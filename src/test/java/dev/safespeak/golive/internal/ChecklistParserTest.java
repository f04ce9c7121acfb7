package dev.safespeak.golive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChecklistParserTest {

    static String seed() {
        try (InputStream in = ChecklistParserTest.class.getResourceAsStream("/checklists/deployment-checklist.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts "- [ ]" lines without the parser, so the parser is checked against an independent reading. */
    static List<String> itemLinesOf(String markdown) {
        List<String> texts = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("- [ ] ") || line.startsWith("- [x] ")) {
                texts.add(line.substring(6).replaceFirst("\\s*\\{#[a-z0-9-]+}$", "").strip());
            }
        }
        return texts;
    }

    @Test
    void the_shipped_template_is_the_seed_with_a_key_on_every_item() throws IOException {
        Path seed = Path.of("../../shared/seed/deployment-checklist.md");
        if (Files.exists(seed)) {
            assertThat(seed().replaceAll(" \\{#[a-z0-9-]+}\n", "\n"))
                    .isEqualTo(Files.readString(seed, StandardCharsets.UTF_8));
        }
        List<Checklist.Item> items = ChecklistParser.parse(seed()).phases().stream()
                .flatMap(p -> p.sections().stream()).flatMap(s -> s.items().stream()).toList();
        assertThat(items).hasSize(126).allMatch(Checklist.Item::keyWritten);
        assertThat(items).extracting(Checklist.Item::key).doesNotHaveDuplicates();
        String shipped = seed();
        assertThat(ChecklistParser.withKeys(shipped)).isSameAs(shipped);
    }

    @Test
    void a_key_is_read_checked_and_stripped_from_the_text() {
        Checklist checklist = ChecklistParser.parse("""
                ## Phase
                ### Section
                - [ ] Load testing completed {#load-test}
                - [x] Done thing   {#done-2}
                - [ ] Blocked thing {#blocked} — _Blocked: waiting for quota_
                - [ ] Annotated first — _In progress_ {#annotated}
                """);
        List<Checklist.Item> items = checklist.phases().get(0).sections().get(0).items();
        assertThat(items).extracting(Checklist.Item::text)
                .containsExactly("Load testing completed", "Done thing", "Blocked thing", "Annotated first");
        assertThat(items).extracting(Checklist.Item::key).containsExactly("load-test", "done-2", "blocked", "annotated");
        assertThat(items).allMatch(Checklist.Item::keyWritten);
    }

    @Test
    void an_item_without_a_key_gets_one_derived_from_its_text_unique_in_the_checklist() {
        Checklist checklist = ChecklistParser.parse("""
                ## Phase
                ### Section
                - [ ] Load testing: done (P95 < 100 ms)!
                - [ ] Load testing done P95 100 ms {#load-testing-done-p95-100-ms}
                ### Other
                - [ ] Load-testing done; P95 100 ms
                - [ ] Café crème über alles
                - [ ] ✅ ✅
                - [ ] A very long item text that goes on and on well past the forty-eight characters a slug may take
                """);
        List<Checklist.Item> items = checklist.phases().get(0).sections().stream().flatMap(s -> s.items().stream())
                .toList();
        // the written key is taken first, so the derived ones get -2 and -3 in document order
        assertThat(items).extracting(Checklist.Item::key).containsExactly("load-testing-done-p95-100-ms-2",
                "load-testing-done-p95-100-ms", "load-testing-done-p95-100-ms-3", "cafe-creme-uber-alles", "item",
                "a-very-long-item-text-that-goes-on-and-on-well");
        assertThat(items).extracting(Checklist.Item::keyWritten).containsExactly(false, true, false, false, false, false);
        assertThat(items.get(0).text()).isEqualTo("Load testing: done (P95 < 100 ms)!");
    }

    @Test
    void derived_keys_are_written_into_the_markdown_once_and_then_read_back_unchanged() {
        String markdown = "## Phase\r\n### Section\r\n- [ ] First thing\r\n- [x] Second {#second}\r\n"
                + "- [ ] Third — _Blocked: why_\r\n";
        String keyed = ChecklistParser.withKeys(markdown);
        assertThat(keyed).isEqualTo("## Phase\n### Section\n- [ ] First thing {#first-thing}\n- [x] Second {#second}\n"
                + "- [ ] Third {#third} — _Blocked: why_\n");
        assertThat(ChecklistParser.withKeys(keyed)).isSameAs(keyed);
        // now written, the keys stay when the wording changes
        Checklist edited = ChecklistParser.parse(keyed.replace("First thing", "The first thing, reworded"));
        assertThat(edited.phases().get(0).sections().get(0).items()).extracting(Checklist.Item::key)
                .containsExactly("first-thing", "second", "third");
    }

    @Test
    void a_duplicate_key_is_refused_naming_both_lines() {
        assertThatThrownBy(() -> ChecklistParser.parse("""
                ## Phase
                ### Section
                - [ ] Load testing {#load-test}
                ### Other
                - [ ] Stress testing {#load-test}
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 5: duplicate item key '{#load-test}' (first on line 3); every item needs its own key");
    }

    static Stream<Arguments> malformedKeys() {
        return Stream.of(
                Arguments.of("{#Load-Test}", "line 3: malformed item key '{#Load-Test}'"),
                Arguments.of("{#load_test}", "line 3: malformed item key '{#load_test}'"),
                Arguments.of("{#load--test}", "line 3: malformed item key '{#load--test}'"),
                Arguments.of("{#-load}", "line 3: malformed item key '{#-load}'"),
                Arguments.of("{#}", "line 3: malformed item key '{#}'"),
                Arguments.of("{# load}", "line 3: malformed item key '{# load}'"),
                Arguments.of("{#" + "a".repeat(65) + "}", "line 3: malformed item key '{#aaaa"),
                Arguments.of("{#load} trailing words", "line 3: item key '{#load}' must end the item's text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKeys")
    void a_malformed_key_is_refused(String key, String message) {
        assertThatThrownBy(() -> ChecklistParser.parse("## P\n### S\n- [ ] Load testing " + key + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void an_item_that_is_only_a_key_has_no_text() {
        assertThatThrownBy(() -> ChecklistParser.parse("## P\n### S\n- [ ] {#load-test}\n"))
                .hasMessage("line 3: item has no text");
    }

    @Test
    void the_seed_parses_to_every_item_it_holds() {
        String seed = seed();
        Checklist checklist = ChecklistParser.parse(seed);
        List<String> parsed = checklist.phases().stream().flatMap(p -> p.sections().stream())
                .flatMap(s -> s.items().stream()).map(Checklist.Item::text).toList();
        assertThat(parsed).containsExactlyElementsOf(itemLinesOf(seed));
        assertThat(parsed).hasSize(126);
    }

    @Test
    void the_seed_has_its_phases_sections_timeline_and_footer() {
        Checklist checklist = ChecklistParser.parse(seed());
        assertThat(checklist.title()).isEqualTo("SafeSpeak Production Deployment Checklist");
        assertThat(checklist.phases()).extracting(Checklist.Phase::name).containsExactly(
                "Pre-Deployment Phase", "Deployment Phase", "Post-Deployment Phase", "Go-Live Readiness",
                "Emergency Procedures", "Success Criteria", "Sign-Off Authorities");
        assertThat(checklist.sectionCount()).isEqualTo(23);
        Checklist.Section first = checklist.phases().get(0).sections().get(0);
        assertThat(first.name()).isEqualTo("Infrastructure Provisioning");
        assertThat(first.decoration()).isEqualTo("✅ ");
        assertThat(checklist.phases().get(6).sections().get(2).items()).extracting(Checklist.Item::text)
                .containsExactly("Chief Technology Officer", "Chief Product Officer", "Chief Executive Officer");
        assertThat(checklist.timeline()).extracting(Checklist.TimelineEntry::heading).containsExactly(
                "Week -2: Pre-Deployment", "Week -1: Deployment Preparation", "Day 0: Go-Live", "Week +1: Post-Launch");
        assertThat(checklist.timeline().get(0).bullets()).containsExactly("Infrastructure provisioning",
                "Security configuration", "Application deployment preparation");
        assertThat(checklist.footer()).containsExactly("_Checklist Version: 2.0_", "_Last Updated: October 8, 2024_",
                "_Deployment Date: [TBD]_", "_Responsible Party: DevOps Team_");
    }

    @Test
    void ticked_items_and_export_annotations_are_read() {
        Checklist checklist = ChecklistParser.parse("""
                ## Phase
                ### Section
                - [x] Done thing
                - [X] Also done
                - [ ] Blocked thing — _Blocked: waiting for quota; evidence: https://x.example/1_
                """);
        List<Checklist.Item> items = checklist.phases().get(0).sections().get(0).items();
        assertThat(items).extracting(Checklist.Item::checked).containsExactly(true, true, false);
        assertThat(items.get(2).text()).isEqualTo("Blocked thing");
        assertThat(items.get(2).line()).isEqualTo(5);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("## P\n### S\n- [ ] a\n#### Deeper",
                        "line 4: unknown heading level 4 (use '#' for the title, '##' for phases, '###' for sections)"),
                Arguments.of("## P\n- [ ] orphan",
                        "line 2: item before any section ('### ...')"),
                Arguments.of("### S\n- [ ] a",
                        "line 1: section 'S' before any phase ('## ...')"),
                Arguments.of("## P\n### S\n- [y] a",
                        "line 3: malformed checkbox '[y]' (use '[ ]' or '[x]')"),
                Arguments.of("## P\n### S\n- [ ]",
                        "line 3: item has no text"),
                Arguments.of("## P\n### S\n- plain bullet",
                        "line 3: bullet without a checkbox outside the Deployment Timeline (write '- [ ] plain bullet')"),
                Arguments.of("## P\n### S\nSome prose",
                        "line 3: unexpected text 'Some prose' (expected a heading, a '- [ ] item', a '---' rule or a blank line)"),
                Arguments.of("## P\n### S\n  - [ ] nested",
                        "line 3: indented (nested) items are not supported"),
                Arguments.of("## P\n### S\n### T\n- [ ] a",
                        "line 2: section 'S' has no items"),
                Arguments.of("## P\n## Q\n### S\n- [ ] a",
                        "line 1: phase 'P' has no sections"),
                Arguments.of("## P\n### S\n- [ ] a\n- [ ] A",
                        "line 4: duplicate item 'A' in section 'S' (first on line 3)"),
                Arguments.of("## P\n### S\n- [ ] a\n### S\n- [ ] b",
                        "line 4: duplicate section 'S' in phase 'P' (first on line 2)"),
                Arguments.of("## P\n### S\n- [ ] a\n## P\n### T\n- [ ] b",
                        "line 4: duplicate phase 'P' (first on line 1)"),
                Arguments.of("## P\n### S\n- [ ] a\n# Late title",
                        "line 4: title ('# ...') must be the first line and appear only once"),
                Arguments.of("## P\n### ✅\n- [ ] a",
                        "line 2: section heading has no name"),
                Arguments.of("## Deployment Timeline\n### Week -2\n- [ ] a",
                        "line 3: checklist item in the Deployment Timeline (use plain '- ' bullets there)"),
                Arguments.of("## Deployment Timeline\n- a",
                        "line 2: timeline bullet before any '### ' entry"),
                Arguments.of("# Only a title",
                        "checklist has no phases: write '## Phase', '### Section' and '- [ ] item' lines"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformed_checklists_name_the_line_and_the_problem(String markdown, String message) {
        assertThatThrownBy(() -> ChecklistParser.parse(markdown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void an_empty_checklist_is_refused() {
        assertThatThrownBy(() -> ChecklistParser.parse("  \n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("checklist is empty");
    }
}

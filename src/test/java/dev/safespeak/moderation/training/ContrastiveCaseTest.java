package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContrastiveCaseTest {

    private static final String HEADER9 = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\n";
    private static final String HEADER10 = HEADER9.replace("\n", "\ttemplate\n");

    private static final Path TRAIN = Path.of("training/contrastive/train.tsv");
    private static final Path DEV = Path.of("training/contrastive/dev.tsv");
    /** Training-only templates of round5.py (encoder heads only): train side, never split. */
    private static final Path TRAIN_ENCODER = Path.of("training/contrastive/train-encoder.tsv");
    /** Dev-only templates of round7.py (encoder heads only): dev side, never split, never read by the fast model. */
    private static final Path DEV_ENCODER = Path.of("training/contrastive/dev-encoder.tsv");
    private static final Path TEST = Path.of("src/test/resources/functional/heldout.tsv");
    private static final Path FRESH = Path.of("src/test/resources/functional/fresh.tsv");

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("cases.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void reads_the_ten_column_format_with_its_template_id() throws IOException {
        List<ContrastiveCase> cases = ContrastiveCase.read(write(HEADER10
                + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\t0\ten.hate.00\n"
                + "# a comment\n\n"
                + "en\tneutral\t-\tThe train was late.\t0\t0\t0\t0\t0\tfresh\n"));

        assertThat(cases).hasSize(2);
        ContrastiveCase hate = cases.get(0);
        assertThat(hate.template()).isEqualTo("en.hate.00");
        assertThat(hate.labels()).containsEntry(Attribute.TOXICITY, true).containsEntry(Attribute.THREAT, false)
                .doesNotContainKey(Attribute.INSULT);
        assertThat(cases.get(1).template()).isEqualTo("fresh");
    }

    @Test
    void reads_the_older_nine_column_format_without_a_template() throws IOException {
        List<ContrastiveCase> cases = ContrastiveCase.read(write(HEADER9
                + "en\tinsult\t-\tYou are an idiot.\t1\t0\t1\t-\t0\n"));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.template()).isEqualTo(ContrastiveCase.NO_TEMPLATE);
            assertThat(c.behaviour()).isEqualTo("insult");
            assertThat(c.labels()).containsEntry(Attribute.INSULT, true);
        });
    }

    @Test
    void a_line_with_the_wrong_number_of_columns_is_rejected() throws IOException {
        Path file = write(HEADER10 + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\n");

        assertThatThrownBy(() -> ContrastiveCase.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has 8 columns, expected 9, 10 or 11");
    }

    @Test
    void severe_toxicity_is_derived_unless_an_eleventh_column_states_it_or_leaves_it_unstated() throws IOException {
        List<ContrastiveCase> cases = ContrastiveCase.read(write(HEADER10.replace("\n", "\tSEVERE_TOXICITY\n")
                + "en\tneutral_identity\twomen\tWomen lost homes in the flood.\t0\t0\t0\t0\t0\ten.n.01\n"
                + "en\tneutral_identity\twomen\tWomen lost homes in the flood.\t0\t0\t0\t0\t0\ten.n.01\t-\n"
                + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\t0\ten.hate.00\t0\n"
                + "en\tthreat_person\t-\tI will hurt you.\t1\t0\t-\t-\t1\ten.t.00\t1\n"));

        LabelledText derived = cases.get(0).toExample(LabelledText.Split.TRAIN, 1.0);
        LabelledText unstated = cases.get(1).toExample(LabelledText.Split.TRAIN, 1.0);
        assertThat(cases.get(0).severeDerived()).isTrue();
        assertThat(derived.labels()).containsEntry(Attribute.SEVERE_TOXICITY, false);
        assertThat(cases.get(1).severeDerived()).isFalse();
        assertThat(unstated.labels()).doesNotContainKey(Attribute.SEVERE_TOXICITY)
                .containsEntry(Attribute.IDENTITY_ATTACK, false).containsEntry(Attribute.TOXICITY, false);
        // Stated: kept as written, even where the derivation would say otherwise (hate with IDENTITY_ATTACK is severe).
        assertThat(cases.get(2).toExample(LabelledText.Split.TRAIN, 1.0).labels())
                .containsEntry(Attribute.SEVERE_TOXICITY, false);
        assertThat(cases.get(3).toExample(LabelledText.Split.DEV, 1.0).labels())
                .containsEntry(Attribute.SEVERE_TOXICITY, true);
    }

    @Test
    void round_48s_file_leaves_severe_toxicity_unstated_on_round_45s_rows_and_derived_on_the_others() {
        List<ContrastiveCase> cases = ContrastiveCase.read(Path.of("training/contrastive/train-encoder-round48.tsv"));
        List<ContrastiveCase> unstated = cases.stream().filter(c -> !c.severeDerived()).toList();

        assertThat(cases).hasSize(4018 + 540);
        assertThat(unstated).hasSize(540).allSatisfy(c -> {
            assertThat(c.behaviour()).isEqualTo("neutral_identity_hard");
            assertThat(c.toExample(LabelledText.Split.TRAIN, 1.0).labels())
                    .doesNotContainKey(Attribute.SEVERE_TOXICITY).containsEntry(Attribute.IDENTITY_ATTACK, false);
        });
        // Every other row is round 27's, read as before: its severity derived (stated, since it states IDENTITY_ATTACK
        // or THREAT, or absent when it states neither).
        List<ContrastiveCase> round27 = ContrastiveCase.read(Path.of("training/contrastive/train-encoder-round27.tsv"));
        assertThat(cases.subList(0, 4018)).isEqualTo(round27);
    }

    @Test
    void a_line_with_twelve_columns_or_an_unknown_severe_label_is_rejected() throws IOException {
        Path twelve = write(HEADER10 + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\t0\ten.hate.00\t1\tx\n");
        assertThatThrownBy(() -> ContrastiveCase.read(twelve)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has 12 columns, expected 9, 10 or 11");

        Path badSevere = write(HEADER10 + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\t0\ten.hate.00\tyes\n");
        assertThatThrownBy(() -> ContrastiveCase.read(badSevere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has label yes");
    }

    @Test
    void an_unknown_label_is_rejected() throws IOException {
        Path file = write(HEADER10 + "en\thate\twomen\tI hate women.\t1\tyes\t-\t-\t0\ten.hate.00\n");

        assertThatThrownBy(() -> ContrastiveCase.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has label yes");
    }

    @Test
    void an_empty_template_id_is_rejected() throws IOException {
        Path file = write(HEADER10 + "en\thate\twomen\tI hate women.\t1\t1\t-\t-\t0\t \n");

        assertThatThrownBy(() -> ContrastiveCase.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 has an empty template id");
    }

    @Test
    void the_committed_splits_share_no_template_and_no_text() {
        Map<String, String> templateSide = new HashMap<>();
        Map<String, String> textSide = new HashMap<>();
        for (Path file : List.of(TRAIN, TRAIN_ENCODER, DEV, DEV_ENCODER, TEST)) {
            for (ContrastiveCase c : ContrastiveCase.read(file)) {
                assertThat(c.template()).as("template id of %s", c.text()).matches("[a-z]{2}\\.[a-z_]+\\.\\d{2}");
                assertThat(templateSide.putIfAbsent(c.template(), file.toString()))
                        .as("template %s", c.template()).isIn(null, file.toString());
                assertThat(textSide.put(c.text(), file.toString())).as("text %s", c.text()).isNull();
                assertThat(c.text()).doesNotContain("{", "}");
            }
        }
        for (ContrastiveCase c : ContrastiveCase.read(FRESH)) {
            assertThat(c.template()).isEqualTo("fresh");
            assertThat(textSide).as("fresh text also generated from a template").doesNotContainKey(c.text());
        }
    }

    @Test
    void every_behaviour_with_three_templates_has_a_train_and_a_test_template() {
        Map<String, Set<String>> sides = new HashMap<>();
        Map<String, Set<String>> templates = new HashMap<>();
        for (Path file : List.of(TRAIN, DEV, TEST)) {
            for (ContrastiveCase c : ContrastiveCase.read(file)) {
                // the template id names the behaviour it was written for (obfuscated copies keep their source's)
                String unit = c.template().substring(0, c.template().lastIndexOf('.'));
                sides.computeIfAbsent(unit, k -> new HashSet<>()).add(file.toString());
                templates.computeIfAbsent(unit, k -> new HashSet<>()).add(c.template());
            }
        }
        Set<String> missing = templates.entrySet().stream().filter(e -> e.getValue().size() >= 3)
                .filter(e -> !sides.get(e.getKey()).containsAll(Set.of(TRAIN.toString(), TEST.toString())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(missing).as("behaviours without a train or a test template").isEmpty();
    }

    @Test
    void the_training_only_and_dev_only_templates_are_numbered_apart_from_the_split_templates() {
        // Split templates are numbered 00-39; the training-only ones from 40 (round 6, round6.py) and 60 (round 5), the
        // training-only and dev-only ones of rounds 7 and 9 in the free ranges above 40 (round7.py, round9.py). Round 8
        // (round8.py, in train-encoder.tsv since round 9) also took ids 21-39 that no split template of its behaviour
        // uses, because its behaviours' ids above 40 were taken: those must not be a split template's id.
        Set<String> splitTemplates = new HashSet<>();
        for (Path file : List.of(TRAIN, DEV, TEST)) {
            assertThat(ContrastiveCase.read(file)).allSatisfy(c -> assertThat(Integer.parseInt(
                    c.template().substring(c.template().lastIndexOf('.') + 1))).as(c.template()).isLessThan(40));
            ContrastiveCase.read(file).forEach(c -> splitTemplates.add(c.template()));
        }
        List<ContrastiveCase> encoderOnly = new java.util.ArrayList<>(ContrastiveCase.read(TRAIN_ENCODER));
        assertThat(encoderOnly).hasSizeGreaterThan(1000);
        List<ContrastiveCase> devOnly = ContrastiveCase.read(DEV_ENCODER);
        assertThat(devOnly).hasSizeGreaterThan(300);
        assertThat(devOnly).allSatisfy(c -> assertThat(Integer.parseInt(
                c.template().substring(c.template().lastIndexOf('.') + 1))).as(c.template()).isGreaterThanOrEqualTo(40));
        encoderOnly.addAll(devOnly);
        assertThat(encoderOnly).allSatisfy(c -> assertThat(splitTemplates).as(c.template())
                .doesNotContain(c.template()));
    }

    /** A round whose rows sit in files of their own: the default file's rows, then the round's (dev-variants.md). */
    record OwnFilesRound(int round, String language, Map<String, Map<Attribute, Boolean>> labelsByBehaviour,
                         int trainRows, int devRows) {
        Path train() {
            return Path.of("training/contrastive/train-encoder-round" + round + ".tsv");
        }

        Path dev() {
            return Path.of("training/contrastive/dev-encoder-round" + round + ".tsv");
        }

        @Override
        public String toString() {
            return "round " + round;
        }
    }

    static Stream<OwnFilesRound> ownFilesRounds() {
        return Stream.of(
                new OwnFilesRound(22, "en", Map.of(
                        "threat_person", Map.of(Attribute.TOXICITY, true, Attribute.THREAT, true),
                        "non_threat", Map.of(Attribute.TOXICITY, false, Attribute.THREAT, false)), 73, 27),
                // 30 hate and 25 neutral training templates, 10 and 10 dev ones, each filled with the six groups
                new OwnFilesRound(27, "zh", Map.of(
                        "hate", Map.of(Attribute.TOXICITY, true, Attribute.IDENTITY_ATTACK, true),
                        "neutral_identity", Map.of(Attribute.TOXICITY, false, Attribute.IDENTITY_ATTACK, false,
                                Attribute.INSULT, false, Attribute.THREAT, false)), 330, 120));
    }

    @ParameterizedTest
    @MethodSource("ownFilesRounds")
    void a_round_s_own_files_are_the_default_files_and_then_templates_and_texts_of_no_other_side(OwnFilesRound round) {
        List<ContrastiveCase> trainBase = ContrastiveCase.read(TRAIN_ENCODER);
        List<ContrastiveCase> devBase = ContrastiveCase.read(DEV_ENCODER);
        List<ContrastiveCase> train = ContrastiveCase.read(round.train());
        List<ContrastiveCase> dev = ContrastiveCase.read(round.dev());
        assertThat(train).as(round.train() + " rows").hasSize(trainBase.size() + round.trainRows());
        assertThat(dev).as(round.dev() + " rows").hasSize(devBase.size() + round.devRows());
        assertThat(train.subList(0, trainBase.size())).as(round.train() + " starts with train-encoder.tsv")
                .isEqualTo(trainBase);
        assertThat(dev.subList(0, devBase.size())).as(round.dev() + " starts with dev-encoder.tsv")
                .isEqualTo(devBase);
        List<ContrastiveCase> newTrain = train.subList(trainBase.size(), train.size());
        List<ContrastiveCase> newDev = dev.subList(devBase.size(), dev.size());
        Set<String> templates = new HashSet<>();
        Set<String> texts = new HashSet<>();
        List<Path> others = new java.util.ArrayList<>(List.of(TRAIN, TRAIN_ENCODER, DEV, DEV_ENCODER, TEST, FRESH,
                Path.of("training/contrastive/train-encoder-round14.tsv")));
        ownFilesRounds().filter(r -> r.round() != round.round()).forEach(r -> {
            others.add(r.train());
            others.add(r.dev());
        });
        for (Path file : others) {
            ContrastiveCase.read(file).forEach(c -> {
                templates.add(c.template());
                texts.add(c.text());
            });
        }
        Set<String> newTrainTemplates = new HashSet<>();
        for (ContrastiveCase c : newTrain) {
            newTrainTemplates.add(c.template());
        }
        List<ContrastiveCase> added = new java.util.ArrayList<>(newTrain);
        added.addAll(newDev);
        assertThat(added).allSatisfy(c -> {
            assertThat(c.language()).isEqualTo(round.language());
            assertThat(c.behaviour()).isIn(round.labelsByBehaviour().keySet());
            round.labelsByBehaviour().get(c.behaviour()).forEach((attribute, expected) ->
                    assertThat(c.labels()).as("labels of %s", c.template()).containsEntry(attribute, expected));
            assertThat(templates).as("template %s of %s", c.template(), round).doesNotContain(c.template());
            assertThat(texts).as("text of %s", c.template()).doesNotContain(c.text());
        });
        assertThat(newDev).allSatisfy(c -> assertThat(newTrainTemplates).as("dev template %s also trained on",
                c.template()).doesNotContain(c.template()));
        assertThat(added.stream().map(ContrastiveCase::text).distinct()).hasSize(added.size());
    }
}

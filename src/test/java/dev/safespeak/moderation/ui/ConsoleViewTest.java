package dev.safespeak.moderation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TenantListEntry;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

class ConsoleViewTest extends KaribuTest {

    /** Karibu's route discovery skips package-private views, so the view under test is registered here. */
    @BeforeEach
    void registerRoute() {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        if (!routes.isRouteRegistered(ConsoleView.class)) {
            routes.setAnnotatedRoute(ConsoleView.class);
        }
    }

    @MockitoBean
    ModerationService engine;

    /** The registry inspects the default model through the engine at start; with the engine mocked it must be too. */
    @MockitoBean
    dev.safespeak.modelregistry.ModelRegistryService registry;

    @BeforeEach
    void stubEngine() {
        when(engine.moderate(any())).thenAnswer(call -> {
            ModerationRequest r = call.getArgument(0);
            String version = r.modelVersion() == null ? "active-1" : r.modelVersion();
            return new ModerationResult(version, r.texts().stream().map(t -> {
                boolean bad = t.contains("idiot");
                Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
                Map<Attribute, Boolean> flags = new EnumMap<>(Attribute.class);
                for (Attribute a : r.attributes().isEmpty() ? List.of(Attribute.values())
                        : List.copyOf(r.attributes())) {
                    scores.put(a, bad ? 0.9 : 0.1);
                    flags.put(a, bad);
                }
                int at = t.indexOf("idiot");
                // As the real engine does, a harmless text has spans too, with scores near zero.
                return new TextScore(new DetectedLanguage("en", 0.9), scores, flags,
                        // "you" beside the insult scores far under it: not marked.
                        bad ? Map.of(Attribute.INSULT, at >= 3 ? List.of(new dev.safespeak.moderation.Span(0, 3, 0.03),
                                new dev.safespeak.moderation.Span(at, at + 5, 0.9))
                                : List.of(new dev.safespeak.moderation.Span(at, at + 5, 0.9)))
                                : Map.of(Attribute.INSULT, List.of(new dev.safespeak.moderation.Span(0,
                                        Math.min(4, t.length()), 0.03))), List.of());
            }).toList());
        });
    }

    @Test
    void the_engine_s_own_thresholds_apply_until_staff_set_one_for_every_attribute() {
        login("qa", Role.QA_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        assertThat(view.threshold.getValue()).as("empty, as the API's default").isNull();
        _setValue(_get(TextArea.class, spec -> spec.withId("console-text")), "hello there");
        _click(_get(Button.class, spec -> spec.withId("console-score")));
        org.mockito.ArgumentCaptor<ModerationRequest> sent = org.mockito.ArgumentCaptor.forClass(ModerationRequest.class);
        org.mockito.Mockito.verify(engine).moderate(sent.capture());
        assertThat(sent.getValue().thresholds()).as("no override sent").isEmpty();
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .contains("INSULT 0.10 (engine threshold)");

        _setValue(view.threshold, 0.05);
        _click(_get(Button.class, spec -> spec.withId("console-score")));
        org.mockito.Mockito.verify(engine, org.mockito.Mockito.times(2)).moderate(sent.capture());
        assertThat(sent.getValue().thresholds()).hasSize(Attribute.values().length).containsValue(0.05);
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .contains("INSULT 0.10 (threshold 0.05)");

        _setValue(view.threshold, null);
        _click(_get(Button.class, spec -> spec.withId("console-score")));
        org.mockito.Mockito.verify(engine, org.mockito.Mockito.times(3)).moderate(sent.capture());
        assertThat(sent.getValue().thresholds()).as("cleared: the engine's thresholds again").isEmpty();
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .contains("INSULT 0.10 (engine threshold)");
    }

    @Test
    void staff_see_language_scores_flags_and_highlighted_spans() {
        login("qa", Role.QA_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("console-text")), "you idiot");
        _click(_get(Button.class, spec -> spec.withId("console-score")));
        ConsoleView view = _get(ConsoleView.class);
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .anyMatch(t -> t.startsWith("Language: English (en) · "))
                .anyMatch(t -> t.equals("INSULT 0.90 (engine threshold) FLAGGED"));
        assertThat(_find(view.results, Span.class, spec -> spec.withClasses("console-span")))
                .singleElement().satisfies(s -> {
                    assertThat(s.getText()).isEqualTo("idiot");
                    assertThat(s.getElement().getAttribute("title")).contains("INSULT 0.");
                });
        assertThat(_find(view.results, Span.class, spec -> spec.withClasses("console-span-legend")))
                .singleElement().satisfies(s -> assertThat(s.getText()).startsWith("Marked: the words that raised ")
                        .contains("INSULT"));
    }

    @Test
    void a_text_with_no_flagged_attribute_has_no_marks_though_its_spans_have_tiny_scores() {
        login("qa", Role.QA_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("console-text")), "Have a lovely day");
        _click(_get(Button.class, spec -> spec.withId("console-score")));
        ConsoleView view = _get(ConsoleView.class);
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .contains("INSULT 0.10 (engine threshold)");
        assertThat(_find(view.results, Span.class, spec -> spec.withClasses("console-span"))).isEmpty();
        assertThat(_find(view.results, Span.class, spec -> spec.withClasses("console-span-legend"))).isEmpty();
    }

    @Test
    void the_compare_selectors_list_the_registered_versions() {
        when(engine.modelVersions()).thenReturn(List.of("candidate-2", "active-1"));
        login("dev", Role.DEV_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        assertThat(view.modelA.getGenericDataView().getItems().toList())
                .containsExactly(ConsoleView.ACTIVE, "candidate-2", "active-1");
        assertThat(view.modelB.getGenericDataView().getItems().toList())
                .containsExactly(ConsoleView.NONE, ConsoleView.ACTIVE, "candidate-2", "active-1");
        assertThat(view.modelB.isAllowCustomValue()).isFalse();
        assertThat(view.modelB.getHelperText()).isEqualTo("2 registered versions, newest first");
    }

    @Test
    void two_model_versions_picked_from_the_registry_are_shown_side_by_side() {
        when(engine.modelVersions()).thenReturn(List.of("candidate-2", "active-1"));
        login("dev", Role.DEV_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        _setValue(view.text, "hello there");
        _setValue(view.modelA, "active-1");
        _setValue(view.modelB, "candidate-2");
        _click(view.score);
        assertThat(view.results.getComponentCount()).isEqualTo(2);
        assertThat(_find(view.results, com.vaadin.flow.component.html.H3.class).stream()
                .map(h -> h.getText())).containsExactly("Model active-1", "Model candidate-2");
    }

    @Test
    void without_an_active_model_the_console_still_opens_and_says_why_no_versions_are_listed() {
        when(engine.modelVersions()).thenThrow(new dev.safespeak.base.BusinessException(
                dev.safespeak.base.ErrorCode.UNAVAILABLE, "no model version is active"));
        login("dev", Role.DEV_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        assertThat(view.modelB.getGenericDataView().getItems().toList())
                .containsExactly(ConsoleView.NONE, ConsoleView.ACTIVE);
        NotificationsKt.expectNotifications("The model versions cannot be listed: no model version is active");
    }

    @Test
    void a_labelled_csv_shows_accuracy_macro_f1_and_the_confusion_matrix() {
        login("pm", Role.PRODUCT_MANAGEMENT);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        view.tabs.setSelectedIndex(1);
        String csv = "text,INSULT\n\"you idiot\",1\nhello,0\n\"nice, really\",1\n";
        UploadKt._upload(view.upload, "set.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Grid<Map.Entry<Attribute, dev.safespeak.moderation.LabelledSetEvaluation.AttributeResult>> grid =
                _get(view.evaluation, Grid.class);
        var row = grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(row.getKey()).isEqualTo(Attribute.INSULT);
        assertThat(row.getValue().truePositives()).isEqualTo(1);
        assertThat(row.getValue().falseNegatives()).isEqualTo(1);
        assertThat(row.getValue().trueNegatives()).isEqualTo(1);
        assertThat(row.getValue().accuracy()).isEqualTo(2.0 / 3);
        assertThat(row.getValue().macroF1()).isCloseTo((2.0 / 3 + 2.0 / 3) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void scoring_an_empty_box_asks_for_a_text_and_calls_no_engine() {
        login("qa", Role.QA_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("console-text")), "   ");
        _click(_get(Button.class, spec -> spec.withId("console-score")));

        NotificationsKt.expectNotifications("Type or paste a text to score first.");
        assertThat(_get(ConsoleView.class).results.getChildren()).isEmpty();
        org.mockito.Mockito.verify(engine, org.mockito.Mockito.never()).moderate(any());
    }

    @Test
    void a_csv_without_a_text_column_is_explained() {
        login("pm", Role.PRODUCT_MANAGEMENT);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        view.tabs.setSelectedIndex(1);
        UploadKt._upload(view.upload, "set.csv", "text/csv", "comment,INSULT\nx,1\n".getBytes(StandardCharsets.UTF_8));
        NotificationsKt.expectNotifications("column 'comment' is neither 'text' nor an attribute (TOXICITY, "
                + "SEVERE_TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT)");
    }

    @Test
    void staff_manage_the_tenants_blocklist() {
        login("cs", Role.CUSTOMER_SUCCESS_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        ConsoleView view = _get(ConsoleView.class);
        view.tabs.setSelectedIndex(2);
        _setValue(view.tenant, "acme");
        _setValue(view.term, "frobnicate");
        _click(view.add);
        List<TenantListEntry> items = view.terms.getGenericDataView().getItems().toList();
        assertThat(items).singleElement().satisfies(e -> {
            assertThat(e.term()).isEqualTo("frobnicate");
            assertThat(e.createdBy()).isEqualTo("cs");
            assertThat(e.attribute()).isEqualTo(Attribute.TOXICITY);
        });
    }

    @Test
    void a_viewer_cannot_open_the_console() {
        login("v", Role.VIEWER);
        try {
            UI.getCurrent().navigate(ConsoleView.class);
        } catch (RuntimeException expected) {
            // access denied may surface as an exception or as a rerouted error view
        }
        assertThat(_find(ConsoleView.class)).isEmpty();
    }

    @Test
    void the_language_is_named_and_the_detectors_relative_confidence_is_not_shown() {
        assertThat(ConsoleView.languageLine(new DetectedLanguage("en", 0.06), 3.14))
                .isEqualTo("Language: English (en) · 3.1 ms").doesNotContain("%").doesNotContain("confiden");
        assertThat(ConsoleView.languageLine(DetectedLanguage.UNKNOWN, 12))
                .isEqualTo("Language: unknown or mixed · 12.0 ms");
    }

    @Test
    void a_list_match_names_the_list_in_words() {
        assertThat(dev.safespeak.base.ui.Messages.get("console.list-match-attribute",
                dev.safespeak.base.ui.Messages.label(dev.safespeak.moderation.ListMatch.ListKind.BLOCK), "idiot",
                "INSULT")).isEqualTo("Blocklist: 'idiot' -> INSULT");
    }
}

package dev.safespeak.moderation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteConfiguration;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.Mode;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.security.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The console's mode picker and its fast-versus-accurate comparison. */
class ConsoleModesTest extends KaribuTest {

    private static final String UNAVAILABLE = "the accurate engine cannot be loaded: bring-your-own model x: file "
            + "/m.onnx does not exist; mode fast keeps working";

    @MockitoBean
    ModerationService engine;
    /** The registry inspects the default model through the engine at start; with the engine mocked it must be too. */
    @MockitoBean
    dev.safespeak.modelregistry.ModelRegistryService registry;

    private final List<Mode> asked = Collections.synchronizedList(new ArrayList<>());
    private boolean accurateDown;

    @BeforeEach
    void registerRouteAndStubEngine() {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        if (!routes.isRouteRegistered(ConsoleView.class)) {
            routes.setAnnotatedRoute(ConsoleView.class);
        }
        // Fast scores an insult 0.90 with the n-gram model; accurate 0.97 with the English encoder.
        when(engine.moderate(any())).thenAnswer(call -> {
            ModerationRequest r = call.getArgument(0);
            asked.add(r.mode());
            boolean accurate = r.mode() == Mode.ACCURATE || r.mode() == Mode.BALANCED;
            if (accurate && accurateDown) {
                throw new BusinessException(ErrorCode.UNAVAILABLE, UNAVAILABLE);
            }
            String text = r.texts().get(0);
            double insult = text.contains("idiot") ? (accurate ? 0.97 : 0.9) : 0.1;
            Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
            Map<Attribute, Boolean> flags = new EnumMap<>(Attribute.class);
            scores.put(Attribute.INSULT, insult);
            flags.put(Attribute.INSULT, insult >= 0.5);
            int at = text.indexOf("idiot");
            return new ModerationResult("active-1", List.of(new TextScore(new DetectedLanguage("en", 0.9), scores,
                    flags, at < 0 ? Map.of() : Map.of(Attribute.INSULT,
                    List.of(new dev.safespeak.moderation.Span(at, at + 5, 0.9))), List.of(),
                    accurate ? "encoder:bge-small-en-v1.5-q" : TextScore.NGRAM)));
        });
    }

    private ConsoleView open() {
        login("qa", Role.QA_LEAD);
        UI.getCurrent().navigate(ConsoleView.class);
        return _get(ConsoleView.class);
    }

    private static List<String> texts(ConsoleView view, String className) {
        return _find(view.results, Span.class, spec -> spec.withClasses(className)).stream().map(Span::getText)
                .toList();
    }

    @Test
    void the_mode_picker_offers_three_modes_and_the_comparison_and_starts_at_the_configured_default() {
        when(engine.defaultMode()).thenReturn(Mode.BALANCED);
        ConsoleView view = open();
        assertThat(view.mode.getGenericDataView().getItems().toList())
                .containsExactly("fast", "accurate", "balanced", ConsoleView.FAST_VS_ACCURATE);
        assertThat(view.mode.getValue()).isEqualTo("balanced");
        assertThat(view.mode.getItemLabelGenerator().apply(ConsoleView.FAST_VS_ACCURATE))
                .isEqualTo("Fast and accurate side by side");
    }

    @Test
    void fast_and_accurate_side_by_side_show_each_modes_scores_and_engine() {
        ConsoleView view = open();
        _setValue(view.text, "you idiot");
        _setValue(view.mode, ConsoleView.FAST_VS_ACCURATE);
        _click(view.score);

        assertThat(asked).containsExactly(Mode.FAST, Mode.ACCURATE);
        assertThat(view.results.getComponentCount()).isEqualTo(2);
        assertThat(texts(view, "console-engine")).containsExactly("Mode: Fast · scored by n-gram model",
                "Mode: Accurate · scored by sentence encoder bge-small-en-v1.5-q");
        assertThat(_find(view.results, Span.class).stream().map(Span::getText))
                .contains("INSULT 0.90 (engine threshold) FLAGGED", "INSULT 0.97 (engine threshold) FLAGGED");
        assertThat(_find(view.results, Span.class, spec -> spec.withClasses("console-span")))
                .hasSize(2).allSatisfy(s -> assertThat(s.getText()).isEqualTo("idiot"));
    }

    @Test
    void one_mode_scores_once_in_that_mode() {
        ConsoleView view = open();
        _setValue(view.text, "hello");
        _setValue(view.mode, "balanced");
        _click(view.score);
        assertThat(asked).containsExactly(Mode.BALANCED);
        assertThat(texts(view, "console-engine"))
                .containsExactly("Mode: Balanced · scored by sentence encoder bge-small-en-v1.5-q");
    }

    @Test
    void side_by_side_with_the_accurate_engine_down_keeps_the_fast_column_and_says_why() {
        accurateDown = true;
        ConsoleView view = open();
        _setValue(view.text, "you idiot");
        _setValue(view.mode, ConsoleView.FAST_VS_ACCURATE);
        _click(view.score);

        assertThat(view.results.getComponentCount()).isEqualTo(2);
        assertThat(texts(view, "console-engine")).containsExactly("Mode: Fast · scored by n-gram model",
                "Mode: Accurate · not available");
        assertThat(_find(view.results, Paragraph.class, spec -> spec.withClasses("console-unavailable")))
                .singleElement().satisfies(p -> assertThat(p.getText()).isEqualTo(UNAVAILABLE));
        assertThat(_find(view.results, H3.class).stream().map(H3::getText))
                .containsExactly("Model active-1", "Model (active)");
    }

    @Test
    void accurate_alone_with_the_engine_down_is_a_notification_with_the_reason() {
        accurateDown = true;
        ConsoleView view = open();
        _setValue(view.text, "you idiot");
        _setValue(view.mode, "accurate");
        _click(view.score);
        assertThat(view.results.getComponentCount()).isZero();
        NotificationsKt.expectNotifications(UNAVAILABLE);
    }
}

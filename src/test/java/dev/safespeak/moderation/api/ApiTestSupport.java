package dev.safespeak.moderation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.NewApiKey;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the REST API tests: the whole app on H2 with MockMvc, the engine replaced by a stub that scores a text
 * 0.9 on every attribute when it contains "idiot" and 0.1 otherwise, and a fresh API key per test.
 */
@SpringBootTest(properties = "safespeak.api.max-body-bytes=200000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ApiTestSupport {

    static final String MODEL = "test-model-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyService keys;
    @MockitoBean
    ModerationService engine;
    /** The registry inspects the default model through the engine at start; with the engine mocked it must be too. */
    @MockitoBean
    dev.safespeak.modelregistry.ModelRegistryService registry;

    String secret;

    @BeforeEach
    void stubEngineAndCreateKey() {
        when(engine.moderate(any(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return score(call.getArgument(0));
        });
        // Like the real engine, the stub serves English and German and detects no language in a text of kana; nor,
        // standing for a Latin-script text too short to place, in one that contains "(und)".
        when(engine.supportedLanguages()).thenReturn(java.util.Set.of("en", "de"));
        when(engine.detectLanguage(any())).thenAnswer(call -> call.<String>getArgument(0).matches(".*([\\u3040-\\u30ff]|\\(und\\)).*")
                ? DetectedLanguage.UNKNOWN : new DetectedLanguage("en", 0.97));
        secret = createKey("test-key", "acme", 1000, 100_000L).secret();
    }

    NewApiKey createKey(String name, String tenant, int rate, long daily) {
        asAdmin();
        try {
            return keys.create(name, tenant, rate, daily, java.util.EnumSet.allOf(dev.safespeak.apikey.ApiKeyScope.class));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    static ModerationResult score(ModerationRequest request) {
        List<TextScore> results = request.texts().stream().map(text -> {
            boolean bad = text.contains("idiot");
            Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
            Map<Attribute, Boolean> flagged = new EnumMap<>(Attribute.class);
            Map<Attribute, List<Span>> spans = new EnumMap<>(Attribute.class);
            for (Attribute a : request.attributes().isEmpty() ? List.of(Attribute.values())
                    : List.copyOf(request.attributes())) {
                double s = bad ? 0.9 : 0.1;
                scores.put(a, s);
                flagged.put(a, s >= request.thresholds().getOrDefault(a, 0.5));
                int at = text.indexOf("idiot");
                spans.put(a, bad && request.spans() ? List.of(new Span(at, at + 5, 0.9)) : List.of());
            }
            return new TextScore(new DetectedLanguage("en", 0.97), scores, flagged, spans, List.of());
        }).toList();
        return new ModerationResult(MODEL, results);
    }
}

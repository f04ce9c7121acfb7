package dev.safespeak.moderation.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.NewApiKey;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ModerationService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Base of the tests that drive the REST API with real, unmodified client libraries: the whole app on a random
 * port (real Tomcat, real security chains) with the same stub engine as {@link ApiTestSupport} (a text containing
 * "idiot" scores 0.9 on every attribute, anything else 0.1; the language is always en). Subclasses share one
 * Spring context. The server has a storage key so that Perspective's suggestscore can keep its comments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "safespeak.storage.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "vaadin.launch-browser=false",
        // The availability probe would call the API between tests, when the mocked engine answers null (a 500).
        "safespeak.evidence.probe.enabled=false"})
@ActiveProfiles("test")
abstract class LiveApiTestSupport {

    /** The model name the OpenAI drop-in answers with for the stub engine. */
    static final String OPENAI_MODEL = "safespeak-" + ApiTestSupport.MODEL;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @MockitoBean
    ModerationService engine;
    /** The registry inspects the default model through the engine at start; with the engine mocked it must be too. */
    @MockitoBean
    dev.safespeak.modelregistry.ModelRegistryService registry;

    @BeforeEach
    void stubEngine() {
        when(engine.moderate(any(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return ApiTestSupport.score(call.getArgument(0));
        });
        // Like the real engine, the stub serves English and German and detects no language in a text of kana; nor,
        // standing for a Latin-script text too short to place, in one that contains "(und)".
        when(engine.supportedLanguages()).thenReturn(java.util.Set.of("en", "de"));
        when(engine.detectLanguage(any())).thenAnswer(call -> call.<String>getArgument(0).matches(".*([\\u3040-\\u30ff]|\\(und\\)).*")
                ? DetectedLanguage.UNKNOWN : new DetectedLanguage("en", 0.97));
    }

    /** The server's base URL, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    NewApiKey createKey(String name, int ratePerSecond, long dailyTexts) {
        ApiTestSupport.asAdmin();
        try {
            return keys.create(name, "acme", ratePerSecond, dailyTexts);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

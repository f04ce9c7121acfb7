package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.EvidenceKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Sends the API the bad inputs of the API contract and checks each is answered with the right 4xx status as
 * RFC 9457 {@code application/problem+json}, with no stack trace, SQL or class name in the body.
 */
@Component
public class ErrorHandlingCheck implements ReadinessCheck {

    /** One bad request and the statuses that are a correct answer to it. */
    record Case(String name, String contentType, byte[] body, boolean withKey, String key, Set<Integer> statuses) {
    }

    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|SQL|java\\.|jakarta\\.|"
            + "org\\.springframework|dev\\.safespeak");

    private final ApiClient client;
    private final EvidenceKeys keys;

    public ErrorHandlingCheck(ApiClient client, EvidenceKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "error-handling";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("error-handling");
    }

    static List<Case> cases() {
        String many = "{\"input\":[" + String.join(",", java.util.Collections.nCopies(101, "\"hello\"")) + "]}";
        String huge = "{\"input\":\"" + "a".repeat(21 * 1024) + "\"}";
        byte[] badUtf8 = {'{', '"', 'i', 'n', 'p', 'u', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        return List.of(
                new Case("empty text", "application/json", utf8("{\"input\":\"\"}"), true, null, Set.of(400)),
                new Case("malformed JSON", "application/json", utf8("{\"input\": "), true, null, Set.of(400)),
                new Case("wrong content type", "text/plain", utf8("hello"), true, null, Set.of(415)),
                new Case("more than 100 items", "application/json", utf8(many), true, null, Set.of(400, 413)),
                new Case("text over 20 KB", "application/json", utf8(huge), true, null, Set.of(400, 413)),
                new Case("invalid UTF-8", "application/json", badUtf8, true, null, Set.of(400)),
                new Case("missing key", "application/json", utf8("{\"input\":\"hello\"}"), false, null, Set.of(401)),
                new Case("unknown key", "application/json", utf8("{\"input\":\"hello\"}"), true,
                        "ssk_unknown-key-used-by-the-readiness-check", Set.of(401)));
    }

    @Override
    public CheckResult run() {
        Optional<String> key = keys.probeKey();
        if (key.isEmpty()) {
            return CheckResult.fail("no API key for the checks is configured");
        }
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (Case c : cases()) {
            String usedKey = !c.withKey() ? null : c.key() != null ? c.key() : key.get();
            try {
                ApiClient.Response r = client.post("/v1/moderations", c.contentType(), c.body(), usedKey);
                String problem = judge(c, r.status(), r.header("Content-Type").orElse(""), r.body());
                if (problem == null) {
                    passes.add(c.name() + " -> " + r.status());
                } else {
                    failures.add(c.name() + ": " + problem);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.fail("interrupted");
            } catch (Exception e) {
                failures.add(c.name() + ": no answer (" + e.getClass().getSimpleName() + ")");
            }
        }
        String details = passes.size() + "/" + cases().size() + " bad inputs answered correctly"
                + (failures.isEmpty() ? ": " + passes : "; wrong: " + failures);
        return failures.isEmpty() ? CheckResult.pass(details) : CheckResult.fail(details);
    }

    /** Null when the answer to a bad input is right, else what is wrong. */
    static String judge(Case c, int status, String contentType, String body) {
        if (!c.statuses().contains(status)) {
            return "status " + status + ", expected " + c.statuses();
        }
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
            return "content type '" + contentType + "' instead of application/problem+json";
        }
        if (body == null || !body.contains("\"status\"")) {
            return "problem body has no status";
        }
        if (LEAK.matcher(body).find()) {
            return "the body leaks internals";
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

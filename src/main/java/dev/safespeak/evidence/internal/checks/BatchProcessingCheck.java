package dev.safespeak.evidence.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.EvidenceKeys;
import dev.safespeak.moderation.ModerationLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Scores a full batch ({@value ModerationLimits#MAX_BATCH_ITEMS} texts) end to end over HTTP and validates every result. */
@Component
public class BatchProcessingCheck implements ReadinessCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;
    private final EvidenceKeys keys;

    public BatchProcessingCheck(ApiClient client, EvidenceKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "batch-processing";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("batch-processing");
    }

    @Override
    public CheckResult run() {
        Optional<String> key = keys.probeKey();
        if (key.isEmpty()) {
            return CheckResult.fail("no API key for the checks is configured");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < ModerationLimits.MAX_BATCH_ITEMS; i++) {
            texts.add("Batch check message number " + i + (i % 2 == 0 ? ", have a great day" : ", you are an idiot"));
        }
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("input", texts));
            ApiClient.Response r = client.postJson("/v1/moderations", body, key.get());
            return judge(texts.size(), r.status(), r.body(), r.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted");
        } catch (Exception e) {
            return CheckResult.fail("no answer: " + e.getClass().getSimpleName());
        }
    }

    static CheckResult judge(int sent, int status, String body, long millis) {
        if (status != 200) {
            return CheckResult.fail("batch of " + sent + " answered " + status);
        }
        try {
            JsonNode results = JSON.readTree(body).path("results");
            if (!results.isArray() || results.size() != sent) {
                return CheckResult.fail("batch of " + sent + " got " + (results.isArray() ? results.size() : 0)
                        + " results");
            }
            for (int i = 0; i < results.size(); i++) {
                JsonNode scores = results.get(i).path("category_scores");
                if (!scores.isObject() || scores.isEmpty()) {
                    return CheckResult.fail("result " + i + " of the batch has no scores");
                }
            }
        } catch (Exception e) {
            return CheckResult.fail("batch answer is not JSON");
        }
        return CheckResult.pass("batch of " + sent + " texts scored end to end in " + millis + " ms, "
                + sent + " valid results");
    }
}

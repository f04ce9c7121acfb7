package dev.safespeak.evidence.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The evidence module's settings ({@code safespeak.evidence.*} in config/evidence.yml), validated at start so a
 * bad value stops the application with the key's name in the message.
 */
@Validated
@ConfigurationProperties("safespeak.evidence")
public record EvidenceProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("10") @Min(1) @Max(59) int sampleIntervalSeconds,
        @DefaultValue("60") @Min(1) @Max(10080) int currentWindowMinutes,
        @DefaultValue({"/api/", "/v1/", "/v1alpha1/"}) List<String> apiPathPrefixes,
        @Valid @NotNull @DefaultValue Retention retention,
        @Valid @NotNull @DefaultValue Probe probe,
        @Valid @NotNull @DefaultValue Checks checks,
        @Valid @NotNull @DefaultValue Criteria criteria,
        @Valid @NotNull @DefaultValue Drift drift,
        @Valid @NotNull @DefaultValue Rollback rollback,
        @Valid @NotNull @DefaultValue Demo demo) {

    /** How long metric history is kept at each resolution. */
    public record Retention(
            @DefaultValue("24") @Min(1) int rawHours,
            @DefaultValue("7") @Min(1) int minuteDays,
            @DefaultValue("90") @Min(1) int hourDays) {
    }

    /** The synthetic availability probe. */
    public record Probe(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30") @Min(1) int intervalSeconds,
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("2000") @Min(1) int timeoutMillis) {
    }

    /** Scheduled runs of the readiness checks and the bounds of the built-in load run. */
    public record Checks(
            @DefaultValue("15") @Min(0) int scheduleMinutes,
            @DefaultValue("2") @Min(0) int initialDelayMinutes,
            @DefaultValue("300") @Min(1) @Max(100000) int loadRequests,
            @DefaultValue("4") @Min(1) @Max(64) int loadConcurrency,
            @DefaultValue("50") @Min(1) int loadTargetRequestsPerSecond,
            @DefaultValue("30") @Min(1) @Max(600) int loadMaxSeconds,
            @DefaultValue("60") @Min(2) @Max(1000) int rateLimitBurst,
            @DefaultValue("") String evaluationSetPath) {
    }

    /** The seed's success criteria thresholds. */
    public record Criteria(
            @DefaultValue("99.9") @DecimalMin("0") @DecimalMax("100") double availabilityPercent,
            @DefaultValue("100") @Min(1) long p95Millis,
            @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("100") double errorRatePercent,
            @DefaultValue("95") @DecimalMin("0") @DecimalMax("100") double accuracyPercent) {
    }

    /** Drift of live scores and languages against the active model's evaluation baseline. */
    public record Drift(
            @DefaultValue("0.25") @DecimalMin("0") double psiAlertThreshold,
            @DefaultValue("60") @Min(1) int windowMinutes,
            @DefaultValue("100") @Min(1) int minTexts) {
    }

    /** Thresholds that raise a rollback alert after go-live, and whether the rollback happens by itself. */
    public record Rollback(
            @DefaultValue("false") boolean live,
            @DefaultValue("1.0") @DecimalMin("0") double errorRatePercent,
            @DefaultValue("250") @Min(1) long p95Millis,
            @DefaultValue("0.5") @DecimalMin("0") double psi,
            @DefaultValue("false") boolean automatic,
            @DefaultValue("5") @Min(1) int windowMinutes) {
    }

    /**
     * The demo traffic generator: runs only in the demo profile, which turns it on by default; off elsewhere.
     * {@code initialDelaySeconds} is the pause after start before the first synthetic request.
     */
    public record Demo(
            @DefaultValue("false") boolean trafficEnabled,
            @DefaultValue("5") @Min(1) @Max(200) int requestsPerSecond,
            @DefaultValue("20") @Min(0) @Max(600) int initialDelaySeconds) {
    }
}

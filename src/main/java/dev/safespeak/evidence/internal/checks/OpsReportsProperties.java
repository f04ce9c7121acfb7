package dev.safespeak.evidence.internal.checks;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the operations checks find the reports of the container smoke test, the two-instance test and the
 * backup-restore test ({@code safespeak.evidence.ops.*} in config/evidence.yml), and how old a report may be.
 */
@Validated
@ConfigurationProperties("safespeak.evidence.ops")
public record OpsReportsProperties(
        @DefaultValue("./docs/reports") @NotBlank String reportsDir,
        @DefaultValue("30") @Min(1) int maxReportAgeDays) {
}

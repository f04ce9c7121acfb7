package dev.safespeak.golive.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 16.2 (decision 011), between {@code V16_1} (adds the nullable {@code golive_item.item_key}) and
 * {@code V16_3} (makes it required and unique per release): gives every existing item and every stored template item a
 * key, once. An item whose text is one of the built-in checklist's at the time of this migration gets that item's key
 * (the table below is frozen on purpose: later edits of the template must not change what this migration did), so
 * readiness checks and owners stay bound on releases created before keys existed; any other item gets a key derived
 * from its text, {@code -2}, {@code -3} added when a release or template already has it. Stored templates get the keys
 * written into their Markdown ({@code {#key}}), so releases created from them later carry the same keys.
 *
 * <p>A Spring bean so that Spring Boot hands it to Flyway (Java migrations are not found by scanning inside the
 * application jar); plain Flyway runs pass it with {@code javaMigrations(new ItemKeyMigration())}.
 */
@Component
public class ItemKeyMigration implements JavaMigration {

    /** The built-in checklist's item texts (lower case) and keys when keys were introduced. Never edit. */
    static final Map<String, String> BUILT_IN_KEYS_V16 = lowerCaseKeys(Map.ofEntries(
            Map.entry("Cloud environment setup (Azure/AWS/GCP)", "cloud-environment"),
            Map.entry("Kubernetes cluster configuration", "kubernetes-cluster"),
            Map.entry("Database provisioning and backup setup", "database-provisioning"),
            Map.entry("CDN configuration for global distribution", "cdn-configuration"),
            Map.entry("Load balancer and auto-scaling setup", "load-balancer"),
            Map.entry("Monitoring and logging infrastructure", "monitoring-infrastructure"),
            Map.entry("Security groups and network policies", "network-policies"),
            Map.entry("SSL/TLS certificates installed and configured", "tls-certificates"),
            Map.entry("Web Application Firewall (WAF) rules deployed", "waf-rules"),
            Map.entry("API gateway authentication and authorization", "api-gateway-auth"),
            Map.entry("Secrets management (Azure Key Vault/AWS Secrets Manager)", "secrets-management"),
            Map.entry("Database encryption at rest and in transit", "database-encryption"),
            Map.entry("Audit logging and compliance monitoring", "audit-logging"),
            Map.entry("Penetration testing results reviewed and addressed", "penetration-test-review"),
            Map.entry("Docker images built and pushed to registry", "docker-images"),
            Map.entry("Kubernetes manifests deployed", "kubernetes-manifests"),
            Map.entry("Database migrations executed", "database-migrations"),
            Map.entry("Environment variables and configuration validated", "configuration-validated"),
            Map.entry("Health checks and readiness probes configured", "health-probes"),
            Map.entry("Service mesh (Istio/Linkerd) for traffic management", "service-mesh"),
            Map.entry("ML model artifacts deployed to model registry", "model-artifacts-deployed"),
            Map.entry("Training data pipelines configured", "training-pipelines"),
            Map.entry("Feature store populated and accessible", "feature-store"),
            Map.entry("Model monitoring and drift detection active", "drift-detection"),
            Map.entry("Backup and versioning of model artifacts", "model-artifact-backup"),
            Map.entry("API endpoint availability and response validation", "api-endpoint-validation"),
            Map.entry("Model prediction accuracy verification", "model-accuracy-verified"),
            Map.entry("Language detection and processing confirmation", "language-detection"),
            Map.entry("Error handling and fallback mechanisms tested", "error-handling"),
            Map.entry("Rate limiting and abuse prevention validated", "rate-limiting"),
            Map.entry("Batch processing capabilities confirmed", "batch-processing"),
            Map.entry("Load testing with target throughput achieved", "load-test"),
            Map.entry("Stress testing under peak load conditions", "stress-test"),
            Map.entry("Memory and CPU usage within acceptable limits", "resource-usage"),
            Map.entry("Database query performance optimized", "database-query-performance"),
            Map.entry("CDN and caching effectiveness verified", "cdn-caching"),
            Map.entry("Auto-scaling behavior validated", "auto-scaling-validated"),
            Map.entry("Vulnerability scanning completed", "vulnerability-scan"),
            Map.entry("Authentication and authorization tested", "auth-tested"),
            Map.entry("Data encryption validation", "encryption-validated"),
            Map.entry("API security (OWASP Top 10) compliance", "owasp-top-10"),
            Map.entry("Network security and firewall rules", "firewall-rules"),
            Map.entry("Secrets and credential security", "credential-security"),
            Map.entry("Third-party service integrations verified", "third-party-integrations"),
            Map.entry("Webhook and callback functionality tested", "webhooks"),
            Map.entry("Database connections and transactions", "database-connections"),
            Map.entry("External API dependencies validated", "external-api-dependencies"),
            Map.entry("Monitoring and alerting integrations", "alerting-integrations"),
            Map.entry("Application Performance Monitoring (APM) active", "apm-active"),
            Map.entry("Log aggregation and analysis configured", "log-aggregation"),
            Map.entry("Metrics dashboards created and accessible", "metrics-dashboards"),
            Map.entry("Alerting rules and notification channels set up", "alerting-rules"),
            Map.entry("Error tracking and debugging tools deployed", "error-tracking"),
            Map.entry("Business metrics tracking implemented", "business-metrics-tracking"),
            Map.entry("API documentation published and accessible", "api-docs"),
            Map.entry("User onboarding materials completed", "onboarding-materials"),
            Map.entry("Administrator guides and runbooks created", "admin-runbooks"),
            Map.entry("Support team training completed", "support-training"),
            Map.entry("Incident response procedures documented", "incident-procedures"),
            Map.entry("Knowledge base articles published", "knowledge-base"),
            Map.entry("Data processing agreements in place", "data-processing-agreements"),
            Map.entry("Privacy policy and terms of service published", "privacy-policy"),
            Map.entry("Audit logging and compliance monitoring active", "compliance-monitoring"),
            Map.entry("Data retention policies implemented", "data-retention"),
            Map.entry("Regular backup verification scheduled", "backup-verification"),
            Map.entry("Security incident response plan activated", "security-incident-plan"),
            Map.entry("Billing and usage tracking configured", "billing"),
            Map.entry("Customer support channels established", "support-channels"),
            Map.entry("Service Level Agreement (SLA) monitoring active", "sla-monitoring"),
            Map.entry("Performance reporting and analytics set up", "performance-reporting"),
            Map.entry("Stakeholder communication plan executed", "stakeholder-communication"),
            Map.entry("Go-live announcement prepared", "go-live-announcement"),
            Map.entry("End-to-end user journey testing completed", "end-to-end-journeys"),
            Map.entry("Production data migration verified", "production-data-migration"),
            Map.entry("Rollback procedures tested and documented", "rollback-procedures-tested"),
            Map.entry("Emergency contact list distributed", "emergency-contacts"),
            Map.entry("Go/no-go decision meeting held", "go-no-go-meeting"),
            Map.entry("Production access controls confirmed", "production-access-controls"),
            Map.entry("Deployment to production environment", "production-deployment"),
            Map.entry("DNS updates and traffic routing", "dns-traffic-routing"),
            Map.entry("Service health verification", "service-health"),
            Map.entry("Initial user acceptance testing", "user-acceptance"),
            Map.entry("Monitoring dashboards validated", "monitoring-dashboards-validated"),
            Map.entry("Stakeholder notifications sent", "stakeholder-notifications"),
            Map.entry("24/7 monitoring team activated", "monitoring-team"),
            Map.entry("Performance metrics tracking initiated", "performance-metrics-tracking"),
            Map.entry("User feedback collection started", "user-feedback"),
            Map.entry("Incident response team on standby", "incident-team-standby"),
            Map.entry("Success metrics monitoring active", "success-metrics-monitoring"),
            Map.entry("Lessons learned documentation begun", "lessons-learned-documentation"),
            Map.entry("Rollback triggers defined (error rates, performance degradation)", "rollback-triggers"),
            Map.entry("Rollback procedures documented and tested", "rollback-procedures-documented"),
            Map.entry("Previous version backup available", "previous-version-backup"),
            Map.entry("Database rollback capabilities verified", "database-rollback"),
            Map.entry("Communication plan for rollback scenarios", "rollback-communication"),
            Map.entry("Incident severity classification matrix", "severity-matrix"),
            Map.entry("Escalation procedures and contact lists", "escalation-procedures"),
            Map.entry("Communication templates for stakeholders", "communication-templates"),
            Map.entry("Post-incident review process defined", "post-incident-review"),
            Map.entry("Lessons learned capture mechanism", "lessons-learned-capture"),
            Map.entry("API availability >99.9%", "availability-target"),
            Map.entry("Response time <100ms (P95)", "latency-target"),
            Map.entry("Error rate <0.1%", "error-rate-target"),
            Map.entry("Model accuracy >95%", "model-accuracy-target"),
            Map.entry("Auto-scaling working correctly", "auto-scaling-working"),
            Map.entry("User registration and adoption targets met", "adoption-targets"),
            Map.entry("API usage within expected ranges", "api-usage"),
            Map.entry("Customer satisfaction scores >4.5/5", "customer-satisfaction"),
            Map.entry("Support ticket volume within SLA", "support-ticket-volume"),
            Map.entry("Revenue targets on track", "revenue-targets"),
            Map.entry("All automated tests passing", "automated-tests"),
            Map.entry("Manual testing sign-off received", "manual-testing-sign-off"),
            Map.entry("Security assessment completed", "security-assessment"),
            Map.entry("Performance benchmarks achieved", "performance-benchmarks"),
            Map.entry("Compliance requirements verified", "compliance-requirements"),
            Map.entry("Development Team Lead", "signoff-dev-lead"),
            Map.entry("DevOps/Infrastructure Team", "signoff-devops"),
            Map.entry("Security Team Lead", "signoff-security-lead"),
            Map.entry("QA/Test Engineering Lead", "signoff-qa-lead"),
            Map.entry("Product Management", "signoff-product-management"),
            Map.entry("Customer Success Lead", "signoff-customer-success"),
            Map.entry("Legal/Compliance Officer", "signoff-legal-compliance"),
            Map.entry("Executive Leadership", "signoff-executive-leadership"),
            Map.entry("Chief Technology Officer", "signoff-cto"),
            Map.entry("Chief Product Officer", "signoff-cpo"),
            Map.entry("Chief Executive Officer", "signoff-ceo")));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16.2");
    }

    @Override
    public String getDescription() {
        return "golive item keys back-fill";
    }

    @Override
    public Integer getChecksum() {
        return 1_600_200;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        backfillItems(connection);
        addKeysToTemplates(connection);
    }

    /** The key this migration gives an item of text {@code text} when {@code taken} already holds the others'. */
    static String keyFor(String text, Set<String> taken) {
        String known = BUILT_IN_KEYS_V16.get(text.strip().toLowerCase(Locale.ROOT));
        return known != null && !taken.contains(known) ? known : ItemKeys.derive(text, taken);
    }

    private static void backfillItems(Connection connection) throws SQLException {
        record Row(long id, long releaseId, String text) {
        }
        List<Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, release_id, text FROM golive_item "
                        + "WHERE item_key IS NULL ORDER BY release_id, position, id")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE golive_item SET item_key = ? WHERE id = ?")) {
            Long release = null;
            Set<String> taken = new HashSet<>();
            for (Row row : rows) {
                if (!Long.valueOf(row.releaseId()).equals(release)) {
                    release = row.releaseId();
                    taken = existingKeys(connection, release);
                }
                String key = keyFor(row.text(), taken);
                taken.add(key);
                update.setString(1, key);
                update.setLong(2, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Set<String> existingKeys(Connection connection, long releaseId) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT item_key FROM golive_item WHERE release_id = ? AND item_key IS NOT NULL")) {
            select.setLong(1, releaseId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    private static void addKeysToTemplates(Connection connection) throws SQLException {
        Map<Long, String> rewritten = new java.util.LinkedHashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, markdown FROM golive_template ORDER BY id")) {
            while (rs.next()) {
                String markdown = rs.getString(2);
                String keyed;
                try {
                    keyed = ChecklistParser.withKeys(markdown, BUILT_IN_KEYS_V16_BY_TEXT);
                } catch (IllegalArgumentException e) {
                    // a template the parser refuses now (it held '{#...}' in a text) keeps its Markdown unchanged
                    continue;
                }
                if (!keyed.equals(markdown)) {
                    rewritten.put(rs.getLong(1), keyed);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE golive_template SET markdown = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : rewritten.entrySet()) {
                update.setString(1, e.getValue());
                update.setLong(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static final Function<String, String> BUILT_IN_KEYS_V16_BY_TEXT =
            text -> BUILT_IN_KEYS_V16.get(text.strip().toLowerCase(Locale.ROOT));

    private static Map<String, String> lowerCaseKeys(Map<String, String> byText) {
        Map<String, String> lower = new java.util.HashMap<>();
        byText.forEach((text, key) -> lower.put(text.toLowerCase(Locale.ROOT), key));
        return Map.copyOf(lower);
    }
}

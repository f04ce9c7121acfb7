package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;

import dev.safespeak.base.BusinessException;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricHistoryRepository.Sample;
import dev.safespeak.evidence.internal.MetricsSampler;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SignOffSlot;
import dev.safespeak.signoff.SlotStatus;
import dev.safespeak.signoff.TestPasswords;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(properties = {"safespeak.evidence.instance-id=test-a", "safespeak.evidence.probe.enabled=false",
        "safespeak.evidence.checks.schedule-minutes=10000"})
@ActiveProfiles("test")
@RecordApplicationEvents
@Import(TestPasswords.class)
class EvidenceServicesTest {

    /** A check the test switches between pass and fail, bound to a seed item. */
    static final AtomicBoolean SWITCH = new AtomicBoolean(true);

    @TestConfiguration
    static class Checks {
        @Bean
        ReadinessCheck switchableCheck() {
            return new ReadinessCheck() {
                public String name() {
                    return "switchable";
                }

                public Set<String> itemKeys() {
                    return Set.of("database-query-performance");
                }

                public CheckResult run() {
                    return SWITCH.get() ? CheckResult.pass("fine") : CheckResult.fail("broken");
                }
            };
        }
    }

    @MockitoBean
    ModerationService moderation;

    /** The registry inspects the default model through the engine at start; with the engine mocked it must be too. */
    @MockitoBean
    dev.safespeak.modelregistry.ModelRegistryService registry;

    @Autowired
    SuccessCriteriaService criteria;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    ReadinessCheckService checks;
    @Autowired
    MetricHistoryRepository history;
    @Autowired
    MetricsSampler sampler;
    @Autowired
    ReleaseService releases;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void login(String user, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    private CriterionStatus status(SuccessCriterion c, Long releaseId) {
        return criteria.current(releaseId).stream().filter(s -> s.criterion() == c).findFirst().orElseThrow();
    }

    @Test
    void criteria_are_computed_from_the_samples_of_every_instance() {
        Instant now = clock.instant().minusSeconds(30);
        history.insert(List.of(
                new Sample("a", now, 10, MetricsSampler.PROBES, "ok", 999),
                new Sample("b", now, 10, MetricsSampler.PROBES, "fail", 1),
                new Sample("a", now, 10, MetricsSampler.API_REQUESTS, "/v1/moderations", 1000),
                new Sample("b", now, 10, MetricsSampler.API_REQUESTS, "/api/v1/moderate", 1000),
                new Sample("a", now, 10, MetricsSampler.API_ERRORS, "500", 4),
                new Sample("a", now, 10, MetricsSampler.API_LATENCY_LE, "10", 1900),
                new Sample("a", now, 10, MetricsSampler.API_LATENCY_LE, "100", 2000)));

        CriterionStatus availability = status(SuccessCriterion.AVAILABILITY, null);
        assertThat(availability.value()).isCloseTo(99.9, within(1e-9));
        assertThat(availability.passing()).isFalse(); // must be above 99.9
        CriterionStatus errors = status(SuccessCriterion.ERROR_RATE, null);
        assertThat(errors.value()).isCloseTo(0.2, within(1e-9));
        assertThat(errors.passing()).isFalse();
        CriterionStatus p95 = status(SuccessCriterion.P95_LATENCY, null);
        assertThat(p95.value()).isCloseTo(10.0, within(1e-9));
        assertThat(p95.passing()).isTrue();
        assertThat(criteria.trend(SuccessCriterion.ERROR_RATE, TrendWindow.HOUR))
                .anySatisfy(p -> assertThat(p.value()).isCloseTo(0.2, within(1e-9)));
    }

    @Test
    void the_sampler_stores_increases_and_rolls_them_up_into_minutes() {
        Instant now = clock.instant();
        history.insert(List.of(new Sample(sampler.instanceId(), now.minusSeconds(300), 10, "test.metric", "x", 3),
                new Sample(sampler.instanceId(), now.minusSeconds(295), 10, "test.metric", "x", 4)));
        sampler.maintain(now);
        List<MetricHistoryRepository.Row> minutes = history.rows("test.metric", now.minusSeconds(3600), now,
                MetricHistoryRepository.MINUTE);
        assertThat(minutes.stream().mapToDouble(MetricHistoryRepository.Row::value).sum()).isEqualTo(7.0);
    }

    @Test
    void an_evaluation_run_compares_flags_with_labels_and_becomes_the_accuracy_criterion() {
        when(moderation.moderate(any(ModerationRequest.class))).thenAnswer(inv -> {
            ModerationRequest r = inv.getArgument(0);
            List<TextScore> scores = new ArrayList<>();
            for (String text : r.texts()) {
                boolean toxic = text.contains("idiot");
                Map<Attribute, Double> s = new EnumMap<>(Map.of(Attribute.TOXICITY, toxic ? 0.95 : 0.05));
                Map<Attribute, Boolean> f = new EnumMap<>(Map.of(Attribute.TOXICITY, toxic));
                scores.add(new TextScore(new DetectedLanguage("en", 0.9), s, f, Map.of(), List.of()));
            }
            return new ModerationResult("v-test", scores);
        });
        List<LabelledText> set = List.of(
                new LabelledText("you idiot", Map.of(Attribute.TOXICITY, true)),
                new LabelledText("hello", Map.of(Attribute.TOXICITY, false)),
                new LabelledText("nice", Map.of(Attribute.TOXICITY, false)),
                new LabelledText("you are mean", Map.of(Attribute.TOXICITY, true)));
        EvaluationRun run = evaluations.evaluate("controlled", set, "qa");
        assertThat(run.accuracy()).isEqualTo(0.75);
        assertThat(run.modelVersion()).isEqualTo("v-test");
        assertThat(run.details()).contains("TOXICITY 75.0% (3/4)");
        CriterionStatus accuracy = status(SuccessCriterion.MODEL_ACCURACY, null);
        assertThat(accuracy.value()).isCloseTo(75.0, within(1e-9));
        assertThat(accuracy.passing()).isFalse();
        assertThat(accuracy.meaning()).isEqualTo(EvaluationRun.MEANING);
    }

    @Test
    void only_the_qa_lead_or_an_admin_uploads_an_evaluation_set() {
        login("dev", Role.DEV_LEAD);
        assertThatThrownBy(() -> evaluations.evaluateCsv("x", new java.io.StringReader("text,TOXICITY\na,1\n")))
                .isInstanceOf(BusinessException.class)
                .hasMessage("Only the QA lead or an admin can run an evaluation");
    }

    @Test
    void the_cto_waives_a_failing_criterion_with_a_reason_and_the_gate_then_ignores_it() {
        long releaseId = 9001;
        assertThat(criteria.verdict(releaseId).reasons())
                .anySatisfy(r -> assertThat(r).contains("Auto-scaling working correctly"));
        login("cto", Role.CTO);
        criteria.waive(releaseId, SuccessCriterion.AUTO_SCALING, "single-node launch, scaling tested in Q1");
        assertThat(status(SuccessCriterion.AUTO_SCALING, releaseId).waiver().reason())
                .isEqualTo("single-node launch, scaling tested in Q1");
        assertThat(criteria.verdict(releaseId).reasons())
                .noneSatisfy(r -> assertThat(r).contains("Auto-scaling working correctly"));
        assertThat(events.stream(CriterionWaived.class)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("cto");
            assertThat(e.action()).isEqualTo("criterion.waived");
            assertThat(e.subject()).isEqualTo("release:9001/criterion:AUTO_SCALING");
        });
        criteria.revokeWaiver(releaseId, SuccessCriterion.AUTO_SCALING);
        assertThat(status(SuccessCriterion.AUTO_SCALING, releaseId).waiver()).isNull();
    }

    @Test
    void nobody_but_the_cto_waives_and_a_waiver_needs_a_reason() {
        login("ceo", Role.CEO, Role.ADMIN);
        assertThatThrownBy(() -> criteria.waive(1, SuccessCriterion.ERROR_RATE, "because"))
                .isInstanceOf(BusinessException.class).hasMessage("Only the CTO can waive a success criterion");
        login("cto", Role.CTO);
        assertThatThrownBy(() -> criteria.waive(1, SuccessCriterion.ERROR_RATE, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a waiver needs a written reason");
        assertThatThrownBy(() -> criteria.revokeWaiver(1, SuccessCriterion.ERROR_RATE))
                .hasMessage("There is no waiver of 'Error rate <0.1%' to revoke");
    }

    @Test
    void devops_records_manual_evidence_for_auto_scaling_only() {
        long releaseId = 9002;
        login("ops", Role.DEVOPS);
        assertThatThrownBy(() -> criteria.recordManualEvidence(releaseId, SuccessCriterion.ERROR_RATE,
                "https://x", "n", true)).hasMessage("'Error rate <0.1%' is measured automatically; manual evidence is"
                + " only for criteria that cannot be measured here");
        assertThatThrownBy(() -> criteria.recordManualEvidence(releaseId, SuccessCriterion.AUTO_SCALING,
                "ftp://x", "n", true)).hasMessage("the evidence link must start with http:// or https://");
        assertThatThrownBy(() -> criteria.recordManualEvidence(releaseId, SuccessCriterion.AUTO_SCALING,
                "https://wiki/scaling", " ", true)).hasMessage("manual evidence needs a note saying what was tested");
        criteria.recordManualEvidence(releaseId, SuccessCriterion.AUTO_SCALING, "https://wiki/scaling",
                "HPA scaled 2 to 6 pods under 3x load", true);
        CriterionStatus s = status(SuccessCriterion.AUTO_SCALING, releaseId);
        assertThat(s.passing()).isTrue();
        // The basis is stored in withdrawal reasons and exported in the release report: the same in every locale.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(status(SuccessCriterion.AUTO_SCALING, releaseId).basis())
                    .matches("confirmed by ops at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: https://wiki/scaling HPA scaled 2 "
                            + "to 6 pods under 3x load");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(s.basis()).isEqualTo(status(SuccessCriterion.AUTO_SCALING, releaseId).basis());
        assertThat(events.stream(ManualEvidenceRecorded.class)).hasSize(1);
        login("qa", Role.QA_LEAD);
        assertThatThrownBy(() -> criteria.recordManualEvidence(releaseId, SuccessCriterion.AUTO_SCALING,
                "https://x", "n", true)).hasMessage("Only DevOps can record manual evidence for Auto-scaling working"
                + " correctly");
    }

    @Test
    void a_failing_check_flags_its_done_item_as_regressed_and_a_passing_one_clears_it() {
        ReleaseView release = releases.createReleaseAsSystem("R", "1.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id(), "system:test");
        ItemView item = releases.findItemByKey(release.id(), "database-query-performance").orElseThrow();
        login("owner", item.owner());
        SWITCH.set(true);
        checks.run("switchable");
        ItemView done = checks.markDoneWithEvidence(item.id());
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.evidenceLink()).isEqualTo("/releases/" + release.id() + "/evidence");
        assertThat(done.evidenceSummary()).contains("PASS switchable").contains("by owner");

        SWITCH.set(false);
        CheckRun failed = checks.runAs(checks.checks().stream().filter(c -> c.name().equals("switchable"))
                .findFirst().orElseThrow(), ReadinessCheckService.SCHEDULER);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.triggeredBy()).isEqualTo(ReadinessCheckService.SCHEDULER);
        ItemView regressed = releaseItems.item(item.id());
        assertThat(regressed.regressed()).isTrue();
        assertThat(regressed.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThatThrownBy(() -> checks.markDoneWithEvidence(item.id())).isInstanceOf(BusinessException.class)
                .hasMessage("Check 'switchable' failed in its last run: broken");

        SWITCH.set(true);
        checks.run("switchable");
        assertThat(releaseItems.item(item.id()).regressed()).isFalse();
        assertThat(checks.history("switchable", 10)).hasSize(3);
    }

    @Test
    void every_check_and_criterion_is_bound_to_an_item_of_the_built_in_checklist() {
        ReleaseView release = releases.createReleaseAsSystem("Bound " + java.util.UUID.randomUUID(), "1.0",
                LocalDate.now(clock).plusDays(14), checklistTemplates.defaultTemplate().id(), "system:test");
        Set<String> keys = releases.items(release.id()).stream().map(ItemView::key)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(checks.checks()).hasSizeGreaterThan(10);
        checks.checks().forEach(c -> assertThat(keys).as(c.name()).containsAll(c.itemKeys()));
        assertThat(keys).containsAll(java.util.Arrays.stream(SuccessCriterion.values()).map(SuccessCriterion::itemKey)
                .toList());
        ReadinessCheck migrations = checks.checks().stream().filter(c -> c.name().equals("database-migrations"))
                .findFirst().orElseThrow();
        assertThat(checks.itemLabels(migrations, release.id())).containsExactly("Database migrations executed");
        assertThat(checks.itemLabels(migrations, null)).containsExactly("database-migrations");
    }

    @Test
    void a_reworded_item_keeps_its_readiness_check_and_its_success_criterion(
            @Autowired dev.safespeak.golive.ItemEvidenceProvider evidence) {
        login("admin", Role.ADMIN);
        String shipped = checklistTemplates.templateMarkdown(checklistTemplates.defaultTemplate().id());
        String reworded = shipped
                .replace("Database query performance optimized {#database-query-performance}",
                        "Slow queries tuned away {#database-query-performance}")
                .replace("API availability >99.9% {#availability-target}",
                        "The API answers at least 99.9% of the time {#availability-target}");
        assertThat(reworded).isNotEqualTo(shipped);
        long template = checklistTemplates.importTemplate("Reworded", reworded).id();
        ReleaseView release = releases.createReleaseAsSystem("Reworded " + java.util.UUID.randomUUID(), "1.0",
                LocalDate.now(clock).plusDays(14), template, "system:test");
        ItemView item = releases.findItemByKey(release.id(), "database-query-performance").orElseThrow();
        assertThat(item.text()).isEqualTo("Slow queries tuned away");
        assertThat(checks.checksFor(item)).containsExactly("switchable");

        login("owner", item.owner());
        SWITCH.set(true);
        checks.run("switchable");
        assertThat(checks.markDoneWithEvidence(item.id()).status()).isEqualTo(ItemStatus.DONE);
        SWITCH.set(false);
        checks.runAs(checks.checks().stream().filter(c -> c.name().equals("switchable")).findFirst().orElseThrow(),
                ReadinessCheckService.SCHEDULER);
        assertThat(releaseItems.item(item.id()).regressed()).isTrue();
        SWITCH.set(true);
        checks.run("switchable");
        assertThat(releaseItems.item(item.id()).regressed()).isFalse();
        assertThat(evidence.evidenceFor(item)).extracting(dev.safespeak.golive.ItemEvidence::label)
                .contains("switchable");

        ItemView availability = releases.findItemByKey(release.id(), "availability-target").orElseThrow();
        assertThat(availability.text()).isEqualTo("The API answers at least 99.9% of the time");
        assertThat(evidence.evidenceFor(availability)).extracting(dev.safespeak.golive.ItemEvidence::label)
                .contains(SuccessCriterion.AVAILABILITY.itemText());
    }

    @Test
    void a_later_failing_run_regresses_the_done_item_and_invalidates_the_sign_offs_that_depend_on_it(
            @Autowired SignOffService signOffs, @Autowired EventPublicationRegistry publications) {
        ReleaseView release = releases.createReleaseAsSystem("Regress", "1.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id(), "system:test");
        ItemView bound = releases.findItemByKey(release.id(), "database-query-performance").orElseThrow();
        SWITCH.set(true);
        login("owner", bound.owner());
        checks.runForItem(bound.id());
        checks.markDoneWithEvidence(bound.id());
        for (ItemView item : releases.requiredOpenItems(release.id())) {
            login("owner", item.owner());
            releaseItems.changeStatus(item.id(), ItemStatus.DONE, null);
        }
        // The item changes above invalidate sign-offs asynchronously; let them finish before anyone signs.
        await().atMost(Duration.ofSeconds(60)).until(() -> publications.findIncompletePublications().isEmpty());
        for (SignOffSlot slot : List.of(SignOffSlot.DEV_LEAD, SignOffSlot.DEVOPS)) {
            login(slot.name().toLowerCase(), slot.role());
            signOffs.signOff(release.id(), slot, "ok", dev.safespeak.signoff.SignOffTestConfig.PASSWORD);
        }
        assertThat(signOffs.chain(release.id()).subList(0, 2)).allSatisfy(s ->
                assertThat(s.status()).isEqualTo(SlotStatus.SIGNED));

        SWITCH.set(false);
        checks.runAs(checks.checks().stream().filter(c -> c.name().equals("switchable")).findFirst().orElseThrow(),
                ReadinessCheckService.SCHEDULER);

        assertThat(releaseItems.item(bound.id()).regressed()).isTrue();
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(signOffs.chain(release.id()).subList(0, 2)).allSatisfy(s ->
                        assertThat(s.status()).isEqualTo(SlotStatus.PENDING)));
        assertThat(signOffs.chain(release.id()).get(0).lastInvalidated()).hasValueSatisfying(r ->
                assertThat(r.invalidationReason()).contains("Database query performance optimized")
                        .contains("by system:evidence"));
        SWITCH.set(true);
    }

    @Test
    void the_demo_traffic_generator_is_off_outside_the_demo_profile(@Autowired DemoTrafficService demo) {
        assertThat(demo.running()).isFalse();
    }

    @Test
    void viewers_cannot_run_checks_and_unknown_checks_are_named() {
        login("v", Role.VIEWER);
        assertThatThrownBy(() -> checks.run("switchable")).hasMessage("Viewers can read check results but not run checks");
        login("d", Role.DEV_LEAD);
        assertThatThrownBy(() -> checks.run("nope")).hasMessage("There is no readiness check named 'nope'");
    }

    @Test
    void the_database_migration_check_passes_on_the_migrated_schema() {
        login("d", Role.DEV_LEAD);
        CheckRun run = checks.run("database-migrations");
        assertThat(run.passed()).isTrue();
        assertThat(run.details()).contains("pending []").contains("failed []");
    }

    @Test
    void the_language_check_passes_when_every_sample_language_is_detected_and_fails_otherwise() {
        login("d", Role.DEV_LEAD);
        AtomicBoolean right = new AtomicBoolean(true);
        List<String> codes = List.of("en", "de", "fr", "es");
        when(moderation.moderate(any(ModerationRequest.class))).thenAnswer(inv -> {
            ModerationRequest r = inv.getArgument(0);
            List<TextScore> scores = new ArrayList<>();
            for (int i = 0; i < r.texts().size(); i++) {
                String code = right.get() ? codes.get(i) : "en";
                scores.add(new TextScore(new DetectedLanguage(code, 0.9), Map.of(Attribute.TOXICITY, 0.1),
                        Map.of(Attribute.TOXICITY, false), Map.of(), List.of()));
            }
            return new ModerationResult("v1", scores);
        });
        assertThat(checks.run("language-detection").passed()).isTrue();
        right.set(false);
        CheckRun failed = checks.run("language-detection");
        assertThat(failed.passed()).isFalse();
        assertThat(failed.details()).contains("de detected as en");
    }

    @Test
    void the_gate_bean_reports_the_criteria_verdict_to_the_sign_off_chain(
            @Autowired List<dev.safespeak.signoff.ApprovalGate> gates) {
        dev.safespeak.signoff.ApprovalGate gate = gates.stream().filter(g -> g.name().equals("Success criteria"))
                .findFirst().orElseThrow();
        dev.safespeak.signoff.GateResult result = gate.evaluate(4242);
        assertThat(result.passing()).isFalse();
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("Model accuracy >95%"));
    }
}

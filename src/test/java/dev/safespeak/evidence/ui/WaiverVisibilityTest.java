package dev.safespeak.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.ReleaseReportService;
import dev.safespeak.audit.AuditService;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A CTO's waiver of a success criterion is audited, shown on the executive page and in the release report. */
class WaiverVisibilityTest extends KaribuTest {

    static final String REASON = "single-node launch; HPA scaling tested in staging on 2026-11-20";

    @Autowired
    ReleaseService board;

    @Autowired
    ChecklistTemplateService checklistTemplates;
    @Autowired
    SuccessCriteriaService criteria;
    @Autowired
    AuditService audit;
    @Autowired
    ReleaseReportService reports;

    long waivedRelease() {
        login("admin", Role.ADMIN);
        long release = board.createRelease("Waiver " + UUID.randomUUID(), "3.0", LocalDate.now().plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
        login("cto", Role.CTO);
        criteria.waive(release, SuccessCriterion.AUTO_SCALING, REASON);
        return release;
    }

    @Test
    void the_executive_page_shows_the_waived_criterion_with_who_and_why() {
        long release = waivedRelease();
        login("ceo", Role.CEO);
        UI.getCurrent().navigate("executive/" + release);
        assertThat(_get(Span.class, spec -> spec.withId("status-AUTO_SCALING")).getText()).isEqualTo("WAIVED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("waiver-AUTO_SCALING")).getText())
                .startsWith("Waived by cto at ").endsWith(": " + REASON);
        assertThat(_get(Span.class, spec -> spec.withId("status-ERROR_RATE")).getText()).isEqualTo("FAIL");
    }

    @Test
    void the_waiver_is_audited_and_appears_in_the_release_report_whose_approval_no_longer_names_it() {
        long release = waivedRelease();
        login("admin", Role.ADMIN);
        List<AuditEntry> waived = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> audit.trailOf(release).stream().filter(e -> e.action().equals("criterion.waived")).toList(),
                l -> !l.isEmpty());
        assertThat(waived).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("cto");
            assertThat(e.subject()).isEqualTo("release:" + release + "/criterion:AUTO_SCALING");
            assertThat(e.after()).isEqualTo("waived: " + REASON);
        });

        String report = reports.markdown(release);
        assertThat(report).contains("| cto | criterion.waived | release:" + release + "/criterion:AUTO_SCALING |"
                + " not waived | waived: " + REASON + " |");
        assertThat(report).contains("Success criterion 'Error rate &lt;0.1%' is not met")
                .doesNotContain("Success criterion 'Auto-scaling working correctly'");
    }
}

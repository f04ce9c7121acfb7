package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.ReleaseReportService;
import dev.safespeak.evidence.CriterionStatus;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.security.Role;
import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.SignOffPhase;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SignOffSlot;
import dev.safespeak.signoff.SlotStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 2's "done when", end to end in demo mode: each demo user signs in with the demo password, ticks the required
 * items their role owns on the demo release, and the release goes through technical, business and final sign-off
 * (each confirmed by the password), the CTO's waivers of the success criteria that have no live data here, and a
 * GO decision to "Approved for go-live", which is computed, never ticked. The report an auditor keeps then shows
 * every step in Markdown and JSON, and the audit chain verifies.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoWalkthroughTest {

    /** The demo users' password (application-demo.yml, UserBootstrap). */
    private static final String DEMO_PASSWORD = "demo";
    private static final String DEMO_RELEASE = "SafeSpeak 1.0";

    @Autowired
    ReleaseService board;

    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    SignOffService signOffs;
    @Autowired
    SuccessCriteriaService criteria;
    @Autowired
    ReleaseReportService reports;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signs in through the same user store and password check as the login form, and returns the username. */
    private String signInAs(Role role) {
        String username = role.name().toLowerCase(Locale.ROOT);
        DaoAuthenticationProvider login = new DaoAuthenticationProvider(userDetails);
        login.setPasswordEncoder(passwordEncoder);
        Authentication auth = login.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, DEMO_PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return username;
    }

    @Test
    void every_role_ticks_its_items_and_the_demo_release_is_approved_and_reported() throws Exception {
        assertThatThrownBy(() -> new DaoAuthenticationProvider(userDetails) {{ setPasswordEncoder(passwordEncoder); }}
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cto", "not the password")))
                .isInstanceOf(BadCredentialsException.class);

        signInAs(Role.VIEWER);
        ReleaseView release = board.releases().stream().filter(r -> r.name().equals(DEMO_RELEASE)).findFirst()
                .orElseThrow();
        long id = release.id();
        assertThat(board.summary(id).blocked()).as("the demo release starts with a blocker").isNotEmpty();
        assertThat(signOffs.approval(id).approved()).isFalse();

        // Each role signs in and closes the required items it owns; nobody touches another role's items.
        Set<Role> owners = board.requiredOpenItems(id).stream().map(ItemView::owner).collect(Collectors.toSet());
        List<String> ticked = new ArrayList<>();
        for (Role role : Role.values()) {
            if (!owners.contains(role)) {
                continue;
            }
            String username = signInAs(role);
            for (ItemView item : board.requiredOpenItems(id)) {
                if (item.owner() == role) {
                    assertThat(releaseItems.canChange(item)).isTrue();
                    releaseItems.changeStatus(item.id(), ItemStatus.DONE, null);
                    ticked.add(item.label() + " by " + username);
                }
            }
        }
        signInAs(Role.VIEWER);
        assertThat(board.requiredOpenItems(id)).isEmpty();
        assertThat(board.summary(id).requiredOpen()).isZero();
        assertThat(board.summary(id).blocked()).isEmpty();

        // A technical sign-off with a wrong password is refused; with the demo password it counts.
        signInAs(Role.DEV_LEAD);
        assertThatThrownBy(() -> signOffs.signOff(id, SignOffSlot.DEV_LEAD, "ok", "wrong password"))
                .hasMessageContaining("password");
        for (SignOffPhase phase : List.of(SignOffPhase.TECHNICAL, SignOffPhase.BUSINESS)) {
            for (SignOffSlot slot : SignOffSlot.of(phase)) {
                signInAs(slot.role());
                signOffs.signOff(id, slot, slot.displayName() + " signs off the demo release", DEMO_PASSWORD);
            }
        }

        // Final approval: CTO and CPO, then the CEO last.
        signInAs(Role.CTO);
        signOffs.signOff(id, SignOffSlot.CTO, "Technically ready", DEMO_PASSWORD);
        signInAs(Role.CPO);
        signOffs.signOff(id, SignOffSlot.CPO, "Product ready", DEMO_PASSWORD);
        signInAs(Role.CEO);
        signOffs.signOff(id, SignOffSlot.CEO, "Go ahead", DEMO_PASSWORD);

        // The chain is complete but the go/no-go meeting has not been held: not approved, and it says why.
        assertThat(signOffs.chain(id)).allSatisfy(s -> assertThat(s.status()).isEqualTo(SlotStatus.SIGNED));
        assertThat(signOffs.approval(id).approved()).isFalse();

        // GO, but the evidence gate holds the release: without live traffic the success criteria are not met.
        signInAs(Role.CTO);
        signOffs.recordGoNoGo(id, LocalDate.now(), "All eleven sign-off authorities", GoNoGo.GO,
                "Demo walkthrough");
        List<CriterionStatus> unmet = criteria.current(id).stream().filter(c -> !c.satisfied()).toList();
        assertThat(unmet).as("success criteria without live data").isNotEmpty();
        var held = signOffs.approval(id);
        assertThat(held.approved()).isFalse();
        assertThat(held.reasons()).hasSize(unmet.size()).allSatisfy(r -> assertThat(r)
                .startsWith("Success criteria: Success criterion '").endsWith("and not waived by the CTO"));

        // The real flow: the CTO waives each unmet criterion with a written reason; the gate stays on.
        for (CriterionStatus c : unmet) {
            criteria.waive(id, c.criterion(), "Demo: no production traffic yet, measured in the first week");
        }

        signInAs(Role.VIEWER);
        var approval = signOffs.approval(id);
        assertThat(approval.reasons()).isEmpty();
        assertThat(approval.approved()).isTrue();

        // The auditor's report, once the audit trail has caught up with the asynchronous events.
        signInAs(Role.LEGAL_COMPLIANCE);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> assertThat(
                reports.report(id).auditTrail()).extracting(AuditEntry::action).contains("release.approved"));
        var report = reports.report(id);
        assertThat(report.verification().intact()).isTrue();
        List<String> actions = report.auditTrail().stream().map(AuditEntry::action).toList();
        assertThat(actions.stream().filter("signoff.signed"::equals)).hasSize(SignOffSlot.values().length);
        assertThat(actions).contains("item.status-changed", "signoff.go-no-go-recorded", "release.approved");
        assertThat(actions.stream().filter("criterion.waived"::equals)).hasSize(unmet.size());
        assertThat(report.auditTrail().stream().filter(e -> e.action().equals("item.status-changed")).count())
                .isGreaterThanOrEqualTo(ticked.size());

        String markdown = reports.markdown(id);
        assertThat(markdown).contains("# Release report: " + DEMO_RELEASE, "**Approved for go-live**",
                "| GO |", "All eleven sign-off authorities", "Audit trail: ");
        for (SignOffSlot slot : SignOffSlot.values()) {
            assertThat(markdown).contains("| " + slot.displayName() + " | SIGNED | " + slot.role().name()
                    .toLowerCase(Locale.ROOT) + " |");
        }
        assertThat(markdown).doesNotContain("Not approved");

        JsonNode root = json.readTree(reports.json(id));
        assertThat(root.at("/approval/approved").asBoolean()).isTrue();
        assertThat(root.at("/auditVerification/intact").asBoolean()).isTrue();
        assertThat(root.at("/goNoGoDecisions/0/decision").asText()).isEqualTo("GO");
        assertThat(root.get("signOffChain")).hasSize(SignOffSlot.values().length)
                .allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("SIGNED"));
        assertThat(root.get("auditTrail").size()).isEqualTo(report.auditTrail().size());
        assertThat(root.get("checklist")).filteredOn(i -> i.get("requiredBeforeApproval").asBoolean())
                .allSatisfy(i -> assertThat(i.get("status").asText()).isIn("DONE", "NOT_APPLICABLE"));

        // The CTO takes one waiver back: the approval no longer holds, and the audit trail says so.
        signInAs(Role.CTO);
        criteria.revokeWaiver(id, unmet.get(0).criterion());
        assertThat(signOffs.approval(id).approved()).isFalse();
        signInAs(Role.LEGAL_COMPLIANCE);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> assertThat(
                reports.report(id).auditTrail()).extracting(AuditEntry::action)
                .contains("criterion.waiver-revoked", "release.approval-withdrawn"));
        assertThat(reports.report(id).verification().intact()).isTrue();
    }
}

package dev.safespeak.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.golive.ReleaseItemService.Follow;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.OnPostgres;
import dev.safespeak.golive.internal.RegressionSeenRepository;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The go-live service on every supported database: subclasses run it on H2 and on PostgreSQL. */
@RecordApplicationEvents
abstract class ReleaseServiceTest {

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    RegressionNoticeService notices;
    @Autowired
    RegressionSeenRepository seenRepository;

    static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(username, "n/a",
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static String seed() {
        try (InputStream in = ReleaseServiceTest.class.getResourceAsStream("/checklists/deployment-checklist.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> seedItemTexts() {
        List<String> texts = new ArrayList<>();
        for (String line : seed().split("\n")) {
            if (line.startsWith("- [ ] ") || line.startsWith("- [x] ")) {
                texts.add(line.substring(6).replaceFirst("\\s*\\{#[a-z0-9-]+}$", "").strip());
            }
        }
        return texts;
    }

    ReleaseView newRelease(LocalDate goLive) {
        signIn("admin", Role.ADMIN);
        try {
            return service.createRelease("Release " + UUID.randomUUID(), "1.0", goLive,
                    checklistTemplates.defaultTemplate().id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    ItemView item(long releaseId, String key) {
        return service.findItemByKey(releaseId, key).orElseThrow();
    }

    @Test
    void a_new_release_holds_every_item_of_the_seed() {
        ReleaseView release = newRelease(LocalDate.now(clock).plusDays(14));
        assertThat(service.items(release.id())).extracting(ItemView::text).containsExactlyElementsOf(seedItemTexts());
        assertThat(release.progress()).isEqualTo(new Progress(0, 126));
        assertThat(events.stream(ReleaseCreated.class)).singleElement()
                .satisfies(e -> assertThat(e.itemCount()).isEqualTo(126));
    }

    @Test
    void items_get_default_owners_windows_and_due_dates() {
        LocalDate goLive = LocalDate.of(2030, 6, 15);
        long id = newRelease(goLive).id();
        ItemView k8s = item(id, "kubernetes-cluster");
        assertThat(k8s.owner()).isEqualTo(Role.DEVOPS);
        assertThat(k8s.window()).isEqualTo(TimelineWindow.WEEK_MINUS_2);
        assertThat(k8s.dueDate()).isEqualTo(LocalDate.of(2030, 6, 7));
        assertThat(item(id, "vulnerability-scan").owner()).isEqualTo(Role.SECURITY_LEAD);
        assertThat(item(id, "vulnerability-scan").dueDate()).isEqualTo(LocalDate.of(2030, 6, 14));
        assertThat(item(id, "data-processing-agreements").owner()).isEqualTo(Role.LEGAL_COMPLIANCE);
        assertThat(item(id, "support-channels").owner()).isEqualTo(Role.CUSTOMER_SUCCESS_LEAD);
        assertThat(item(id, "production-deployment").dueDate()).isEqualTo(goLive);
        assertThat(item(id, "monitoring-team").dueDate()).isEqualTo(LocalDate.of(2030, 6, 22));
        assertThat(item(id, "signoff-ceo").owner()).isEqualTo(Role.CEO);
        assertThat(item(id, "signoff-qa-lead").owner()).isEqualTo(Role.QA_LEAD);
        assertThat(item(id, "signoff-legal-compliance").owner()).isEqualTo(Role.LEGAL_COMPLIANCE);
    }

    @Test
    void the_board_the_summary_and_the_stored_flags_follow_the_one_approval_requirement() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        List<ItemView> all = service.items(id);
        assertThat(all).allSatisfy(i -> assertThat(i.requiredBeforeApproval())
                .as(i.label()).isEqualTo(ApprovalRequirement.of(i.phase(), i.section(), i.key()).required()));
        List<ItemView> required = service.requiredOpenItems(id);
        assertThat(required).containsExactlyElementsOf(all.stream()
                .filter(i -> i.requirement() == ApprovalRequirement.REQUIRED_BEFORE_APPROVAL).toList());
        assertThat(service.summary(id).requiredOpen()).isEqualTo(required.size());
        assertThat(required).extracting(ItemView::section)
                .doesNotContain("Launch Execution", "Post-Launch Monitoring", "Technical Sign-Off");
        assertThat(required).extracting(ItemView::text).doesNotContain("Go/no-go decision meeting held");
        assertThat(service.board(id).phases()).flatExtracting(BoardView.Phase::sections)
                .filteredOn(s -> !s.requiredBeforeApproval())
                .extracting(BoardView.Section::name).containsExactly("Launch Execution", "Post-Launch Monitoring",
                        "Technical Sign-Off", "Business Sign-Off", "Final Approval");
    }

    @Test
    void closing_a_required_item_lowers_the_summary_and_a_sign_off_item_does_not() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        int before = service.summary(id).requiredOpen();
        ItemView k8s = item(id, "kubernetes-cluster");
        ItemView goNoGo = item(id, "go-no-go-meeting");
        signIn("owner", k8s.owner(), goNoGo.owner());
        releaseItems.changeStatus(k8s.id(), ItemStatus.DONE, null);
        // The go/no-go item is set by the sign-off module when a GO is recorded, never by hand.
        releaseItems.followSignOff(id, goNoGo.key(), () -> new Follow(ItemStatus.DONE, "GO recorded"), "ceo");
        assertThat(service.summary(id).requiredOpen()).isEqualTo(before - 1);
        assertThat(service.requiredOpenItems(id)).hasSize(before - 1);
    }

    @Test
    void the_owner_changes_the_status_and_it_is_recorded() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        ItemView k8s = item(id, "kubernetes-cluster");
        signIn("devops", Role.DEVOPS);
        ItemView done = releaseItems.changeStatus(k8s.id(), ItemStatus.DONE, null);
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.changedBy()).isEqualTo("devops");
        assertThat(done.changedAt()).isNotNull();
        assertThat(releaseItems.history(k8s.id())).singleElement().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("devops");
            assertThat(h.before()).isEqualTo("OPEN");
            assertThat(h.after()).isEqualTo("DONE");
        });
        assertThat(events.stream(ItemStatusChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(ItemStatus.OPEN);
            assertThat(e.to()).isEqualTo(ItemStatus.DONE);
            assertThat(e.actor()).isEqualTo("devops");
            assertThat(e.subject()).isEqualTo("release:" + id + "/item:" + k8s.id());
        });
        assertThat(service.board(id).phases().get(0).sections().get(0).progress()).isEqualTo(new Progress(1, 7));
    }

    @Test
    void blocked_and_not_applicable_need_a_reason() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("devops", Role.DEVOPS);
        assertThatThrownBy(() -> releaseItems.changeStatus(k8s, ItemStatus.BLOCKED, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reason is required to set an item to Blocked");
        assertThatThrownBy(() -> releaseItems.changeStatus(k8s, ItemStatus.NOT_APPLICABLE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reason is required to set an item to Not applicable");
        assertThat(releaseItems.changeStatus(k8s, ItemStatus.BLOCKED, "waiting for quota").reason())
                .isEqualTo("waiting for quota");
        assertThat(service.summary(id).blocked()).extracting(ItemView::id).containsExactly(k8s);
    }

    @Test
    void a_user_cannot_change_an_item_another_role_owns() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("qa_lead", Role.QA_LEAD);
        assertThatThrownBy(() -> releaseItems.changeStatus(k8s, ItemStatus.DONE, null))
                .isInstanceOf(BusinessException.class)
                .hasMessage("You cannot change the status of 'Kubernetes cluster configuration': it is owned by "
                        + "DevOps/Infrastructure Team and you hold QA/Test Engineering Lead")
                .extracting(e -> ((BusinessException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> releaseItems.setNote(k8s, "x")).hasMessageStartingWith("You cannot edit the note of");
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s, "https://ci.example/1", null))
                .hasMessageStartingWith("You cannot attach evidence to");
    }

    @Test
    void a_viewer_reads_but_cannot_change_or_comment() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("viewer", Role.VIEWER);
        assertThat(service.board(id).items()).hasSize(126);
        assertThatThrownBy(() -> releaseItems.changeStatus(k8s, ItemStatus.DONE, null))
                .hasMessageEndingWith("and you hold Viewer");
        assertThatThrownBy(() -> releaseItems.addComment(k8s, "hello"))
                .isInstanceOf(BusinessException.class)
                .hasMessage("Viewers can read the board but not comment");
    }

    @Test
    void changes_need_a_signed_in_user() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        assertThatThrownBy(() -> releaseItems.changeStatus(k8s, ItemStatus.DONE, null))
                .isInstanceOf(BusinessException.class).hasMessage("You are not signed in");
    }

    @Test
    void only_an_admin_creates_releases_imports_templates_and_reassigns() {
        String notAdmin = "This needs the role Administrator; you hold Chief Technology Officer, "
                + "DevOps/Infrastructure Team";
        long templateId = checklistTemplates.defaultTemplate().id();
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("devops", Role.DEVOPS, Role.CTO);
        assertThatThrownBy(() -> service.createRelease("X", "1", LocalDate.now(clock), templateId))
                .isInstanceOf(BusinessException.class).hasMessage(notAdmin);
        assertThatThrownBy(() -> checklistTemplates.importTemplate("T", "## P\n### S\n- [ ] a\n"))
                .hasMessage(notAdmin);
        assertThatThrownBy(() -> releaseItems.reassign(k8s, Role.QA_LEAD))
                .hasMessage(notAdmin);

        signIn("admin", Role.ADMIN);
        ItemView moved = releaseItems.reassign(k8s, Role.QA_LEAD);
        assertThat(moved.owner()).isEqualTo(Role.QA_LEAD);
        assertThat(events.stream(ItemChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ItemChangeKind.OWNER);
            assertThat(e.before()).isEqualTo("DEVOPS");
            assertThat(e.after()).isEqualTo("QA_LEAD");
        });
        signIn("qa_lead", Role.QA_LEAD);
        assertThat(releaseItems.changeStatus(k8s, ItemStatus.DONE, null).status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void a_release_name_and_version_are_unique_and_validated() {
        long templateId = checklistTemplates.defaultTemplate().id();
        signIn("admin", Role.ADMIN);
        String name = "Dup " + UUID.randomUUID();
        service.createRelease(name, "2.0", LocalDate.now(clock), templateId);
        assertThatThrownBy(() -> service.createRelease(name, "2.0", LocalDate.now(clock), templateId))
                .isInstanceOf(BusinessException.class)
                .hasMessage("A release '" + name + "' version 2.0 already exists");
        assertThatThrownBy(() -> service.createRelease(" ", "2.0", LocalDate.now(clock), templateId))
                .hasMessage("release name is empty");
        assertThatThrownBy(() -> service.createRelease("Y", "2.0", null, templateId))
                .hasMessage("go-live date is missing");
        assertThatThrownBy(() -> service.createRelease("Y", "2.0", LocalDate.now(clock), 999_999))
                .hasMessage("Checklist template 999999 does not exist");
        assertThatThrownBy(() -> service.release(999_999)).hasMessage("Release 999999 does not exist");
        assertThatThrownBy(() -> releaseItems.item(999_999)).hasMessage("Checklist item 999999 does not exist");
    }

    @Test
    void items_past_their_due_date_are_overdue_until_closed() {
        long id = newRelease(LocalDate.now(clock)).id();
        ItemView k8s = item(id, "kubernetes-cluster");
        assertThat(k8s.overdue()).isTrue();
        assertThat(item(id, "production-deployment").overdue()).isFalse();
        signIn("devops", Role.DEVOPS);
        assertThat(releaseItems.changeStatus(k8s.id(), ItemStatus.NOT_APPLICABLE, "managed service").overdue()).isFalse();
        // On go-live day every Week -2 and Week -1 item is overdue (82), less the one just closed.
        assertThat(service.summary(id).overdue()).hasSize(81);
    }

    @Test
    void a_regression_sets_a_done_item_back_to_in_progress() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long api = item(id, "api-endpoint-validation").id();
        signIn("qa_lead", Role.QA_LEAD);
        releaseItems.changeStatus(api, ItemStatus.DONE, null);
        SecurityContextHolder.clearContext();
        ItemView regressed = releaseItems.markRegressed(api, "API probe failing: 503");
        assertThat(regressed.regressed()).isTrue();
        assertThat(regressed.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(regressed.changedBy()).isEqualTo(ReleaseService.SYSTEM_EVIDENCE);
        assertThat(events.stream(ItemChanged.class)).extracting(ItemChanged::kind)
                .containsExactly(ItemChangeKind.REGRESSED);
        assertThat(events.stream(ItemStatusChanged.class)).extracting(ItemStatusChanged::to)
                .containsExactly(ItemStatus.DONE, ItemStatus.IN_PROGRESS);
        assertThat(service.summary(id).regressed()).extracting(ItemView::id).containsExactly(api);
        assertThat(releaseItems.clearRegressed(api, "API probe passing").regressed()).isFalse();
        assertThatThrownBy(() -> releaseItems.markRegressed(api, "")).hasMessage("regression reason is empty");
    }

    @Test
    void notes_evidence_and_comments_are_kept_with_history() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("devops", Role.DEVOPS);
        releaseItems.setNote(k8s, "three node pools");
        releaseItems.attachEvidence(k8s, "https://ci.example/run/42", "terraform apply log");
        signIn("qa_lead", Role.QA_LEAD);
        releaseItems.addComment(k8s, "Looks good to me");
        ItemView item = releaseItems.item(k8s);
        assertThat(item.note()).isEqualTo("three node pools");
        assertThat(item.evidenceLink()).isEqualTo("https://ci.example/run/42");
        assertThat(item.evidenceSummary()).isEqualTo("terraform apply log");
        assertThat(item.commentCount()).isEqualTo(1);
        assertThat(releaseItems.comments(k8s)).extracting(CommentView::author, CommentView::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("qa_lead", "Looks good to me"));
        assertThat(releaseItems.history(k8s)).extracting(HistoryEntry::action)
                .containsExactly("item.note-changed", "item.evidence-attached", "item.commented");
        assertThat(events.stream(ItemChanged.class)).extracting(ItemChanged::kind)
                .containsExactly(ItemChangeKind.NOTE, ItemChangeKind.EVIDENCE, ItemChangeKind.COMMENT);
    }

    @Test
    void evidence_links_must_be_web_urls_or_paths() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        signIn("devops", Role.DEVOPS);
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s, "javascript:alert(1)", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidence link must be an http(s) URL or a path starting with '/', got 'javascript:alert(1)'");
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s, "", null)).hasMessage("evidence link is empty");
        // Relative to the scheme only: a browser opens these on another host.
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s, "//evil.example.com/x", null))
                .hasMessage("evidence link must be an http(s) URL or a path starting with '/', got "
                        + "'//evil.example.com/x'");
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s, "/\\evil.example.com/x", null))
                .hasMessage("evidence link is not a valid URL: '/\\evil.example.com/x'");
        assertThat(releaseItems.attachEvidence(k8s, "/evidence/7", null).evidenceLink()).isEqualTo("/evidence/7");
    }

    @Test
    void an_export_ticks_done_items_and_imports_again() {
        long id = newRelease(LocalDate.of(2030, 6, 15)).id();
        long k8s = item(id, "kubernetes-cluster").id();
        long cdn = item(id, "cdn-configuration").id();
        signIn("devops", Role.DEVOPS);
        releaseItems.changeStatus(k8s, ItemStatus.DONE, null);
        releaseItems.changeStatus(cdn, ItemStatus.BLOCKED, "vendor contract");
        String markdown = service.exportMarkdown(id);
        assertThat(markdown).startsWith("# SafeSpeak Production Deployment Checklist\n")
                .contains("### ✅ Infrastructure Provisioning\n")
                .contains("- [x] Kubernetes cluster configuration {#kubernetes-cluster}\n")
                .contains("- [ ] CDN configuration for global distribution {#cdn-configuration} — _Blocked: vendor "
                        + "contract_\n")
                .contains("### Week -2: Pre-Deployment\n\n- Infrastructure provisioning\n")
                .contains("_Deployment Date: 2030-06-15_");
        signIn("admin", Role.ADMIN);
        TemplateView again = checklistTemplates.importTemplate("Exported", markdown);
        assertThat(again.itemCount()).isEqualTo(126);
        assertThat(again.builtIn()).isFalse();
        long copy = service.createRelease("Copy " + UUID.randomUUID(), "1", LocalDate.now(clock), again.id()).id();
        assertThat(service.items(copy)).extracting(ItemView::text).containsExactlyElementsOf(seedItemTexts());
        assertThat(service.items(copy)).extracting(ItemView::key)
                .containsExactlyElementsOf(service.items(id).stream().map(ItemView::key).toList());
        assertThat(item(copy, "cdn-configuration").text()).isEqualTo("CDN configuration for global distribution");
    }

    @Test
    void reworded_items_keep_their_key_and_with_it_their_owner_and_approval_rule() {
        signIn("admin", Role.ADMIN);
        String reworded = seed()
                .replace("API documentation published and accessible {#api-docs}", "Public API reference online {#api-docs}")
                .replace("Go/no-go decision meeting held {#go-no-go-meeting}", "Launch meeting decided GO {#go-no-go-meeting}")
                .replace("Chief Executive Officer {#signoff-ceo}", "CEO signature {#signoff-ceo}");
        assertThat(reworded).isNotEqualTo(seed());
        TemplateView template = checklistTemplates.importTemplate("Reworded", reworded);
        long id = service.createRelease("Reworded " + UUID.randomUUID(), "1", LocalDate.of(2030, 6, 15),
                template.id()).id();
        ItemView docs = item(id, "api-docs");
        assertThat(docs.text()).isEqualTo("Public API reference online");
        // its section's owner would be the Customer Success Lead; the key keeps the Development Team Lead
        assertThat(docs.section()).isEqualTo("Documentation & Training");
        assertThat(docs.owner()).isEqualTo(Role.DEV_LEAD);
        ItemView goNoGo = item(id, "go-no-go-meeting");
        assertThat(goNoGo.text()).isEqualTo("Launch meeting decided GO");
        assertThat(goNoGo.owner()).isEqualTo(Role.PRODUCT_MANAGEMENT);
        assertThat(goNoGo.requiredBeforeApproval()).isFalse();
        assertThat(goNoGo.requirement()).isEqualTo(ApprovalRequirement.RECORDED_BY_SIGN_OFF);
        assertThat(item(id, "signoff-ceo").owner()).isEqualTo(Role.CEO);
        assertThat(service.findItemByKey(id, "API documentation published and accessible")).isEmpty();
    }

    @Test
    void an_import_without_keys_gets_derived_keys_that_stay_when_the_wording_changes() {
        signIn("admin", Role.ADMIN);
        TemplateView template = checklistTemplates.importTemplate("No keys", """
                # Small
                ## Pre-Deployment
                ### Infrastructure Provisioning
                - [ ] Servers racked
                - [ ] Servers: racked!
                - [ ] Keyed one {#keyed}
                """);
        assertThat(checklistTemplates.templateMarkdown(template.id())).contains("- [ ] Servers racked {#servers-racked}\n")
                .contains("- [ ] Servers: racked! {#servers-racked-2}\n").contains("- [ ] Keyed one {#keyed}\n");
        long id = service.createRelease("Keys " + UUID.randomUUID(), "1", LocalDate.now(clock), template.id()).id();
        assertThat(service.items(id)).extracting(ItemView::key)
                .containsExactly("servers-racked", "servers-racked-2", "keyed");
        String export = service.exportMarkdown(id).replace("Servers racked {#", "Servers mounted in rack {#");
        long again = service.createRelease("Keys again " + UUID.randomUUID(), "1", LocalDate.now(clock),
                checklistTemplates.importTemplate("Edited", export).id()).id();
        assertThat(item(again, "servers-racked").text()).isEqualTo("Servers mounted in rack");
    }

    @Test
    void an_import_with_a_duplicate_or_malformed_key_is_refused_and_stores_nothing() {
        signIn("admin", Role.ADMIN);
        int before = checklistTemplates.templates().size();
        assertThatThrownBy(() -> checklistTemplates.importTemplate("Dup", "## P\n### S\n- [ ] a {#k}\n### T\n- [ ] b {#k}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 5: duplicate item key '{#k}' (first on line 3); every item needs its own key");
        assertThatThrownBy(() -> checklistTemplates.importTemplate("Bad", "## P\n### S\n- [ ] a {#Load_Test}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3: malformed item key '{#Load_Test}'");
        assertThat(checklistTemplates.templates()).hasSize(before);
    }

    @Test
    void a_malformed_import_names_the_line() {
        signIn("admin", Role.ADMIN);
        assertThatThrownBy(() -> checklistTemplates.importTemplate("Broken", "# T\n\n## P\n- [ ] orphan\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 4: item before any section ('### ...')");
        assertThatThrownBy(() -> checklistTemplates.importTemplate(" ", "## P\n### S\n- [ ] a\n"))
                .hasMessage("template name is empty");
    }

    @Test
    void an_imported_template_with_unknown_sections_falls_back_to_the_configured_owner() {
        signIn("admin", Role.ADMIN);
        TemplateView template = checklistTemplates.importTemplate("Small", """
                # Small release
                ## Pre-Deployment
                ### Infrastructure Provisioning
                - [ ] Servers
                ### Catering
                - [ ] Cake
                """);
        assertThat(template.itemCount()).isEqualTo(2);
        assertThat(events.stream(TemplateImported.class)).hasSize(1);
        long id = service.createRelease("Small " + UUID.randomUUID(), "1", LocalDate.now(clock), template.id()).id();
        assertThat(item(id, "servers").owner()).isEqualTo(Role.DEVOPS);
        assertThat(item(id, "cake").owner()).isEqualTo(Role.ADMIN);
        assertThat(checklistTemplates.templates()).extracting(TemplateView::name).contains("Small");
    }

    @Test
    void the_item_key_back_fill_runs_among_the_application_s_migrations(@Autowired org.flywaydb.core.Flyway flyway) {
        // (on PostgreSQL the schema's creation is an applied entry without a version)
        assertThat(Arrays.stream(flyway.info().applied()).filter(i -> i.getVersion() != null)
                .map(i -> i.getVersion().getVersion()))
                .contains("16.1", "16.2", "16.3");
    }

    @Test
    void items_are_found_by_key_only() {
        long id = newRelease(LocalDate.now(clock).plusDays(14)).id();
        assertThat(service.findItemByKey(id, "vulnerability-scan")).hasValueSatisfying(i ->
                assertThat(i.text()).isEqualTo("Vulnerability scanning completed"));
        assertThat(service.findItemByKey(id, "Vulnerability scanning completed")).isEmpty();
        assertThat(service.findItemByKey(id, "no-such-item")).isEmpty();
        assertThat(service.findItemByKey(id, null)).isEmpty();
        assertThat(service.items(id)).extracting(ItemView::key).doesNotHaveDuplicates().hasSize(126)
                .allMatch(k -> k.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThatThrownBy(() -> service.findItemByKey(999_999, "load-test"))
                .hasMessage("Release 999999 does not exist");
    }

    @Test
    void a_regression_is_a_notice_for_every_user_of_the_owning_role_until_that_user_has_seen_it() {
        ReleaseView release = newRelease(LocalDate.now(clock).plusDays(14));
        ItemView item = item(release.id(), "load-test");
        Role other = item.owner() == Role.DEVOPS ? Role.QA_LEAD : Role.DEVOPS;
        String reason = "Readiness check 'load-test' failed: p95 2400 ms";
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        signIn(first, item.owner());
        notices.markSeen(notices.unseen().stream().map(n -> n.item().id()).toList());
        signIn(second, item.owner());
        notices.markSeen(notices.unseen().stream().map(n -> n.item().id()).toList());

        releaseItems.markRegressed(item.id(), reason);

        signIn(first, item.owner());
        assertThat(notices.unseen()).singleElement().satisfies(n -> {
            assertThat(n.item().id()).isEqualTo(item.id());
            assertThat(n.item().regressed()).isTrue();
            assertThat(n.releaseName()).isEqualTo(release.name() + " 1.0");
            assertThat(n.reason()).isEqualTo(reason);
        });
        signIn("someone-" + UUID.randomUUID(), other);
        assertThat(notices.unseen()).noneMatch(n -> n.item().id() == item.id());

        signIn(first, item.owner());
        notices.markSeen(item.id());
        assertThat(notices.unseen()).isEmpty();
        signIn(second, item.owner());
        assertThat(notices.unseen()).as("seen by one user, not by the other").extracting(n -> n.item().id())
                .containsExactly(item.id());

        // Passing again, then failing again: a new regression is a new notice, also for the user who saw the first.
        releaseItems.clearRegressed(item.id(), "passes again");
        releaseItems.markRegressed(item.id(), reason);
        signIn(first, item.owner());
        assertThat(notices.unseen()).extracting(n -> n.item().id()).containsExactly(item.id());
    }

    @Test
    void opening_an_item_that_never_regressed_stores_nothing_and_nobody_signed_in_sees_nothing() {
        ReleaseView release = newRelease(LocalDate.now(clock).plusDays(14));
        ItemView item = item(release.id(), "kubernetes-cluster");
        long before = seenRepository.count();
        signIn("devops-" + UUID.randomUUID(), Role.DEVOPS);
        notices.markSeen(item.id());
        assertThat(seenRepository.count()).isEqualTo(before);

        releaseItems.markRegressed(item.id(), "Readiness check 'x' failed");
        SecurityContextHolder.clearContext();
        assertThat(notices.unseen()).isEmpty();
        notices.markSeen(item.id());
        assertThat(seenRepository.count()).isEqualTo(before);
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends ReleaseServiceTest {
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends ReleaseServiceTest {
    }
}

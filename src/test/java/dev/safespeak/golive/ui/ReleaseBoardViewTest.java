package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.safespeak.golive.ui.BoardRows.badge;
import static dev.safespeak.golive.ui.BoardRows.cells;
import static dev.safespeak.golive.ui.BoardRows.clickDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.PropertyChangeDeniedException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ReleaseBoardViewTest extends KaribuTest {

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    Clock clock;
    @Autowired
    BoardBroadcaster broadcaster;

    long newRelease(LocalDate goLive) {
        login("admin", Role.ADMIN);
        return service.createRelease("Board " + UUID.randomUUID(), "1.0", goLive, checklistTemplates.defaultTemplate().id()).id();
    }

    long item(long releaseId, String key) {
        return service.findItemByKey(releaseId, key).orElseThrow().id();
    }

    ReleaseBoardView open(long releaseId) {
        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(releaseId)));
        return _get(ReleaseBoardView.class);
    }

    @Test
    void the_board_shows_every_item_with_progress_per_section_phase_and_release() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(id);
        assertThat(board.rows).hasSize(126);
        assertThat(board.phaseBars).hasSize(7);
        assertThat(board.sectionBars).hasSize(23);
        assertThat(board.releaseBar.getValue()).isZero();
        assertThat(board.releaseProgress.getText()).isEqualTo("0/126 done (0%)");
    }

    @Test
    void the_owner_changes_a_status_inline_and_the_progress_bars_follow() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(k8s);
        assertThat(row.status.isEnabled()).isTrue();
        _setValue(row.status, ItemStatus.DONE);
        assertThat(releaseItems.item(k8s).status()).isEqualTo(ItemStatus.DONE);
        assertThat(releaseItems.item(k8s).changedBy()).isEqualTo("devops");
        assertThat(board.rows.get(k8s).status.getValue()).isEqualTo(ItemStatus.DONE);
        assertThat(board.sectionBars.get("Infrastructure Provisioning").getValue()).isEqualTo(1.0 / 7);
        assertThat(board.releaseProgress.getText()).isEqualTo("1/126 done (0%)");
    }

    @Test
    void items_a_user_cannot_change_show_their_status_as_a_coloured_badge() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        releaseItems.changeStatus(k8s, ItemStatus.DONE, null);
        login("qa", Role.QA_LEAD);
        ReleaseBoardView board = open(id);

        ItemRow row = board.rows.get(k8s);
        assertThat(row.status).as("no select for an item the user cannot change").isNull();
        assertThat(badge(row).text()).isEqualTo("Done");
        assertThat(badge(row).classNames()).contains("board-item-status", "status-done")
                .doesNotContain("status-open");
        assertThat(badge(row).attr("title")).endsWith(": Done");
        assertThat(badge(row).hasAttr("role")).as("no live region per row").isFalse();
        assertThat(ItemRow.statusClass(ItemStatus.NOT_APPLICABLE)).isEqualTo("status-not-applicable");
    }

    @Test
    void a_change_made_elsewhere_replaces_only_its_row_and_updates_the_progress() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        long cloud = item(id, "cloud-environment");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow k8sBefore = board.rows.get(k8s);
        ItemRow cloudBefore = board.rows.get(cloud);
        var section = k8sBefore.getParent().orElseThrow();
        int position = section.getElement().indexOfChild(k8sBefore.getElement());

        releaseItems.changeStatus(k8s, ItemStatus.DONE, null);
        board.refresh();

        ItemRow k8sAfter = board.rows.get(k8s);
        assertThat(k8sAfter).isNotSameAs(k8sBefore);
        assertThat(k8sAfter.status.getValue()).isEqualTo(ItemStatus.DONE);
        assertThat(k8sBefore.getParent()).isEmpty();
        assertThat(section.getElement().getChild(position)).isEqualTo(k8sAfter.getElement());
        assertThat(board.rows.get(cloud)).isSameAs(cloudBefore);
        assertThat(board.rows).hasSize(126);
        assertThat(board.sectionBars.get("Infrastructure Provisioning").getValue()).isEqualTo(1.0 / 7);
        assertThat(board.releaseProgress.getText()).isEqualTo("1/126 done (0%)");
    }

    @Test
    void a_row_shows_its_text_badges_owner_and_due_date_with_typed_text_escaped() {
        long id = newRelease(LocalDate.now(clock));
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        releaseItems.changeStatus(cdn, ItemStatus.BLOCKED, "<img src=x onerror=alert(1)> & \"vendor\"");
        releaseItems.addComment(cdn, "asked them");
        releaseItems.attachEvidence(cdn, "https://ci.example/run/42", "contract");
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(id);
        ItemView item = releaseItems.item(cdn);
        assertThat(item.overdue()).as("due before a go-live of today").isTrue();

        Element cells = cells(board.rows.get(cdn));
        assertThat(cells.select("img, script")).as("typed text stays text").isEmpty();
        assertThat(cells.selectFirst(".board-item-label").text()).isEqualTo(item.text());
        assertThat(cells.select(".board-item-text > [theme~=badge]")).extracting(Element::text, e -> e.attr("theme"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("— <img src=x onerror=alert(1)> & \"vendor\"",
                                "badge contrast"),
                        org.assertj.core.groups.Tuple.tuple("Blocked", "badge error"),
                        org.assertj.core.groups.Tuple.tuple("Overdue", "badge error"),
                        org.assertj.core.groups.Tuple.tuple("1 comment", "badge contrast"),
                        org.assertj.core.groups.Tuple.tuple("Evidence", "badge success"));
        assertThat(cells.selectFirst(".board-item-owner").text()).isEqualTo(Role.DEVOPS.displayName());
        assertThat(cells.selectFirst(".board-item-due").text()).isEqualTo("due " + item.dueDate());
        assertThat(badge(board.rows.get(cdn)).attr("title")).isEqualTo("Status of " + item.text() + ": Blocked");
        assertThat(cells.selectFirst("button.board-item-details").attr("data-item")).isEqualTo(String.valueOf(cdn));
    }

    @Test
    void a_row_the_user_may_change_has_a_labelled_select_and_no_badge() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(k8s);
        assertThat(row.status.getAriaLabel()).contains("Status of " + row.item.text());
        assertThat(row.status.getClassNames()).contains("board-item-status", "status-open");
        assertThat(badge(row)).isNull();
        assertThat(cells(row).selectFirst(".board-item-label").text()).isEqualTo(row.item.text());
    }

    @Test
    void a_row_replaced_by_a_pushed_change_still_opens_its_detail_and_asks_for_a_reason() throws InterruptedException {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow before = board.rows.get(cdn);

        changeInAnotherSession(cdn, ItemStatus.IN_PROGRESS);
        MockVaadin.clientRoundtrip();

        ItemRow after = board.rows.get(cdn);
        assertThat(after).isNotSameAs(before);
        assertThat(after.status.getValue()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(after.status.getClassNames()).contains("status-in-progress");
        clickDetails(board, cdn);
        assertThat(board.detail.isOpened()).isTrue();
        assertThat(board.detail.itemId()).isEqualTo(cdn);
        board.detail.close();

        _setValue(after.status, ItemStatus.BLOCKED);
        assertThat(after.reasonDialog.isOpened()).isTrue();
        _setValue(after.reason, "vendor contract");
        _click(after.reasonConfirm);
        assertThat(releaseItems.item(cdn).status()).isEqualTo(ItemStatus.BLOCKED);
        assertThat(board.rows.get(cdn).status.getValue()).isEqualTo(ItemStatus.BLOCKED);
        assertThat(cells(board.rows.get(cdn)).select("[theme~=badge]")).extracting(Element::text)
                .contains("— vendor contract", "Blocked");
    }

    @Test
    void the_status_select_offers_every_status_and_shows_the_items_status_for_a_value_that_names_none()
            throws PropertyChangeDeniedException {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(k8s);
        elemental.json.JsonArray items = (elemental.json.JsonArray) row.status.getElement().getPropertyRaw("items");
        List<String> offered = new java.util.ArrayList<>();
        for (int i = 0; i < items.length(); i++) {
            elemental.json.JsonObject option = items.getObject(i);
            offered.add(option.getString("value") + "=" + option.getString("label"));
        }
        assertThat(offered).containsExactly("OPEN=Open", "IN_PROGRESS=In progress", "DONE=Done", "BLOCKED=Blocked",
                "NOT_APPLICABLE=Not applicable");
        assertThat(row.status.getElement().getProperty("value")).isEqualTo("OPEN");

        // What the browser sends, through Flow's path for client updates: a value that names no status changes
        // nothing, and the select shows the item's status again instead of a blank.
        fromClient(row.status.getElement(), "value", "FINISHED");
        assertThat(row.status.getValue()).isEqualTo(ItemStatus.OPEN);
        assertThat(row.status.getElement().getProperty("value")).isEqualTo("OPEN");
        assertThat(releaseItems.item(k8s).status()).isEqualTo(ItemStatus.OPEN);
        fromClient(row.status.getElement(), "value", "IN_PROGRESS");
        assertThat(releaseItems.item(k8s).status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(board.rows.get(k8s).status.getValue()).isEqualTo(ItemStatus.IN_PROGRESS);
    }

    @Test
    void the_client_may_not_change_the_status_options_or_a_rows_html() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow owned = board.rows.get(k8s);
        ItemRow notOwned = board.rows.values().stream().filter(r -> r.status == null).findFirst().orElseThrow();
        String options = ((elemental.json.JsonValue) owned.status.getElement().getPropertyRaw("items")).toJson();
        String forged = "<button class=\"board-item-details\" data-item=\"1\">Details</button>";

        assertThatThrownBy(() -> fromClient(owned.status.getElement(), "items", "[]"))
                .isInstanceOf(PropertyChangeDeniedException.class).hasMessageContaining("'items'");
        assertThat(((elemental.json.JsonValue) owned.status.getElement().getPropertyRaw("items")).toJson())
                .isEqualTo(options);
        for (ItemRow row : List.of(owned, notOwned)) {
            String html = row.cells.getProperty("innerHTML");
            assertThatThrownBy(() -> fromClient(row.cells, "innerHTML", forged)).as(row.item.text())
                    .isInstanceOf(PropertyChangeDeniedException.class).hasMessageContaining("'innerHTML'");
            assertThat(row.cells.getProperty("innerHTML")).isEqualTo(html);
        }
    }

    @Test
    void a_details_click_after_the_release_is_gone_opens_nothing() throws ReflectiveOperationException {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        assertThat(board.rows).containsKey(k8s);

        // The release is gone when the board next reloads (a push, a closed dialog). No service deletes a release, so
        // the board is pointed at a missing id, which the service refuses the same way.
        java.lang.reflect.Field releaseId = ReleaseBoardView.class.getDeclaredField("releaseId");
        releaseId.setAccessible(true);
        releaseId.setLong(board, 987_654);
        board.refresh();
        assertThat(board.title.getText()).isEqualTo("Release not found");
        assertThat(board.rows).isEmpty();
        assertThat(board.phaseBars).isEmpty();
        assertThat(board.sectionBars).isEmpty();
        BoardRows.sendDetailsClick(board, String.valueOf(k8s));
        assertThat(board.detail).isNull();
    }

    /** A property change as the browser sends it: through the client-update path, which may refuse it. */
    private static void fromClient(com.vaadin.flow.dom.Element element, String property, java.io.Serializable value)
            throws PropertyChangeDeniedException {
        element.getNode().getFeature(ElementPropertyMap.class).deferredUpdateFromClient(property, value).run();
    }

    @Test
    void a_details_click_for_an_item_the_board_does_not_show_opens_nothing() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        long other = item(newRelease(LocalDate.now(clock).plusDays(14)), "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        _setValue(board.status, ItemStatus.DONE);
        assertThat(board.rows).doesNotContainKey(k8s);

        for (String sent : List.of(String.valueOf(k8s), String.valueOf(other), "abc", "")) {
            BoardRows.sendDetailsClick(board, sent);
            assertThat(board.detail).as("sent '%s'", sent).isNull();
        }
    }

    @Test
    void a_change_that_takes_an_item_out_of_the_filter_redraws_the_board_without_it() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        _setValue(board.status, ItemStatus.OPEN);
        assertThat(board.rows).containsKey(k8s).hasSize(126);
        releaseItems.changeStatus(k8s, ItemStatus.DONE, null);
        board.refresh();
        assertThat(board.rows).doesNotContainKey(k8s).hasSize(125);
    }

    @Test
    void only_the_rows_the_user_owns_are_enabled() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(id);
        for (ItemRow row : board.rows.values()) {
            // The sign-off items the QA lead owns follow the sign-off chain: a badge for them too.
            boolean owned = row.item.owner() == Role.QA_LEAD && row.item.statusFollows().isEmpty();
            assertThat(row.status != null && row.status.isEnabled()).as(row.item.text()).isEqualTo(owned);
            assertThat(badge(row) != null).as(row.item.text()).isEqualTo(!owned);
        }
    }

    @Test
    void a_viewer_cannot_change_any_item() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("viewer", Role.VIEWER);
        ReleaseBoardView board = open(id);
        assertThat(board.rows.values()).allSatisfy(row -> {
            assertThat(row.status).isNull();
            assertThat(badge(row).text()).isEqualTo(row.item.status().label());
        });
        assertThat(releaseItems.item(k8s).status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void leaving_the_board_closes_its_item_dialog() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        assertThat(board.detail.isOpened()).isTrue();

        UI.getCurrent().navigate(ReleasesView.class);

        assertThat(board.detail.isOpened()).isFalse();
    }

    @Test
    void blocking_an_item_asks_for_the_reason() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(cdn);
        _setValue(row.status, ItemStatus.BLOCKED);
        assertThat(row.reasonDialog.isOpened()).isTrue();
        _click(row.reasonConfirm);
        // An empty reason is refused inside the dialog, next to the field; nothing reaches the server.
        assertThat(row.reasonDialog.isOpened()).isTrue();
        assertThat(row.reason.isInvalid()).isTrue();
        assertThat(row.reason.getErrorMessage()).isEqualTo("Say why the item is blocked");
        assertThat(releaseItems.item(cdn).status()).isEqualTo(ItemStatus.OPEN);
        _click(row.reasonCancel);
        assertThat(row.reasonDialog.isOpened()).isFalse();
        assertThat(board.rows.get(cdn).status.getValue()).as("the select shows the server's status again")
                .isEqualTo(ItemStatus.OPEN);

        ItemRow again = board.rows.get(cdn);
        _setValue(again.status, ItemStatus.BLOCKED);
        _setValue(again.reason, "vendor contract");
        _click(again.reasonConfirm);
        ItemView blocked = releaseItems.item(cdn);
        assertThat(blocked.status()).isEqualTo(ItemStatus.BLOCKED);
        assertThat(blocked.reason()).isEqualTo("vendor contract");
    }

    @Test
    void a_reason_the_server_refuses_is_shown_in_the_dialog_which_stays_open() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        ItemRow row = board.rows.get(cdn);
        _setValue(row.status, ItemStatus.BLOCKED);
        _setValue(row.reason, "x".repeat(1001));

        _click(row.reasonConfirm);

        assertThat(row.reasonDialog.isOpened()).isTrue();
        assertThat(row.reason.isInvalid()).isTrue();
        assertThat(row.reason.getErrorMessage()).isEqualTo("reason has 1001 characters, at most 1000 are allowed");
        assertThat(NotificationsKt.getNotifications()).as("no toast covers the dialog").isEmpty();
        assertThat(releaseItems.item(cdn).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(board.rows.get(cdn).status.getValue()).as("the select shows the server's status")
                .isEqualTo(ItemStatus.OPEN);

        _setValue(row.reason, "vendor contract");
        _click(row.reasonConfirm);
        assertThat(row.reasonDialog.isOpened()).isFalse();
        assertThat(releaseItems.item(cdn).status()).isEqualTo(ItemStatus.BLOCKED);
    }

    @Test
    void filters_and_the_open_item_are_written_to_the_address_without_a_reload() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _setValue(board.mine, true);
        assertThat(lastAddress()).isEqualTo(address(id, "mine=true"));
        _setValue(board.status, ItemStatus.IN_PROGRESS);
        assertThat(lastAddress()).isEqualTo(address(id, "mine=true&status=in-progress"));
        _setValue(board.status, null);
        _setValue(board.role, Role.DEVOPS);
        assertThat(lastAddress()).isEqualTo(address(id, "mine=true&owner=devops"));
        clickDetails(board, k8s);
        assertThat(lastAddress()).isEqualTo(address(id, "item=" + k8s + "&mine=true&owner=devops"));
        board.detail.close();
        assertThat(lastAddress()).isEqualTo(address(id, "mine=true&owner=devops"));
        assertThat(_get(ReleaseBoardView.class)).as("the same board, no reload").isSameAs(board);
    }

    @Test
    void the_address_restores_the_filters_and_the_open_item_on_reload_and_on_back() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        QueryParameters query = QueryParameters.simple(java.util.Map.of("item", String.valueOf(k8s), "mine", "true",
                "status", "open", "owner", "devops"));

        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(id)), query);
        ReleaseBoardView board = _get(ReleaseBoardView.class);
        assertThat(board.mine.getValue()).isTrue();
        assertThat(board.status.getValue()).isEqualTo(ItemStatus.OPEN);
        assertThat(board.role.getValue()).isEqualTo(Role.DEVOPS);
        assertThat(board.rows.values()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.item.owner()).isEqualTo(Role.DEVOPS);
            assertThat(row.item.status()).isEqualTo(ItemStatus.OPEN);
        });
        assertThat(board.detail.isOpened()).isTrue();
        assertThat(board.detail.getHeaderTitle()).isEqualTo(releaseItems.item(k8s).text());

        // Away to the releases list (the dialog closes) and Back to the board's address.
        UI.getCurrent().navigate(ReleasesView.class);
        assertThat(board.detail.isOpened()).isFalse();
        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(id)), query);
        ReleaseBoardView again = _get(ReleaseBoardView.class);
        assertThat(again.mine.getValue()).isTrue();
        assertThat(again.detail.isOpened()).isTrue();
        assertThat(again.detail.itemId()).isEqualTo(k8s);

        // Back from the address with the item to the one without it closes the dialog and keeps the filters.
        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(id)),
                QueryParameters.simple(java.util.Map.of("mine", "true")));
        ReleaseBoardView without = _get(ReleaseBoardView.class);
        assertThat(without.detail == null || !without.detail.isOpened()).isTrue();
        assertThat(without.mine.getValue()).isTrue();
        assertThat(without.status.getValue()).isNull();
    }

    @Test
    void unknown_values_in_the_address_are_ignored() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        login("devops", Role.DEVOPS);
        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(id)),
                QueryParameters.simple(java.util.Map.of("item", "abc", "status", "finished", "owner", "nobody",
                        "mine", "yes")));
        ReleaseBoardView board = _get(ReleaseBoardView.class);
        assertThat(board.mine.getValue()).isFalse();
        assertThat(board.status.getValue()).isNull();
        assertThat(board.role.getValue()).isNull();
        assertThat(board.detail).isNull();
        assertThat(board.rows).hasSize(service.board(id).items().size());

        UI.getCurrent().navigate(ReleaseBoardView.class, new RouteParameters("releaseId", String.valueOf(id)),
                QueryParameters.simple(java.util.Map.of("item", "999999999")));
        assertThat(_get(ReleaseBoardView.class).detail).as("an item of no release opens nothing").isNull();
    }

    /** "releases/{id}?..." with the parameters in a stable order, to compare addresses whatever their order. */
    private static String address(long releaseId, String query) {
        return "releases/" + releaseId + "?" + java.util.Arrays.stream(query.split("&")).sorted()
                .collect(java.util.stream.Collectors.joining("&"));
    }

    /** The address the board last put into the browser's address bar (History.replaceState). */
    private static String lastAddress() {
        List<String> addresses = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(i -> i.getInvocation())
                .filter(i -> i.getExpression().contains("replace"))
                .map(i -> String.valueOf(i.getParameters().get(1)))
                .toList();
        assertThat(addresses).as("addresses written").isNotEmpty();
        String last = addresses.get(addresses.size() - 1);
        int q = last.indexOf('?');
        return q < 0 ? last : address(Long.parseLong(last.substring("releases/".length(), q)), last.substring(q + 1));
    }

    @Test
    void my_items_filter_shows_only_the_items_of_my_roles() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(id);
        _setValue(board.mine, true);
        assertThat(board.rows.values()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.item.owner()).isEqualTo(Role.QA_LEAD));
        long expected = service.items(id).stream().filter(i -> i.owner() == Role.QA_LEAD).count();
        assertThat(board.rows).hasSize((int) expected);
    }

    @Test
    void role_and_status_filters_narrow_the_board() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        releaseItems.changeStatus(k8s, ItemStatus.IN_PROGRESS, null);
        ReleaseBoardView board = open(id);
        _setValue(board.role, Role.SECURITY_LEAD);
        assertThat(board.rows.values()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.item.owner()).isEqualTo(Role.SECURITY_LEAD));
        _setValue(board.role, null);
        _setValue(board.status, ItemStatus.IN_PROGRESS);
        assertThat(board.rows.keySet()).containsExactly(k8s);
    }

    @Test
    void overdue_and_blocked_filters_show_what_needs_attention() {
        long id = newRelease(LocalDate.now(clock));
        long cdn = item(id, "cdn-configuration");
        login("devops", Role.DEVOPS);
        releaseItems.changeStatus(cdn, ItemStatus.BLOCKED, "vendor contract");
        ReleaseBoardView board = open(id);
        _setValue(board.overdue, true);
        assertThat(board.rows).hasSize(82);
        assertThat(board.rows.values()).allSatisfy(row -> assertThat(row.item.overdue()).isTrue());
        _setValue(board.overdue, false);
        _setValue(board.blocked, true);
        assertThat(board.rows.keySet()).containsExactly(cdn);
        _setValue(board.status, ItemStatus.DONE);
        assertThat(board.rows).isEmpty();
        _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("no-items"));
    }

    @Test
    void the_item_detail_shows_history_and_takes_notes_evidence_and_comments() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        _setValue(board.rows.get(k8s).status, ItemStatus.DONE);
        clickDetails(board, k8s);
        ItemDetailDialog detail = board.detail;
        assertThat(detail.isOpened()).isTrue();
        _setValue(detail.note, "three node pools");
        _click(detail.saveNote);
        _setValue(detail.evidenceLink, "https://ci.example/run/42");
        _setValue(detail.evidenceSummary, "terraform log");
        _click(detail.saveEvidence);
        _setValue(detail.comment, "Done on Tuesday");
        _click(detail.addComment);
        assertThat(detail.comment.getValue()).isEmpty();
        assertThat(detail.history.getChildren()).hasSize(4);
        assertThat(detail.comments.getChildren()).hasSize(1);
        ItemView item = releaseItems.item(k8s);
        assertThat(item.note()).isEqualTo("three node pools");
        assertThat(item.evidenceLink()).isEqualTo("https://ci.example/run/42");
        assertThat(releaseItems.history(k8s)).extracting(h -> h.action()).containsExactly("item.status-changed",
                "item.note-changed", "item.evidence-attached", "item.commented");
    }

    @Test
    void a_bad_evidence_link_is_refused_with_its_reason() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        _setValue(board.detail.evidenceLink, "ftp://files");
        _click(board.detail.saveEvidence);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement().getProperty("text"))
                .isEqualTo("evidence link must be an http(s) URL or a path starting with '/', got 'ftp://files'"));
        assertThat(releaseItems.item(k8s).evidenceLink()).isNull();
    }

    @Test
    void the_details_evidence_row_wraps_and_its_fields_shrink_so_it_fits_a_phone() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("devops", Role.DEVOPS);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        ItemDetailDialog detail = board.detail;
        assertThat(detail.evidenceForm.isWrap()).isTrue();
        assertThat(detail.evidenceForm.getWidth()).isEqualTo("100%");
        assertThat(detail.evidenceLink.getMaxWidth()).isEqualTo("100%");
        assertThat(detail.evidenceSummary.getMaxWidth()).isEqualTo("100%");
        assertThat(detail.evidenceForm.getChildren()).containsExactly(detail.evidenceLink, detail.evidenceSummary,
                detail.saveEvidence);
    }

    @Test
    void a_viewer_sees_the_detail_read_only() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("viewer", Role.VIEWER);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        assertThat(board.detail.note.isReadOnly()).isTrue();
        assertThat(board.detail.saveNote.isVisible()).isFalse();
        assertThat(board.detail.owner.isReadOnly()).isTrue();
        assertThat(board.detail.addComment).isNull();
    }

    @Test
    void an_admin_reassigns_an_item_in_the_detail() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("admin", Role.ADMIN);
        ReleaseBoardView board = open(id);
        clickDetails(board, k8s);
        _setValue(board.detail.owner, Role.QA_LEAD);
        assertThat(releaseItems.item(k8s).owner()).isEqualTo(Role.QA_LEAD);
        assertThat(board.rows.get(k8s).item.owner()).isEqualTo(Role.QA_LEAD);
    }

    @Test
    void a_change_by_another_user_reaches_the_open_board() throws InterruptedException {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        long k8s = item(id, "kubernetes-cluster");
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(id);
        // The QA lead does not own the item: its status is a badge.
        assertThat(badge(board.rows.get(k8s)).text()).isEqualTo("Open");

        changeInAnotherSession(k8s, ItemStatus.DONE);
        MockVaadin.clientRoundtrip();

        assertThat(badge(board.rows.get(k8s)).text()).isEqualTo("Done");
        assertThat(badge(board.rows.get(k8s)).classNames()).contains("status-done");
        assertThat(board.releaseProgress.getText()).isEqualTo("1/126 done (0%)");
    }

    @Test
    void a_board_stops_listening_when_it_is_closed() {
        long id = newRelease(LocalDate.now(clock).plusDays(14));
        login("qa_lead", Role.QA_LEAD);
        int before = broadcaster.listenerCount();
        open(id);
        assertThat(broadcaster.listenerCount()).isEqualTo(before + 1);
        UI.getCurrent().navigate(ReleasesView.class);
        // The releases list listens to every release instead.
        assertThat(broadcaster.listenerCount()).isEqualTo(before + 1);
        _get(ReleasesView.class);
    }

    @Test
    void an_unknown_release_says_so() {
        login("qa_lead", Role.QA_LEAD);
        ReleaseBoardView board = open(987_654);
        assertThat(board.title.getText()).isEqualTo("Release not found");
        assertThat(board.subtitle.getText()).isEqualTo("Release 987654 does not exist");
    }

    /** Acts as the DevOps user from another thread, like a request of another browser session. */
    private void changeInAnotherSession(long itemId, ItemStatus status) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            CurrentInstance.clearAll();
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("devops",
                    "n/a", List.of(new SimpleGrantedAuthority(Role.DEVOPS.authority()))));
            try {
                releaseItems.changeStatus(itemId, status, null);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        other.start();
        other.join();
        assertThat(failure.get()).isNull();
    }
}

package dev.safespeak.golive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.TimelineWindow;
import dev.safespeak.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The HTML of a board row ({@link ItemRow#cellsHtml}): typed text reads back exactly and never becomes markup. */
class ItemRowHtmlTest {

    /** Closes an attribute and a tag, adds an element with a handler, and carries an entity that must stay text. */
    static final String HOSTILE = "\"><img src=x onerror=alert(1)> & 'q' &amp;";

    static ItemView item(String text, ItemStatus status, String reason) {
        return new ItemView(42, 7, "cdn-configuration", "Phase", "Section", text, 1, Role.DEVOPS, status, reason,
                false, TimelineWindow.values()[0], LocalDate.of(2026, 12, 1), false, false, null, null, null, "devops",
                Instant.EPOCH, 0);
    }

    @Test
    void typed_text_reason_and_title_read_back_exactly_and_add_no_element() {
        ItemView item = item(HOSTILE, ItemStatus.BLOCKED, HOSTILE);

        Element body = Jsoup.parseBodyFragment(ItemRow.cellsHtml(item, true)).body();

        // body; status badge; text span with label, reason badge and Blocked badge; owner; due; Details button.
        assertThat(body.getAllElements()).extracting(Element::tagName)
                .containsExactly("body", "span", "span", "span", "span", "span", "span", "span", "button");
        assertThat(body.select("img, script")).isEmpty();
        assertThat(body.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")));
        assertThat(body.selectFirst(".board-item-label").text()).isEqualTo(HOSTILE);
        assertThat(body.select(".board-item-text > [theme~=badge]")).extracting(Element::text)
                .containsExactly("— " + HOSTILE, "Blocked");
        Element status = body.selectFirst("span.board-item-status");
        assertThat(status.attr("title")).isEqualTo("Status of " + HOSTILE + ": Blocked");
        assertThat(status.text()).isEqualTo("Blocked");
        assertThat(body.selectFirst(".board-item-owner").text()).isEqualTo(Role.DEVOPS.displayName());
        assertThat(body.selectFirst(".board-item-due").text()).isEqualTo("due 2026-12-01");
        Element details = body.selectFirst("button.board-item-details");
        assertThat(details.text()).isEqualTo("Details");
        assertThat(details.attr("data-item")).isEqualTo("42");
        assertThat(details.attr("aria-label")).isEqualTo("Details of " + HOSTILE);
    }

    @Test
    void a_row_with_a_select_draws_no_status_badge_and_still_names_its_details_button() {
        Element body = Jsoup.parseBodyFragment(ItemRow.cellsHtml(item("CDN configured", ItemStatus.OPEN, null), false))
                .body();
        assertThat(body.select("span.board-item-status")).isEmpty();
        assertThat(body.select("[theme~=badge]")).isEmpty();
        assertThat(body.selectFirst("button.board-item-details").attr("aria-label"))
                .isEqualTo("Details of CDN configured");
    }

    @Test
    void escape_replaces_the_five_characters_that_html_gives_a_meaning() {
        assertThat(ItemRow.escape("&<>\"'")).isEqualTo("&amp;&lt;&gt;&quot;&#39;");
        assertThat(ItemRow.escape("plain text – ü")).isEqualTo("plain text – ü");
        assertThat(ItemRow.escape("")).isEmpty();
    }
}

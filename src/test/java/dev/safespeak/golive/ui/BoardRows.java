package dev.safespeak.golive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** What a board row shows and how a person clicks in it, for browserless tests: rows draw their cells as HTML. */
final class BoardRows {

    private BoardRows() {
    }

    /** The row's cells as the browser gets them (the HTML that {@link ItemRow} builds). */
    static Element cells(ItemRow row) {
        return Jsoup.parseBodyFragment(row.cells.getProperty("innerHTML")).body();
    }

    /** The status badge of a row, or null when the row has a select instead. */
    static Element badge(ItemRow row) {
        return cells(row).selectFirst("span.board-item-status");
    }

    /**
     * Clicks the Details button of the item's row the way the browser reports it: a click event on the board's content
     * with the filter and the data its listener asked for, the item id taken from the button in the row's HTML.
     */
    static void clickDetails(ReleaseBoardView board, long itemId) {
        ItemRow row = board.rows.get(itemId);
        assertThat(row).as("the board shows item " + itemId).isNotNull();
        Element button = cells(row).selectFirst("button.board-item-details");
        assertThat(button).as("Details button of item " + itemId).isNotNull();
        assertThat(button.text()).isEqualTo("Details");
        sendDetailsClick(board, button.attr("data-item"));
    }

    /** A click on a Details button as a browser would send it, with whatever item id {@code sent} says. */
    static void sendDetailsClick(ReleaseBoardView board, String sent) {
        JsonObject data = Json.createObject();
        data.put(ReleaseBoardView.DETAILS_BUTTON + " !== null", true);
        data.put(ReleaseBoardView.DETAILS_ITEM, sent);
        var content = board.content.getElement();
        ElementUtilsKt._fireDomEvent(content, new DomEvent(content, "click", data));
    }
}

package dev.safespeak.golive.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.safespeak.golive.ItemStatus;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.Arrays;
import java.util.Optional;

/**
 * The status select of a board row: Vaadin's {@code <vaadin-select>} with the statuses as its {@code items} property,
 * one element. Flow's {@code Select} adds a list box and an item component per option, about a dozen nodes and a data
 * provider for each row; for the QA lead's 25 rows that was over a third of the board's first response (issue 12).
 * The browser shows the same select: the same overlay, options and value button.
 */
@Tag("vaadin-select")
@NpmPackage(value = "@vaadin/select", version = "24.9.5")
@JsModule("@vaadin/select/src/vaadin-select.js")
class StatusSelect extends AbstractSinglePropertyField<StatusSelect, ItemStatus> implements HasStyle {

    StatusSelect() {
        // A value the browser sends that names no status (a forged request) reads as none; the row then shows the
        // item's status again (ItemRow).
        super("value", null, String.class, StatusSelect::parse, s -> s == null ? "" : s.name());
        JsonArray items = Json.createArray();
        for (ItemStatus s : ItemStatus.values()) {
            JsonObject item = Json.createObject();
            item.put("label", s.label());
            item.put("value", s.name());
            items.set(items.length(), item);
        }
        getElement().setPropertyJson("items", items);
    }

    private static ItemStatus parse(String sent) {
        return Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(sent)).findFirst().orElse(null);
    }

    /** The name a screen reader says for the select ({@code accessibleName} of the web component). */
    void setAriaLabel(String label) {
        getElement().setProperty("accessibleName", label);
    }

    Optional<String> getAriaLabel() {
        return Optional.ofNullable(getElement().getProperty("accessibleName"));
    }
}

package dev.safespeak.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells a view whether the browser window is narrow (a phone), for what CSS cannot change: a grid's columns. At most
 * {@value #MAX_WIDTH_PX} px is narrow, the same width as the {@code @media (max-width: 600px)} rules of the theme.
 */
public final class NarrowWindow {

    /** The widest window that counts as narrow, in CSS pixels. */
    public static final int MAX_WIDTH_PX = 600;

    private NarrowWindow() {
    }

    /** Whether a window {@code widthPx} wide is narrow. */
    public static boolean isNarrow(int widthPx) {
        return widthPx > 0 && widthPx <= MAX_WIDTH_PX;
    }

    /**
     * Calls {@code onChange} with whether the window is narrow when {@code view} is attached and again whenever a
     * resize crosses {@value #MAX_WIDTH_PX} px, until it is detached. Before the browser has answered, the view keeps
     * its wide layout.
     */
    public static void whileAttached(Component view, Consumer<Boolean> onChange) {
        Registration[] resize = new Registration[1];
        Boolean[] last = new Boolean[1];
        Consumer<Integer> apply = width -> {
            boolean narrow = isNarrow(width);
            if (last[0] == null || last[0] != narrow) {
                last[0] = narrow;
                onChange.accept(narrow);
            }
        };
        view.addAttachListener(e -> {
            UI ui = e.getUI();
            last[0] = null;
            ui.getPage().retrieveExtendedClientDetails(details -> apply.accept(details.getWindowInnerWidth()));
            resize[0] = ui.getPage().addBrowserWindowResizeListener(r -> apply.accept(r.getWidth()));
        });
        view.addDetachListener(e -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }
}

package dev.safespeak.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a module tells the signed-in user at the top of whatever page they open next, such as "2 of your items
 * regressed". {@link MainLayout} asks every Spring bean of this type after each navigation, so no module's words
 * live in the layout and the layout depends on no module.
 */
public interface PageNotice {

    /** The notice for the signed-in user now, a new component each time; empty when there is nothing to say. */
    Optional<Component> current();
}

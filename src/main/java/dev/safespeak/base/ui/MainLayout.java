package dev.safespeak.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The frame around every signed-in view. The navigation is built from the views' {@code @Menu}
 * annotations and only lists the views the signed-in user's roles may open, so each role sees
 * what it can do.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final ObjectProvider<PageNotice> pageNotices;
    /** Above the page: what the modules' {@link PageNotice}s have to tell the user, refreshed on every navigation. */
    final Div notices = new Div();

    public MainLayout(AuthenticationContext authentication) {
        this(authentication, null);
    }

    @Autowired
    public MainLayout(AuthenticationContext authentication, ObjectProvider<PageNotice> pageNotices) {
        this.pageNotices = pageNotices;
        H1 title = new H1(Messages.get("app.name"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        authentication.getPrincipalName().ifPresent(name -> {
            Span user = new Span(name);
            user.setId("current-user");
            Button logout = new Button(Messages.get("layout.sign-out"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout right = new HorizontalLayout(user, logout);
            right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            header.add(right);
            header.expand(title);
        });
        addToNavbar(header);

        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(menuLabel(entry.path()), entry.path())));
        addToDrawer(nav);

        notices.setId("page-notices");
        notices.setVisible(false);
        // A child without a slot goes into the content area; the router adds each page after it, so it stays on top.
        getElement().appendChild(notices.getElement());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showNotices();
    }

    /** Asks every {@link PageNotice} again and shows what they say above the page. */
    public void showNotices() {
        notices.removeAll();
        if (pageNotices != null) {
            pageNotices.orderedStream().forEach(n -> n.current().ifPresent(notices::add));
        }
        notices.setVisible(notices.getComponentCount() > 0);
    }

    /** The navigation label of a route: the key {@code menu.<path>}, with the leading slash dropped. */
    static String menuLabel(String path) {
        String route = path.startsWith("/") ? path.substring(1) : path;
        return Messages.get("menu." + route);
    }
}

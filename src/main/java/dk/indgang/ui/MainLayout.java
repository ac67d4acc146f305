package dk.indgang.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dk.indgang.security.CurrentUser;
import dk.indgang.ui.citizen.FormsView;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame of every page: a skip link, the municipality's header with language switch and logout,
 * the main landmark that views render into, and a footer.
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, LocaleChangeObserver {

    private final Main main = new Main();
    private final Header header = new Header();
    private final Footer footer = new Footer();
    private final CurrentUser currentUser;
    private final AuthenticationContext authentication;
    private final String municipality;

    public MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authentication,
            @Value("${indgang.municipality.name}") String municipality) {
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.municipality = municipality;
        addClassName("page");
        main.setId("indhold");
        main.getElement().setAttribute("tabindex", "-1");
        var skip = new Anchor("#indhold", "");
        skip.addClassName("skip-link");
        // The browser, not the router, follows the skip link: it moves the focus into the page's
        // content on every page (a router navigation to "#indhold" would leave the page).
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement()
                .setAttribute("onclick", "event.preventDefault(); document.getElementById('indhold').focus();");
        add(skip, header, main, footer);
        render();
    }

    private void render() {
        var skip = (Anchor) getComponentAt(0);
        skip.setText(getTranslation("app.skip"));
        header.removeAll();
        header.addClassName("site-header");
        var brand = new RouterLink(FormsView.class);
        brand.add(new Span(municipality), new Span(" · " + getTranslation("app.name")));
        brand.addClassName("brand");
        var tools = new Div();
        tools.addClassName("header-tools");
        var language = new Button(getTranslation("app.language.switch"), e -> switchLanguage());
        language.addThemeVariants(ButtonVariant.TERTIARY);
        language.getElement().setAttribute("lang", getTranslation("app.language.switch.lang"));
        language.setId("language-switch");
        tools.add(language);
        currentUser.get().filter(CurrentUser.User::citizen).ifPresent(user -> {
            var cases = new RouterLink(getTranslation("app.nav.cases"), dk.indgang.ui.citizen.MyCasesView.class);
            cases.addClassName("header-link");
            cases.setId("nav-cases");
            tools.add(cases);
        });
        currentUser.get().filter(CurrentUser.User::caseworker).ifPresent(user -> {
            var counter = new RouterLink(getTranslation("app.nav.counter"), dk.indgang.ui.counter.CounterView.class);
            counter.addClassName("header-link");
            counter.setId("nav-counter");
            tools.add(counter);
        });
        currentUser.get().filter(CurrentUser.User::decidesCases).ifPresent(user -> {
            var inbox = new RouterLink(getTranslation("app.nav.inbox"), dk.indgang.ui.casework.InboxView.class);
            inbox.addClassName("header-link");
            inbox.setId("nav-inbox");
            tools.add(inbox);
        });
        currentUser.get().filter(CurrentUser.User::formDesigner).ifPresent(user -> {
            var designer =
                    new RouterLink(getTranslation("app.nav.designer"), dk.indgang.ui.designer.DesignerView.class);
            designer.addClassName("header-link");
            designer.setId("nav-designer");
            tools.add(designer);
        });
        currentUser.get().ifPresent(user -> {
            var name = new Span(user.name());
            name.addClassName("user-name");
            var logout = new Button(getTranslation("app.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.TERTIARY);
            logout.setId("logout");
            tools.add(name, logout);
        });
        header.add(brand, tools);
        footer.removeAll();
        footer.addClassName("site-footer");
        footer.add(new Paragraph(getTranslation("app.footer", municipality)));
    }

    private void switchLanguage() {
        var ui = UI.getCurrent();
        var next = "en".equals(ui.getLocale().getLanguage()) ? Translations.DANISH : Locale.ENGLISH;
        LocaleInitializer.apply(ui, next);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.removeAll();
    }

    Component mainArea() {
        return main;
    }
}

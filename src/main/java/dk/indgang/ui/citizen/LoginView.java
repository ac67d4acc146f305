package dk.indgang.ui.citizen;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.indgang.security.TestPersons;
import dk.indgang.ui.MainLayout;
import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The simulated MitID login of the dev mode: pick a fictitious person. It posts to Spring
 * Security's form login, so sessions, CSRF and logout behave as with a real login.
 */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The password of the dev test users: not a secret, the dev mode refuses to run under prod. */
    private static final String DEV_PASSWORD = "mitid-test";

    private final Div error = new Div();

    public LoginView() {
        setPadding(false);
        addClassName("narrow");
        error.addClassName("error-summary");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(new H1(getTranslation("login.title")), new Paragraph(getTranslation("login.intro")), error);
        add(section("login.citizens", TestPersons.CITIZENS), section("login.staff", TestPersons.STAFF));
    }

    private Div section(String titleKey, List<TestPersons.TestPerson> persons) {
        var section = new Div(new H2(getTranslation(titleKey)));
        var list = new UnorderedList();
        list.addClassName("plain-list");
        var english = "en".equals(getLocale().getLanguage());
        for (var person : persons) {
            var button = new Button(getTranslation("login.as", person.name()), e -> login(person.username()));
            button.addThemeVariants(ButtonVariant.PRIMARY);
            button.setId("login-" + person.username());
            var scenario = new Span(english ? person.scenarioEn() : person.scenarioDa());
            scenario.addClassName("hint");
            list.add(new ListItem(button, scenario));
        }
        section.add(list);
        return section;
    }

    private void login(String username) {
        var request = VaadinServletRequest.getCurrent();
        var token = request == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        getElement()
                .executeJs(
                        """
                const form = document.createElement('form');
                form.method = 'post';
                form.action = 'login';
                const add = (name, value) => { if (!name) return; const i = document.createElement('input');
                  i.type = 'hidden'; i.name = name; i.value = value; form.appendChild(i); };
                add('username', $0); add('password', $1); add($2, $3);
                document.body.appendChild(form);
                form.submit();""",
                        username,
                        DEV_PASSWORD,
                        token == null ? "" : token.getParameterName(),
                        token == null ? "" : token.getToken());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        error.setVisible(
                event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        error.setText(getTranslation("login.error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Indgang";
    }
}

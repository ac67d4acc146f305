package dk.indgang.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Browserless UI tests: a faked Vaadin with the real Spring context and a logged-in user. */
final class KaribuFixtures {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dk.indgang.ui");

    private KaribuFixtures() {}

    static void loginAs(ApplicationContext context, String username, String role) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, r) -> r.equals(role));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    static void logout() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Lets the wizard's background lookups answer and applies their results, until no answer
     * starts a further lookup.
     */
    static void settleLookups() throws Exception {
        var before = -1;
        for (int round = 0; round < 20; round++) {
            MockVaadin.clientRoundtrip(false);
            var started = ((dk.indgang.ui.wizard.WizardView) UI.getCurrent().getCurrentView()).awaitLookupsForTests();
            MockVaadin.clientRoundtrip(false);
            if (started == before) {
                return;
            }
            before = started;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> com.vaadin.flow.component.radiobutton.RadioButtonGroup<T> radioById(String id) {
        return LocatorJ._get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    static <T> com.vaadin.flow.component.checkbox.CheckboxGroup<T> checkboxesById(String id) {
        return LocatorJ._get(com.vaadin.flow.component.checkbox.CheckboxGroup.class, spec -> spec.withId(id));
    }

    static void click(String id) {
        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId(id)));
    }

    static String heading() {
        return LocatorJ._get(H2.class, spec -> spec.withId("step-heading")).getText();
    }
}

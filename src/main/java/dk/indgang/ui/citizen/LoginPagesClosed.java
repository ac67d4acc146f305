package dk.indgang.ui.citizen;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dev mode's login page posts to Spring Security and the browser loads the next page anew, so
 * Vaadin makes a new UI and the login page's UI — every test person's button — would stay in the
 * session until its heartbeats run out (minutes). Once a page opens for a logged-in user, a login
 * page still held in her session serves nothing more and is closed, so an open session holds what
 * she sees and no more (docs/performance.md, heap per session).
 */
@Component
class LoginPagesClosed implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> closeLoginPages(
                        init.getUI(), SecurityContextHolder.getContext().getAuthentication()));
    }

    /** Closes the other UIs of the session that show the login page, if this one is a logged-in user's. */
    static void closeLoginPages(UI opened, Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        for (var other : List.copyOf(opened.getSession().getUIs())) {
            if (other != opened && !other.isClosing() && showsLogin(other)) {
                other.close();
            }
        }
    }

    static boolean showsLogin(UI ui) {
        return ui.getInternals().getActiveRouterTargetsChain().stream().anyMatch(LoginView.class::isInstance);
    }
}

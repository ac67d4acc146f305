package dk.indgang.ui.citizen;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A login page left in a logged-in user's session is closed; nothing else is. */
class LoginPagesClosedTest {

    private final VaadinSession session = mock(VaadinSession.class);

    private UI showing(HasElement view) {
        var ui = mock(UI.class);
        var internals = mock(UIInternals.class);
        when(ui.getInternals()).thenReturn(internals);
        when(ui.getSession()).thenReturn(session);
        when(internals.getActiveRouterTargetsChain()).thenReturn(view == null ? List.of() : List.of(view));
        return ui;
    }

    @Test
    void aLoggedInUsersNewPageClosesTheLoginPageStillInHerSession() {
        var login = showing(mock(LoginView.class));
        var otherTab = showing(mock(com.vaadin.flow.component.html.Div.class));
        var opened = showing(null);
        when(session.getUIs()).thenReturn(List.of(login, otherTab, opened));

        LoginPagesClosed.closeLoginPages(
                opened,
                UsernamePasswordAuthenticationToken.authenticated(
                        "1503889984", null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));

        verify(login).close();
        verify(otherTab, never()).close();
        verify(opened, never()).close();
    }

    @Test
    void beforeTheLoginNothingIsClosed() {
        var login = showing(mock(LoginView.class));
        var opened = showing(null);
        when(session.getUIs()).thenReturn(List.of(login, opened));

        LoginPagesClosed.closeLoginPages(
                opened,
                new AnonymousAuthenticationToken(
                        "key", "anonymous", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        LoginPagesClosed.closeLoginPages(opened, null);

        verify(login, never()).close();
    }
}

package dk.indgang.ui.citizen;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.security.Roles;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Log ind for at starte" on a form's start page: a page for citizens only, so a visitor who is not
 * logged in is sent to the login first and, once logged in, brought straight back to the start page
 * she came from (with Start, or her draft to continue), not to the front page.
 */
@Route(value = "formular/:formId/log-ind", layout = MainLayout.class)
@RolesAllowed(Roles.CITIZEN)
public class FormStartLoginView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var formId = event.getRouteParameters().get("formId").orElse("");
        event.forwardTo(FormStartView.class, new RouteParameters("formId", formId));
    }
}

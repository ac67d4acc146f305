package dk.indgang.ui.casework;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dk.indgang.casework.CaseFiles;
import dk.indgang.casework.CaseTransitionRefused;
import dk.indgang.casework.Cases;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.ValueFormat;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The case file ("sagens akter") on one page, printable: what the case is, what the caseworker can
 * do now, the application with every value's source, the explanations, the requests and answers,
 * and the history. Every action goes through {@link Cases}; a refusal is shown, never swallowed.
 */
@Route(value = "sager/:caseId", layout = MainLayout.class)
@RolesAllowed(Roles.CASEWORKER)
public class CaseFileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseFiles caseFiles;
    private final Cases cases;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Paragraph error = new Paragraph();
    private String caseId = "";
    private String title = "";

    public CaseFileView(CaseFiles caseFiles, Cases cases, CurrentUser currentUser, Clock clock) {
        this.caseFiles = caseFiles;
        this.cases = cases;
        this.currentUser = currentUser;
        this.clock = clock;
        setPadding(false);
        addClassName("narrow");
        addClassName("case-file");
        error.setId("case-error");
        error.addClassName("error-text");
        error.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        caseId = event.getRouteParameters().get("caseId").orElse("");
        render();
    }

    private void render() {
        removeAll();
        var found = caseFiles.open(caseId);
        if (found.isEmpty()) {
            add(
                    new H1(getTranslation("casefile.notfound")),
                    new RouterLink(getTranslation("inbox.title"), InboxView.class));
            return;
        }
        var file = found.get();
        var value = file.value();
        var application = file.application();
        title = caseFiles.formTitle(application, getLocale());
        add(new H1(title));
        var facts = new DescriptionList();
        fact(facts, "casefile.receipt", application.receiptNumber());
        fact(facts, "casefile.citizen", CprNumber.mask(value.citizenCpr()));
        fact(
                facts,
                "casefile.state",
                getTranslation("case.state." + value.state().name()));
        fact(facts, "casefile.deadline", ValueFormat.date(value.deadline()));
        fact(facts, "casefile.assignee", value.assignee().orElse(getTranslation("inbox.unassigned")));
        facts.setId("case-facts");
        error.setText("");
        add(
                facts,
                new AutomationNotice(file, clock.getZone()),
                error,
                new CaseActions(
                        file,
                        caseFiles.reasons(value),
                        cases,
                        currentUser.require().username(),
                        LocalDate.now(clock),
                        this::run));

        add(new CaseFileContent(file, caseFiles, clock.getZone()));
        var print =
                new Button(getTranslation("casefile.print"), e -> getElement().executeJs("window.print()"));
        print.setId("case-print");
        add(print, new RouterLink(getTranslation("casefile.back"), InboxView.class));
    }

    /** Runs a verb; the case's refusal is shown where the caseworker is looking. */
    private void run(Runnable verb) {
        try {
            verb.run();
            render();
        } catch (CaseTransitionRefused e) {
            error.setText(getTranslation("case.refused." + e.reason(), e.getMessage()));
        }
    }

    private void fact(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("inbox.title") + " · Indgang";
    }
}

package dk.indgang.ui.counter;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.casework.CaseFiles;
import dk.indgang.engine.ValueFormat;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.submission.Application;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.casework.CaseFileContent;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;

/**
 * A citizen's case file, read-only, for counter and contact-centre staff who found her with a
 * stated purpose: so a citizen who calls gets an answer about her case. Every view is audited and
 * shown to the citizen under "Mine sager".
 */
@Route(value = "skranke/sag/:caseId", layout = MainLayout.class)
@RolesAllowed(Roles.COUNTER)
public class CounterCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AssistedFilings filings;
    private final AssistedFiling assisted;
    private final CaseFiles caseFiles;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CounterCaseView(
            AssistedFilings filings,
            AssistedFiling assisted,
            CaseFiles caseFiles,
            CurrentUser currentUser,
            Clock clock) {
        this.filings = filings;
        this.assisted = assisted;
        this.caseFiles = caseFiles;
        this.currentUser = currentUser;
        this.clock = clock;
        setPadding(false);
        addClassName("narrow");
        addClassName("case-file");
    }

    /** A link to the case file of an application, when it has a case. */
    static Optional<RouterLink> linkFor(
            Application application,
            AssistedFilings filings,
            AssistedFiling assisted,
            CurrentUser.User user,
            String text) {
        return assisted.assistance(user)
                .flatMap(a -> filings.caseOf(application, a))
                .map(c -> {
                    var link = new RouterLink(
                            text, CounterCaseView.class, new RouteParameters("caseId", c.id().toString()));
                    link.setId("counter-case-" + application.receiptNumber());
                    return link;
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var file = assisted.assistance(currentUser.require())
                .flatMap(assistance ->
                        event.getRouteParameters().get("caseId").flatMap(id -> filings.viewCaseFile(id, assistance)));
        if (file.isEmpty()) {
            add(new H1(getTranslation("casefile.notfound")), new Paragraph(getTranslation("counter.case.find")));
        } else {
            var value = file.get().value();
            add(new H1(caseFiles.formTitle(file.get().application(), getLocale())));
            var facts = new DescriptionList();
            facts.add(
                    new DescriptionList.Term(getTranslation("casefile.state")),
                    new DescriptionList.Description(
                            getTranslation("case.state." + value.state().name())));
            facts.add(
                    new DescriptionList.Term(getTranslation("casefile.deadline")),
                    new DescriptionList.Description(ValueFormat.date(value.deadline())));
            facts.add(
                    new DescriptionList.Term(getTranslation("casefile.assignee")),
                    new DescriptionList.Description(value.assignee().orElse(getTranslation("inbox.unassigned"))));
            add(new Paragraph(getTranslation("counter.case.readonly")), facts);
            add(
                    new dk.indgang.ui.casework.AutomationNotice(file.get(), clock.getZone()),
                    new CaseFileContent(file.get(), caseFiles, clock.getZone()));
        }
        var back = new RouterLink(getTranslation("counter.back"), CounterView.class);
        back.setId("counter-back");
        add(back);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counter.case.title") + " · Indgang";
    }
}

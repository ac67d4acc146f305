package dk.indgang.ui.counter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.CprNumber;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Draft;
import dk.indgang.ui.wizard.DraftCards;
import dk.indgang.ui.wizard.FormStartList;
import dk.indgang.ui.wizard.ReceiptLink;
import dk.indgang.ui.wizard.WizardView;

/**
 * The citizen the counter helps: who she is (never a protected address), the purpose and channel,
 * her consent, her drafts, the forms to start or continue, and her applications with their cases.
 * Nothing is started or continued without the consent ticked.
 */
final class CitizenPanel extends Div {

    private final AssistedFiling assisted;
    private final AssistedFilings filings;
    private final CurrentUser.User user;
    private final Runnable ended;
    private Checkbox consent = new Checkbox();

    CitizenPanel(AssistedFiling assisted, AssistedFilings filings, CurrentUser.User user, Runnable ended) {
        this.assisted = assisted;
        this.filings = filings;
        this.user = user;
        this.ended = ended;
        setId("counter-citizen");
    }

    /** Shows the citizen being helped, or nothing. */
    void render() {
        removeAll();
        var found = assisted.citizen();
        if (found.isEmpty()) {
            return;
        }
        var citizen = found.get();
        var assistance = assistance();
        filings.viewed(assistance);
        addClassName("counter-citizen");
        identity(citizen);
        consent = new Checkbox(
                getTranslation("counter.consent." + assisted.channel().json()));
        consent.setId("counter-consent");
        consent.setValue(assisted.consent());
        consent.addValueChangeListener(e -> assisted.consent(e.getValue()));
        add(consent);

        var overview = filings.overview(assistance);
        add(new H3(getTranslation("counter.drafts")));
        if (overview.drafts().isEmpty()) {
            add(new Paragraph(getTranslation("cases.drafts.none")));
        } else {
            add(new DraftCards(
                    overview.drafts().stream()
                            .map(d -> new DraftCards.Card(
                                    d.draft(),
                                    d.definition(),
                                    getTranslation(
                                            d.draft().answers().assistance().isPresent()
                                                    ? "counter.draft.assisted"
                                                    : "counter.draft.own")))
                            .toList(),
                    true,
                    "counter-continue-",
                    this::open));
        }
        add(new H3(getTranslation("counter.start")));
        add(new FormStartList(
                overview.forms(),
                overview.drafts().stream().map(AssistedFilings.OpenDraft::draft).toList(),
                true,
                false,
                "counter-start-",
                "counter-resume-",
                this::start,
                this::open,
                null));
        applications(overview);
        var end = new Button(getTranslation("counter.end"), e -> {
            assisted.end();
            ended.run();
        });
        end.setId("counter-end");
        add(new Div(end));
    }

    private void identity(AssistedFilings.Citizen citizen) {
        var heading = new H2(citizen.name() == null ? getTranslation("counter.citizen.unnamed") : citizen.name());
        heading.setId("counter-citizen-name");
        add(heading, new Paragraph(getTranslation("counter.citizen.cpr", CprNumber.mask(citizen.cpr()))));
        if (citizen.addressProtected()) {
            var note = new Paragraph(getTranslation("counter.citizen.protected"));
            note.addClassName("warning-box");
            add(note);
        } else if (citizen.address() != null) {
            add(new Paragraph(getTranslation("counter.citizen.address", citizen.address())));
        } else if (citizen.name() == null) {
            add(new Paragraph(getTranslation("counter.citizen.unavailable")));
        }
        add(new Paragraph(getTranslation(
                "counter.citizen.purpose",
                assisted.purpose(),
                getTranslation("counter.channel." + assisted.channel().json()))));
    }

    private void applications(AssistedFilings.Overview overview) {
        add(new H3(getTranslation("counter.applications")));
        if (overview.applications().isEmpty()) {
            add(new Paragraph(getTranslation("cases.applications.none")));
            return;
        }
        var list = new UnorderedList();
        list.addClassName("card-list");
        for (var application : overview.applications()) {
            var item = new ListItem(
                    new H3(filings.formTitle(application, getLocale())),
                    new Paragraph(application.receiptNumber() + " · "
                            + getTranslation("status." + application.status().name())),
                    ReceiptLink.of(
                            application,
                            () -> filings.receipt(application, assistance()),
                            getTranslation("wizard.done.receipt")));
            CounterCaseView.linkFor(application, filings, assisted, user, getTranslation("counter.case.open"))
                    .ifPresent(link -> item.add(new Div(link)));
            list.add(item);
        }
        add(list);
    }

    private AssistedFilings.Assistance assistance() {
        return assisted.assistance(user).orElseThrow();
    }

    private boolean consentGiven() {
        if (assisted.consent()) {
            return true;
        }
        consent.getElement().setAttribute("invalid", true);
        consent.setHelperText(getTranslation("counter.consent.missing"));
        consent.focus();
        return false;
    }

    private void start(FormDefinition form) {
        if (consentGiven()) {
            go(filings.start(form, assistance()));
        }
    }

    private void open(Draft draft) {
        if (consentGiven()) {
            go(filings.resume(draft, assistance()));
        }
    }

    private static void go(Draft draft) {
        UI.getCurrent()
                .navigate(WizardView.class, new RouteParameters(WizardView.params(draft.id(), draft.currentStep())));
    }
}

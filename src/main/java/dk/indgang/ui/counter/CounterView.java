package dk.indgang.ui.counter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.Audience;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.CprNumber;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.wizard.DraftCards;
import dk.indgang.ui.wizard.ReceiptLink;
import dk.indgang.ui.wizard.WizardView;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The counter workspace (Borgerservice and the contact centre): find the citizen by CPR number with
 * a stated purpose, record their consent, see their drafts and applications, start or continue an
 * application on their behalf. Every step that shows the citizen's data is audited with the purpose.
 */
@Route(value = "skranke", layout = MainLayout.class)
@RolesAllowed(Roles.COUNTER)
public class CounterView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final AssistedFiling assisted;
    private final AssistedFilings filings;
    private final Drafts drafts;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
    private final TextField cpr = new TextField();
    private final TextField purpose = new TextField();
    private final Div citizenPanel = new Div();
    private Checkbox consent = new Checkbox();

    public CounterView(
            AssistedFiling assisted,
            AssistedFilings filings,
            Drafts drafts,
            Submissions submissions,
            FormCatalog catalog,
            CurrentUser currentUser,
            Clock clock) {
        this.assisted = assisted;
        this.filings = filings;
        this.drafts = drafts;
        this.submissions = submissions;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
        setPadding(false);
        addClassName("narrow");
        channel.setItems(Channel.COUNTER, Channel.PHONE);
        channel.setId("counter-channel");
        cpr.setId("counter-cpr");
        cpr.setMaxLength(11);
        cpr.setAllowedCharPattern("[0-9-]");
        purpose.setId("counter-purpose");
        purpose.setMaxLength(300);
        citizenPanel.setId("counter-citizen");
        render();
    }

    private void render() {
        removeAll();
        channel.setLabel(getTranslation("counter.channel"));
        channel.setItemLabelGenerator(c -> getTranslation("counter.channel." + c.json()));
        channel.setValue(assisted.channel());
        cpr.setLabel(getTranslation("counter.cpr"));
        cpr.setHelperText(getTranslation("counter.cpr.help"));
        purpose.setLabel(getTranslation("counter.purpose"));
        purpose.setHelperText(getTranslation("counter.purpose.help"));
        purpose.setRequiredIndicatorVisible(true);
        var find = new Button(getTranslation("counter.find"), e -> find());
        find.addThemeVariants(ButtonVariant.PRIMARY);
        find.setId("counter-find");
        add(
                new H1(getTranslation("counter.title")),
                new Paragraph(getTranslation("counter.intro")),
                channel,
                cpr,
                purpose,
                new Div(find),
                citizenPanel);
        renderCitizen();
    }

    private void find() {
        cpr.setInvalid(false);
        purpose.setInvalid(false);
        var parsed = CprNumber.parse(cpr.getValue(), LocalDate.now(clock));
        if (parsed.number().isEmpty()) {
            cpr.setErrorMessage(getTranslation("counter.cpr.invalid"));
            cpr.setInvalid(true);
            cpr.focus();
            return;
        }
        if (purpose.getValue().isBlank()) {
            purpose.setErrorMessage(getTranslation("counter.purpose.missing"));
            purpose.setInvalid(true);
            purpose.focus();
            return;
        }
        var stated = purpose.getValue().strip();
        var via = channel.getValue() == null ? Channel.COUNTER : channel.getValue();
        var found = filings.find(
                parsed.number().get().digits(),
                stated,
                via,
                currentUser.require().username());
        if (found.isEmpty()) {
            assisted.end();
            citizenPanel.removeAll();
            cpr.setErrorMessage(getTranslation("counter.cpr.unknown"));
            cpr.setInvalid(true);
            return;
        }
        assisted.begin(found.get(), stated, via);
        cpr.clear();
        renderCitizen();
    }

    private void renderCitizen() {
        citizenPanel.removeAll();
        var found = assisted.citizen();
        if (found.isEmpty()) {
            return;
        }
        var citizen = found.get();
        filings.viewed(assistance());
        var locale = getLocale();
        citizenPanel.addClassName("counter-citizen");
        var heading = new H2(citizen.name() == null ? getTranslation("counter.citizen.unnamed") : citizen.name());
        heading.setId("counter-citizen-name");
        citizenPanel.add(heading);
        citizenPanel.add(new Paragraph(getTranslation("counter.citizen.cpr", CprNumber.mask(citizen.cpr()))));
        if (citizen.addressProtected()) {
            var note = new Paragraph(getTranslation("counter.citizen.protected"));
            note.addClassName("warning-box");
            citizenPanel.add(note);
        } else if (citizen.address() != null) {
            citizenPanel.add(new Paragraph(getTranslation("counter.citizen.address", citizen.address())));
        } else if (citizen.name() == null) {
            citizenPanel.add(new Paragraph(getTranslation("counter.citizen.unavailable")));
        }
        citizenPanel.add(new Paragraph(getTranslation(
                "counter.citizen.purpose",
                assisted.purpose(),
                getTranslation("counter.channel." + assisted.channel().json()))));
        consent = new Checkbox(
                getTranslation("counter.consent." + assisted.channel().json()));
        consent.setId("counter-consent");
        consent.setValue(assisted.consent());
        consent.addValueChangeListener(e -> assisted.consent(e.getValue()));
        citizenPanel.add(consent);

        var open = drafts.openDrafts(citizen.cpr());
        citizenPanel.add(new H3(getTranslation("counter.drafts")));
        if (open.isEmpty()) {
            citizenPanel.add(new Paragraph(getTranslation("cases.drafts.none")));
        } else {
            citizenPanel.add(new DraftCards(
                    open.stream()
                            .map(d -> new DraftCards.Card(
                                    d,
                                    drafts.definitionOf(d),
                                    getTranslation(
                                            d.answers().assistance().isPresent()
                                                    ? "counter.draft.assisted"
                                                    : "counter.draft.own")))
                            .toList(),
                    true,
                    "counter-continue-",
                    this::open));
        }

        citizenPanel.add(new H3(getTranslation("counter.start")));
        var forms = new UnorderedList();
        forms.addClassName("card-list");
        for (var form : catalog.forAudience(Audience.COUNTER)) {
            var start = new Button(getTranslation("forms.start"), e -> start(form));
            start.addThemeVariants(ButtonVariant.PRIMARY);
            start.setId("counter-start-" + form.id());
            start.getElement()
                    .setAttribute(
                            "aria-label",
                            getTranslation("forms.start") + ": " + form.title().in(locale));
            var item = new ListItem(new H3(form.title().in(locale)));
            var actions = new Div(start);
            // A form the citizen already has a draft of offers to continue it, beside starting anew:
            // drafts do not multiply at the counter either.
            open.stream().filter(d -> d.formId().equals(form.id())).findFirst().ifPresent(draft -> {
                var hint = new Paragraph(getTranslation(
                        "forms.draft.exists",
                        dk.indgang.engine.ValueFormat.date(draft.updatedAt().toLocalDate())));
                hint.addClassName("hint");
                var resume = new Button(getTranslation("forms.draft.exists.continue"), e -> open(draft));
                resume.setId("counter-resume-" + form.id());
                resume.getElement()
                        .setAttribute(
                                "aria-label",
                                getTranslation("forms.draft.exists.continue") + ": "
                                        + form.title().in(locale));
                actions.addComponentAsFirst(resume);
                item.add(hint);
            });
            item.add(actions);
            forms.add(item);
        }
        citizenPanel.add(forms);

        citizenPanel.add(new H3(getTranslation("counter.applications")));
        var applications = submissions.forApplicant(citizen.cpr());
        if (applications.isEmpty()) {
            citizenPanel.add(new Paragraph(getTranslation("cases.applications.none")));
        } else {
            var list = new UnorderedList();
            list.addClassName("card-list");
            for (var application : applications) {
                var title = drafts.formTitle(
                        application.formId(), application.formVersion(), application.formSha256(), locale);
                var item = new ListItem(
                        new H3(title),
                        new Paragraph(application.receiptNumber() + " · "
                                + getTranslation(
                                        "status." + application.status().name())),
                        ReceiptLink.of(
                                application,
                                () -> submissions
                                        .receipt(application.id(), citizen.cpr())
                                        .orElseThrow(),
                                getTranslation("wizard.done.receipt")));
                CounterCaseView.linkFor(
                                application,
                                filings,
                                assisted,
                                currentUser.require(),
                                getTranslation("counter.case.open"))
                        .ifPresent(link -> item.add(new Div(link)));
                list.add(item);
            }
            citizenPanel.add(list);
        }
        var end = new Button(getTranslation("counter.end"), e -> {
            assisted.end();
            render();
        });
        end.setId("counter-end");
        citizenPanel.add(new Div(end));
    }

    private AssistedFilings.Assistance assistance() {
        return assisted.assistance(currentUser.require()).orElseThrow();
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

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counter.title") + " · Indgang";
    }
}

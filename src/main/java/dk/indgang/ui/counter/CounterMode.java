package dk.indgang.ui.counter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Application;
import dk.indgang.submission.Draft;
import dk.indgang.submission.FormFilling;
import dk.indgang.ui.wizard.AssistanceMode;
import dk.indgang.ui.wizard.ProvenanceNotes;
import dk.indgang.ui.wizard.ReceiptLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * A caseworker files for the citizen she found, at the counter or on the phone: a banner says whom
 * she helps, the register's value stands beside a differing statement, a warning is overridden only
 * with a written justification, and the declaration must be read aloud before Send.
 */
@org.springframework.stereotype.Component
@VaadinSessionScope
@Order(1)
class CounterMode implements AssistanceMode {

    private final AssistedFiling assisted;
    private final AssistedFilings filings;
    private final FormFilling filling;

    CounterMode(AssistedFiling assisted, AssistedFilings filings, FormFilling filling) {
        this.assisted = assisted;
        this.filings = filings;
        this.filling = filling;
    }

    @Override
    public boolean serves(CurrentUser.User user) {
        return user.caseworker();
    }

    /** A caseworker reaches only the drafts of the citizen she found with a purpose. */
    @Override
    public Optional<String> citizenCpr(CurrentUser.User user) {
        return assisted.citizen().map(AssistedFilings.Citizen::cpr);
    }

    @Override
    public void opened(Draft draft, CurrentUser.User user) {
        filings.opened(draft, assistance(user));
    }

    private AssistedFilings.Assistance assistance(CurrentUser.User user) {
        return assisted.assistance(user).orElseThrow();
    }

    @Override
    public Optional<Component> banner() {
        var citizen = assisted.citizen().orElseThrow();
        var ui = UI.getCurrent();
        var banner = new Div(new Span(ui.getTranslation(
                "counter.banner",
                citizen.name() == null ? CprNumber.mask(citizen.cpr()) : citizen.name(),
                CprNumber.mask(citizen.cpr()),
                ui.getTranslation("counter.channel." + assisted.channel().json()))));
        banner.addClassName("assist-banner");
        banner.setId("counter-banner");
        banner.getElement().setAttribute("role", "note");
        return Optional.of(banner);
    }

    @Override
    public LookupContext lookupContext(LookupRunner.Due due, Draft draft, CurrentUser.User user) {
        return filings.lookupContext(due.lookup(), draft, assistance(user));
    }

    /** An override needs a written justification; the session refuses one without. */
    @Override
    public String standingKey(dk.indgang.engine.ApplicantStanding standing) {
        return "counter." + standing.key();
    }

    @Override
    public Optional<String> answersOnBehalf(CurrentUser.User user) {
        return Optional.of(user.username());
    }

    @Override
    public Component warningControls(Violation warning, FormSession session, CurrentUser.User user, Runnable changed) {
        var ruleId = warning.ruleId();
        var ui = UI.getCurrent();
        var justification = new TextArea(ui.getTranslation("counter.override.justification"));
        justification.setId("explain-" + ruleId);
        justification.setRequiredIndicatorVisible(true);
        var override = new Checkbox(ui.getTranslation("counter.override"));
        override.setId("confirm-" + ruleId);
        var overridden = session.answers().overrides().containsKey(ruleId);
        override.setValue(overridden);
        justification.setValue(overridden ? session.answers().acknowledgements().getOrDefault(ruleId, "") : "");
        override.addValueChangeListener(e -> {
            if (!e.getValue()) {
                session.withdrawAcknowledgement(ruleId);
            } else if (justification.getValue().isBlank()) {
                justification.setErrorMessage(ui.getTranslation("counter.override.missing"));
                justification.setInvalid(true);
                override.setValue(false);
                justification.focus();
                return;
            } else {
                justification.setInvalid(false);
                session.override(ruleId, justification.getValue(), user.username());
            }
            changed.run();
        });
        justification.addValueChangeListener(e -> {
            if (override.getValue() && e.getValue().isBlank()) {
                override.setValue(false);
            } else if (override.getValue()) {
                session.override(ruleId, e.getValue(), user.username());
            }
        });
        var controls = new Div(justification, override);
        controls.addClassName("override");
        return controls;
    }

    /** At the counter the register's value stands beside the citizen's statement. */
    @Override
    public Optional<String> provenanceNote(Component at, Provenance provenance) {
        if (provenance.source() != Provenance.Source.CHANGED || provenance.registerValue() == null) {
            return Optional.empty();
        }
        var value = ProvenanceNotes.registerValue(at, provenance);
        return Optional.of(
                at.getTranslation("counter.provenance.changed", Provenance.registerName(provenance.register()), value));
    }

    @Override
    public Optional<Component> beforeSubmit(FormSession session) {
        var readAloud = new Checkbox(UI.getCurrent().getTranslation("counter.declaration.read"));
        readAloud.setId("counter-declaration-read");
        readAloud.setValue(session.answers()
                .assistance()
                .map(a -> a.declarationWasReadAloud())
                .orElse(false));
        readAloud.addValueChangeListener(e -> filings.declarationReadAloud(session, e.getValue()));
        return Optional.of(readAloud);
    }

    @Override
    public Application submit(Draft draft, FormSession session, CurrentUser.User user, Locale locale) {
        return filings.submit(draft, session, assistance(user), locale);
    }

    @Override
    public List<Component> afterSubmit(Optional<Application> application, Draft draft) {
        var ui = UI.getCurrent();
        var components = new ArrayList<Component>();
        application.ifPresent(a -> {
            components.add(ReceiptLink.forPrinting(
                    a, () -> filling.receipt(a, draft.ownerCpr()), ui.getTranslation("counter.receipt.print")));
            components.add(new Paragraph(ui.getTranslation("counter.done.digitalpost")));
        });
        var back = new Anchor(
                RouteConfiguration.forSessionScope().getUrl(CounterView.class), ui.getTranslation("counter.back"));
        back.setId("counter-back");
        components.add(back);
        return components;
    }

    @Override
    public Class<? extends Component> home() {
        return CounterView.class;
    }
}

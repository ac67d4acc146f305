package dk.indgang.ui.citizen;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteConfiguration;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Application;
import dk.indgang.submission.Draft;
import dk.indgang.submission.FormFilling;
import dk.indgang.ui.wizard.AssistanceMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The citizen fills in her own form online: she confirms and explains warnings herself. */
@org.springframework.stereotype.Component
@Order(2)
class CitizenMode implements AssistanceMode {

    private final FormFilling filling;

    CitizenMode(FormFilling filling) {
        this.filling = filling;
    }

    @Override
    public boolean serves(CurrentUser.User user) {
        return user.citizen();
    }

    @Override
    public Optional<String> citizenCpr(CurrentUser.User user) {
        return user.cpr();
    }

    @Override
    public LookupContext lookupContext(LookupRunner.Due due, Draft draft, CurrentUser.User user) {
        return new LookupContext(
                user.username(),
                draft.ownerCpr(),
                due.lookup().purpose().da(),
                draft.id().toString());
    }

    @Override
    public Component warningControls(Violation warning, FormSession session, CurrentUser.User user, Runnable changed) {
        var ruleId = warning.ruleId();
        var ui = UI.getCurrent();
        var confirm = new Checkbox(ui.getTranslation("wizard.warning.confirm"));
        confirm.setId("confirm-" + ruleId);
        var label = session.form().explanationLabel(ruleId);
        var explanation = new TextArea(label.own()
                .map(t -> t.in(ui.getLocale()) + " " + ui.getTranslation("wizard.optional"))
                .orElseGet(() -> ui.getTranslation(
                        label.difference() ? "wizard.warning.explain.difference" : "wizard.warning.explain")));
        explanation.setId("explain-" + ruleId);
        var given = session.answers().acknowledgements().get(ruleId);
        confirm.setValue(given != null);
        explanation.setValue(given == null ? "" : given);
        confirm.addValueChangeListener(e -> {
            if (e.getValue()) {
                session.acknowledge(ruleId, explanation.getValue());
            } else {
                session.withdrawAcknowledgement(ruleId);
            }
            changed.run();
        });
        explanation.addValueChangeListener(e -> {
            if (confirm.getValue()) {
                session.acknowledge(ruleId, e.getValue());
            }
        });
        return new Div(confirm, explanation);
    }

    @Override
    public Application submit(Draft draft, FormSession session, CurrentUser.User user, Locale locale) {
        return filling.submitOnline(draft, session, user.username(), locale);
    }

    @Override
    public List<Component> afterSubmit(Optional<Application> application, Draft draft) {
        var routes = RouteConfiguration.forSessionScope();
        var ui = UI.getCurrent();
        return List.of(
                new Anchor(routes.getUrl(MyCasesView.class), ui.getTranslation("cases.title")),
                new Anchor(routes.getUrl(FormsView.class), ui.getTranslation("wizard.done.back")));
    }

    @Override
    public Class<? extends Component> home() {
        return FormsView.class;
    }
}

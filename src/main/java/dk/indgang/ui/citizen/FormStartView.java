package dk.indgang.ui.citizen;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Register;
import dk.indgang.engine.ValueFormat;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.FormFilling;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.wizard.WizardView;
import java.util.Optional;

/**
 * A form's start page, the address the municipality's website links to: what the form is for, what
 * she needs at hand, about how long it takes, which registers it asks — then Start (or continue the
 * draft she has). Open without logging in; Start asks her to log in first.
 */
@Route(value = "formular/:formId", layout = MainLayout.class)
@AnonymousAllowed
public class FormStartView extends VerticalLayout
        implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final FormFilling filling;
    private final CurrentUser currentUser;
    private FormDefinition form;

    public FormStartView(FormFilling filling, CurrentUser currentUser) {
        this.filling = filling;
        this.currentUser = currentUser;
        setPadding(false);
        addClassName("narrow");
    }

    /** The start page's address for a form. */
    public static String url(String formId) {
        return RouteConfiguration.forSessionScope().getUrl(FormStartView.class, new RouteParameters("formId", formId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form = event.getRouteParameters()
                .get("formId")
                .flatMap(filling::offered)
                .orElse(null);
        render();
    }

    private void render() {
        removeAll();
        var locale = getLocale();
        if (form == null) {
            add(new H1(getTranslation("start.notfound")), new Anchor("", getTranslation("wizard.done.back")));
            return;
        }
        add(new H1(form.title().in(locale)));
        if (form.description() != null) {
            add(new Paragraph(form.description().in(locale)));
        }
        var start = form.start();
        if (!start.need().isEmpty()) {
            var need = new UnorderedList();
            need.setId("start-need");
            start.need().forEach(t -> need.add(new ListItem(t.in(locale))));
            add(new H2(getTranslation("start.need")), need);
        }
        var registers = form.lookups().stream()
                .map(l -> Register.displayName(l.type().register()))
                .distinct()
                .toList();
        if (!registers.isEmpty()) {
            add(new Paragraph(getTranslation("start.registers", String.join(", ", registers))));
        }
        if (start.minutes() != null) {
            var time = new Paragraph(getTranslation("start.minutes", start.minutes()));
            time.setId("start-minutes");
            add(time);
        }
        add(new Paragraph(getTranslation("start.saved")));
        add(actions());
    }

    private Div actions() {
        var actions = new Div();
        actions.addClassName("wizard-buttons");
        var citizen = currentUser.get().filter(CurrentUser.User::citizen).flatMap(CurrentUser.User::cpr);
        if (citizen.isEmpty()) {
            var login = new Anchor("formular/" + form.id() + "/log-ind", getTranslation("start.login"));
            login.setId("start-login");
            login.addClassName("button-link");
            actions.add(login);
            return actions;
        }
        var cpr = citizen.get();
        var begin = new Button(getTranslation("start.begin"), e -> go(Optional.of(filling.start(form, cpr))));
        begin.setId("start-begin");
        begin.addThemeVariants(ButtonVariant.PRIMARY);
        var drafts = filling.openDrafts(cpr, form.id());
        if (!drafts.isEmpty()) {
            var draft = drafts.getFirst();
            var resume = new Button(getTranslation("forms.draft.exists.continue"), e -> go(Optional.of(draft)));
            resume.setId("start-resume");
            resume.addThemeVariants(ButtonVariant.PRIMARY);
            begin.setText(getTranslation("forms.draft.exists.new"));
            begin.removeThemeVariants(ButtonVariant.PRIMARY);
            add(new Paragraph(getTranslation(
                    "forms.draft.exists", ValueFormat.date(draft.updatedAt().toLocalDate()))));
            actions.add(resume);
        }
        actions.add(begin);
        return actions;
    }

    private void go(Optional<dk.indgang.submission.Draft> draft) {
        draft.ifPresent(d -> UI.getCurrent()
                .navigate(WizardView.class, new RouteParameters(WizardView.params(d.id(), d.currentStep()))));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return (form == null ? getTranslation("start.notfound") : form.title().in(getLocale())) + " · Indgang";
    }
}

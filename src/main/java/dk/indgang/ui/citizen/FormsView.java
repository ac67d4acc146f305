package dk.indgang.ui.citizen;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.Audience;
import dk.indgang.definition.FormDefinition;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Drafts;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.wizard.DraftCards;
import dk.indgang.ui.wizard.WizardView;
import jakarta.annotation.security.PermitAll;

/** The landing page: the forms this user may fill in, and their drafts to continue. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class FormsView extends VerticalLayout
        implements LocaleChangeObserver, HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final FormCatalog catalog;
    private final Drafts drafts;
    private final CurrentUser currentUser;

    public FormsView(FormCatalog catalog, Drafts drafts, CurrentUser currentUser) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.currentUser = currentUser;
        setPadding(false);
        addClassName("narrow");
        render();
    }

    /** Caseworkers work in the counter workspace; the landing page is the citizens'. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        if (currentUser.get().map(CurrentUser.User::caseworker).orElse(false)) {
            event.forwardTo(dk.indgang.ui.counter.CounterView.class);
        } else if (currentUser.get().map(CurrentUser.User::decidesCases).orElse(false)) {
            event.forwardTo(dk.indgang.ui.casework.InboxView.class);
        } else if (currentUser.get().map(CurrentUser.User::formDesigner).orElse(false)) {
            event.forwardTo(dk.indgang.ui.designer.DesignerView.class);
        }
    }

    private void render() {
        removeAll();
        var locale = getLocale();
        add(new H1(getTranslation("forms.title")), new Paragraph(getTranslation("forms.intro")));
        var user = currentUser.require();
        var open = user.cpr().map(drafts::openDrafts).orElse(java.util.List.of());
        if (!open.isEmpty()) {
            var cpr = user.cpr().orElseThrow();
            var list = new DraftCards(
                    open.stream()
                            .map(d -> new DraftCards.Card(d, drafts.definitionOf(d), null))
                            .toList(),
                    false,
                    null,
                    DraftCards::continueInWizard,
                    d -> {
                        drafts.discard(d.id(), cpr);
                        render();
                    });
            add(new H2(getTranslation("forms.drafts")), list);
        }
        var audience = user.citizen() ? Audience.CITIZEN : Audience.COUNTER;
        var forms = user.citizen() ? catalog.forAudience(audience) : java.util.List.<FormDefinition>of();
        if (forms.isEmpty()) {
            add(new Paragraph(getTranslation("forms.none")));
            return;
        }
        add(new dk.indgang.ui.wizard.FormStartList(
                forms,
                open,
                false,
                true,
                "start-",
                "continue-",
                this::start,
                DraftCards::continueInWizard,
                f -> FormStartView.url(f.id())));
    }

    private void start(FormDefinition form) {
        var cpr = currentUser.require().cpr().orElseThrow();
        var draft = drafts.start(form, cpr);
        UI.getCurrent()
                .navigate(WizardView.class, new RouteParameters(WizardView.params(draft.id(), draft.currentStep())));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forms.title") + " · Indgang";
    }
}

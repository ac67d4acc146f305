package dk.indgang.ui.wizard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.Review;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.submission.DeclarationNotReadAloudException;
import dk.indgang.submission.Draft;
import dk.indgang.submission.FormFilling;
import dk.indgang.submission.NotSubmittableException;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Any form definition as a wizard: one step per page, the review page ("Tjek dine svar") and the
 * done page. It composes the components of this package and asks {@link FormFilling} and the
 * user's {@link AssistanceMode}; the draft is saved at every step move.
 */
@Route(value = "ansoegning/:draftId/:step", layout = MainLayout.class)
@RolesAllowed({Roles.CITIZEN, Roles.COUNTER})
public class WizardView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    public static final String REVIEW = "tjek";
    /** The query parameter a review's "Ret" link carries. */
    static final String FROM_REVIEW = "fra-tjek";

    public static final String DONE = "modtaget";

    private final FormFilling service;
    private final CurrentUser currentUser;
    private final List<AssistanceMode> modes;
    private final LiveLookups lookups;
    private final ErrorSummary summary = new ErrorSummary();
    private AssistanceMode mode;
    private StepPage page;
    private Draft draft;
    private FormSession session;
    /**
     * Who is using the page, read when she enters it: a register's answer updates the step from a
     * background thread's {@code UI.access}, where no request carries the login.
     */
    private CurrentUser.User user;

    private String stepId;
    private boolean returnToReview;
    /** Set by Next, Back and Send: the new page's heading gets the focus, so it is read out. */
    private boolean moved;

    public WizardView(FormFilling service, CurrentUser currentUser, List<AssistanceMode> modes) {
        this.service = service;
        this.currentUser = currentUser;
        this.modes = modes;
        this.lookups = new LiveLookups(service.lookupRunner());
        addDetachListener(e -> lookups.stop());
        setPadding(false);
        addClassName("narrow");
    }

    public static Map<String, String> params(UUID draftId, String step) {
        return Map.of("draftId", draftId.toString(), "step", step == null ? "" : step);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = currentUser.require();
        this.user = user;
        mode = modes.stream().filter(m -> m.serves(user)).findFirst().orElseThrow();
        var found = event.getRouteParameters().get("draftId").flatMap(id -> mode.citizenCpr(user)
                .flatMap(cpr -> service.find(id, cpr)));
        if (found.isEmpty()) {
            removeAll();
            add(new H1(getTranslation("wizard.notfound")), homeLink());
            draft = null;
            return;
        }
        var sameDraft = draft != null && draft.id().equals(found.get().id());
        if (!sameDraft) {
            mode.opened(found.get(), user);
        }
        lookups.reset();
        draft = found.get();
        session = service.open(draft, sameDraft ? session : null, mode.answersOnBehalf(user));
        service.guardCprComparisons(session, draft, user.username());
        var requested = event.getRouteParameters().get("step").orElse("");
        // "Ret" on the review: after the change, Next goes back to the review, not through every step.
        returnToReview =
                event.getLocation().getQueryParameters().getParameters().containsKey(FROM_REVIEW);
        var evaluation = session.evaluate();
        stepId = draft.status() == Draft.Status.SUBMITTED
                ? DONE
                : requested.equals(REVIEW) || evaluation.isStepVisible(requested)
                        ? requested
                        : evaluation.visibleSteps().getFirst().id();
        render();
        startLookups();
    }

    private void render() {
        removeAll();
        page = null;
        add(new H1(session.form().title().in(getLocale())));
        mode.banner().ifPresent(this::add);
        if (!DONE.equals(stepId)) {
            add(lookups);
            lookups.showStatus(session);
        }
        switch (stepId) {
            case DONE -> renderDone();
            case REVIEW -> renderReview();
            default -> renderStep();
        }
        if (moved) {
            moved = false;
            getElement()
                    .executeJs(
                            "const h = document.getElementById('step-heading'); if (h) { h.tabIndex = -1; h.focus(); }");
        }
    }

    private void renderStep() {
        page = new StepPage(session, stepId, mode, user, new StepForm.Uploads() {
            @Override
            public dk.indgang.engine.AttachmentRef store(
                    String name, String type, byte[] data, java.util.List<String> accept) {
                return service.store(draft, name, type, data, accept);
            }

            @Override
            public void removed(dk.indgang.engine.AttachmentRef file) {
                draft = service.removeAttachment(draft, session, stepId, file);
            }
        });
        page.addChangeListener(e -> {
            // Saved as she goes: an answer is kept when she leaves the field, not only on Next, so a
            // closed tab or a timeout loses nothing.
            draft = service.save(draft, session, stepId);
            startLookups();
        });
        page.addMoveListener(e -> {
            if (e.forward() && returnToReview) {
                go(REVIEW);
            } else {
                move(e.forward());
            }
        });
        if (returnToReview) {
            page.returnsToReview();
        }
        add(page);
        var later = new Button(getTranslation("wizard.savelater"), e -> {
            draft = service.save(draft, session, stepId);
            com.vaadin.flow.component.notification.Notification.show(getTranslation("wizard.saved"))
                    .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.SUCCESS);
            UI.getCurrent().navigate(mode.home());
        });
        later.addThemeVariants(ButtonVariant.TERTIARY);
        later.setId("wizard-save-later");
        add(later);
    }

    private void startLookups() {
        if (draft != null && draft.status() == Draft.Status.OPEN) {
            lookups.start(
                    session,
                    draft.ownerCpr(),
                    due -> mode.lookupContext(due, draft, user),
                    () -> page == null ? Map.<String, String>of() : page.shownValues(),
                    before -> {
                        // in place where it can be: a new layout would take her focus and resend the step
                        if (page != null && !page.showAnswers(before)) {
                            render();
                        }
                        lookups.showStatus(session);
                        startLookups();
                    });
        }
    }

    private void move(boolean forward) {
        var steps = session.evaluate().visibleSteps();
        var index = Stepper.indexOf(steps, stepId, REVIEW) + (forward ? 1 : -1);
        if (index < 0) {
            service.save(draft, session, stepId);
            UI.getCurrent().navigate(mode.home());
        } else {
            go(index < steps.size() ? steps.get(index).id() : REVIEW);
        }
    }

    private void go(String step) {
        moved = true;
        draft = service.save(draft, session, step);
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(params(draft.id(), step)));
    }

    private String stepUrl(String step) {
        return RouteConfiguration.forSessionScope()
                .getUrl(WizardView.class, new RouteParameters(params(draft.id(), step)));
    }

    private void renderReview() {
        add(new ReviewPage(
                session.evaluate(),
                Review.of(session, getLocale()),
                p -> ProvenanceNotes.note(this, mode, p),
                step -> stepUrl(step) + "?" + FROM_REVIEW));
        service.assess(session, getLocale()).ifPresent(a -> add(new AssessmentPanel(a)));
        summary.hide();
        add(summary);
        mode.beforeSubmit(session).ifPresent(this::add);
        var back = new Button(getTranslation("wizard.back"), e -> move(false));
        back.setId("wizard-back");
        var submit = new Button(getTranslation("wizard.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("wizard-submit");
        var buttons = new Div(back, submit);
        buttons.addClassName("wizard-buttons");
        add(buttons);
    }

    /** The final verdict is the service's, on the server, over the whole form. */
    private void submit() {
        try {
            mode.submit(draft, session, user, getLocale());
        } catch (NotSubmittableException e) {
            if (e.blocking().isEmpty()) {
                summary.showMessage(getTranslation(
                        e instanceof DeclarationNotReadAloudException
                                ? "counter.declaration.missing"
                                : "wizard.submit.blocked"));
            } else {
                summary.showForSubmit(e.blocking(), session.evaluate(), this::stepUrl);
            }
            return;
        }
        moved = true;
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(params(draft.id(), DONE)));
    }

    private void renderDone() {
        var application = service.application(draft);
        add(new DonePanel(
                application, application.flatMap(service::decision), a -> service.receipt(a, draft.ownerCpr())));
        mode.afterSubmit(application, draft).forEach(this::add);
    }

    private Anchor homeLink() {
        return new Anchor(RouteConfiguration.forSessionScope().getUrl(mode.home()), getTranslation("wizard.done.back"));
    }

    /** For browserless tests: waits until the lookups started so far have answered. */
    public int awaitLookupsForTests() throws Exception {
        return lookups.awaitForTests();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (draft != null) {
            render();
        }
    }

    @Override
    public String getPageTitle() {
        if (session == null) {
            return "Indgang";
        }
        var title = session.form().title().in(getLocale());
        var step = REVIEW.equals(stepId)
                ? getTranslation("wizard.review")
                : session.form().steps().stream()
                        .filter(s -> s.id().equals(stepId))
                        .map(s -> s.title().in(getLocale()))
                        .findFirst()
                        .orElse(null);
        return step == null ? title : step + " · " + title;
    }
}

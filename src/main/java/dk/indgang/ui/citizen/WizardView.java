package dk.indgang.ui.citizen;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dk.indgang.assessment.AssessmentResult;
import dk.indgang.assessment.Assessor;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.Severity;
import dk.indgang.definition.Step;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Review;
import dk.indgang.engine.ValueFormat;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.submission.Attachments;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.NotSubmittableException;
import dk.indgang.submission.Submissions;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.components.FieldControl;
import dk.indgang.ui.counter.AssistedFiling;
import dk.indgang.ui.counter.CounterView;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Any form definition as a wizard: one step per page with a stepper, fields by type, live checks
 * from the engine when a field is left, an error summary linking to the fields on Next, the review
 * page ("Tjek dine svar") and the final verdict at submit. The draft is saved at every step move.
 */
@Route(value = "ansoegning/:draftId/:step", layout = MainLayout.class)
@RolesAllowed({Roles.CITIZEN, Roles.COUNTER})
public class WizardView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String REVIEW = "tjek";
    static final String DONE = "modtaget";

    private final Drafts drafts;
    private final Attachments attachments;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LookupRunner lookups;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final AssistedFiling assisted;
    private final AssistedFilings filings;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> running = new CopyOnWriteArrayList<>();
    private final Set<String> pendingRegisters = new java.util.LinkedHashSet<>();
    private final Div lookupStatus = new Div();

    private Draft draft;
    private FormSession session;
    private String stepId;
    private final Map<String, FieldControl> controls = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final Div summary = new Div();
    private final Div warnings = new Div();
    private List<String> shownWarnings = List.of();

    public WizardView(
            Drafts drafts,
            Attachments attachments,
            CurrentUser currentUser,
            Clock clock,
            LookupRunner lookups,
            Submissions submissions,
            FormCatalog catalog,
            AssistedFiling assisted,
            AssistedFilings filings) {
        this.assisted = assisted;
        this.filings = filings;
        this.submissions = submissions;
        this.catalog = catalog;
        this.drafts = drafts;
        this.attachments = attachments;
        this.currentUser = currentUser;
        this.clock = clock;
        this.lookups = lookups;
        lookupStatus.addClassName("lookup-status");
        lookupStatus.setId("lookup-status");
        lookupStatus.getElement().setAttribute("aria-live", "polite");
        addDetachListener(e -> background.shutdownNow());
        setPadding(false);
        addClassName("narrow");
        summary.addClassName("error-summary");
        summary.setId("error-summary");
        summary.getElement().setAttribute("tabindex", "-1");
        summary.getElement().setAttribute("role", "alert");
        warnings.addClassName("warnings");
    }

    public static Map<String, String> params(UUID draftId, String step) {
        return Map.of("draftId", draftId.toString(), "step", step == null ? "" : step);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = currentUser.require();
        // A caseworker reaches only the drafts of the citizen they are helping (found with a purpose).
        var cpr = user.citizen()
                ? user.cpr().orElse("")
                : assisted.citizen().map(AssistedFilings.Citizen::cpr).orElse("");
        var id = event.getRouteParameters().get("draftId").flatMap(WizardView::uuid);
        var found = id.flatMap(d -> drafts.find(d, cpr));
        if (found.isEmpty()) {
            removeAll();
            add(new H1(getTranslation("wizard.notfound")), backToForms());
            draft = null;
            return;
        }
        var previous = draft != null && draft.id().equals(found.get().id()) ? session : null;
        if (assisting() && (draft == null || !draft.id().equals(found.get().id()))) {
            filings.opened(found.get(), assisted.assistance(user).orElseThrow());
        }
        draft = found.get();
        session = new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        session.adoptLookups(previous);
        var requested = event.getRouteParameters().get("step").orElse("");
        if (draft.status() == Draft.Status.SUBMITTED) {
            stepId = DONE;
        } else if (requested.equals(REVIEW) || session.evaluate().isStepVisible(requested)) {
            stepId = requested;
        } else {
            stepId = session.evaluate().visibleSteps().getFirst().id();
        }
        touched.clear();
        pendingRegisters.clear();
        render();
        startLookups();
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void render() {
        removeAll();
        controls.clear();
        shownWarnings = List.of();
        var locale = getLocale();
        add(new H1(session.form().title().in(locale)));
        if (assisting()) {
            add(assistanceBanner());
        }
        if (!DONE.equals(stepId)) {
            add(lookupStatus);
            refreshLookupStatus();
        }
        switch (stepId) {
            case DONE -> renderDone();
            case REVIEW -> renderReview();
            default -> renderStep();
        }
    }

    // ---- a step ------------------------------------------------------------------------------

    private void renderStep() {
        var locale = getLocale();
        var evaluation = session.evaluate();
        var steps = evaluation.visibleSteps();
        var index = indexOf(steps, stepId);
        var step = steps.get(index);
        add(stepper(steps, index, evaluation));
        summary.removeAll();
        summary.setVisible(false);
        add(summary);
        var heading = new H2(step.title().in(locale));
        heading.setId("step-heading");
        add(heading);
        if (step.intro() != null) {
            add(new Paragraph(step.intro().in(locale)));
        }
        var fields = new Div();
        fields.addClassName("fields");
        for (var field : step.fields()) {
            fields.add(render(field, evaluation));
        }
        add(fields, warnings);
        var back = new Button(getTranslation("wizard.back"), e -> back());
        back.setId("wizard-back");
        var next = new Button(getTranslation("wizard.next"), e -> next());
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.setId("wizard-next");
        var buttons = new Div(back, next);
        buttons.addClassName("wizard-buttons");
        add(buttons);
        refresh();
    }

    private Component render(Field field, Evaluation evaluation) {
        var locale = getLocale();
        if (field.isComputed()) {
            var control = FieldControl.computed(
                    field, evaluation.computed().get(field.id()), locale, getTranslation("wizard.computed"));
            control.component().setId(FieldControl.domId(field.id()));
            controls.put(field.id(), control);
            return control.component();
        }
        return switch (field.type()) {
            case FieldType.Group group -> renderGroup(field, group);
            case FieldType.Attachment attachment -> renderAttachment(field, attachment);
            default -> {
                var control = FieldControl.create(
                        field,
                        session.answers().get(field.id()),
                        locale,
                        this::translate,
                        value -> changed(field.id(), value),
                        () -> left(field.id()));
                controls.put(field.id(), control);
                yield control.component();
            }
        };
    }

    private Component renderGroup(Field field, FieldType.Group group) {
        var locale = getLocale();
        var box = new Div();
        box.addClassName("group");
        box.setId(FieldControl.domId(field.id()));
        box.getElement().setAttribute("role", "group");
        var legend = new H3(field.label().in(locale));
        legend.setId(FieldControl.domId(field.id()) + "-label");
        box.getElement().setAttribute("aria-labelledby", legend.getId().orElseThrow());
        box.add(legend);
        if (field.help() != null) {
            box.add(hint(field.help().in(locale)));
        }
        var groupError = new Span();
        groupError.addClassName("group-error");
        groupError.setId(FieldControl.domId(field.id()) + "-error");
        box.add(groupError);
        controls.put(field.id(), GroupErrors.of(field, box, groupError));
        var itemName = group.itemLabel() != null
                ? group.itemLabel().in(locale)
                : field.label().in(locale);
        var items = session.answers().items(field.id());
        if (items.isEmpty()) {
            box.add(hint(getTranslation("wizard.group.empty")));
        }
        for (int i = 0; i < items.size(); i++) {
            final int index = i;
            var item = new Div();
            item.addClassName("group-item");
            item.add(new H3(itemName + " " + (i + 1)));
            for (var inner : group.fields()) {
                var path = field.id() + "[" + i + "]." + inner.id();
                var control = FieldControl.create(
                        inner,
                        items.get(i).get(inner.id()),
                        locale,
                        this::translate,
                        value -> changedInItem(field.id(), index, inner.id(), path, value),
                        () -> left(path));
                control.component().setId(FieldControl.domId(path));
                controls.put(path, control);
                item.add(control.component());
            }
            var remove = new Button(
                    getTranslation("wizard.group.remove", itemName.toLowerCase(locale) + " " + (i + 1)), e -> {
                        session.answers().removeItem(field.id(), index);
                        render();
                    });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            item.add(remove);
            box.add(item);
        }
        if (items.size() < group.maxItems()) {
            var add = new Button(getTranslation("wizard.group.add", itemName.toLowerCase(locale)), e -> {
                var index = session.answers().addItem(field.id());
                render();
                var first = controls.get(field.id() + "[" + index + "]."
                        + group.fields().getFirst().id());
                if (first != null) {
                    first.focus();
                }
            });
            add.setId(FieldControl.domId(field.id()) + "-add");
            box.add(add);
        }
        return box;
    }

    private Component renderAttachment(Field field, FieldType.Attachment type) {
        var locale = getLocale();
        var box = new Div();
        box.addClassName("attachment");
        var label = new Span(field.label().in(locale));
        label.addClassName("attachment-label");
        box.add(label);
        if (field.help() != null) {
            box.add(hint(field.help().in(locale)));
        }
        var list = new UnorderedList();
        @SuppressWarnings("unchecked")
        var current = new ArrayList<AttachmentRef>(
                Optional.ofNullable((List<AttachmentRef>) session.answers().get(field.id()))
                        .orElse(List.of()));
        current.forEach(a -> list.add(new ListItem(a.name())));
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            var ref = attachments.store(draft, metadata.fileName(), metadata.contentType(), data);
            getUI().ifPresent(ui -> ui.access(() -> {
                current.add(ref);
                changed(field.id(), List.copyOf(current));
                list.add(new ListItem(ref.name()));
            }));
        }));
        upload.setAcceptedFileTypes(type.accept().stream().map(e -> "." + e).toArray(String[]::new));
        upload.setMaxFileSize(type.maxSizeMb() * 1024 * 1024);
        upload.setMaxFiles(type.maxFiles());
        upload.setId(FieldControl.domId(field.id()));
        upload.getElement().setAttribute("aria-label", field.label().in(locale));
        var error = new Span();
        error.addClassName("group-error");
        controls.put(field.id(), GroupErrors.of(field, upload, error));
        box.add(list, upload, error);
        return box;
    }

    private String translate(String key, Object[] args) {
        return getTranslation(key, args);
    }

    private void changed(String fieldId, Object value) {
        session.answer(fieldId, value);
        refresh();
        startLookups();
    }

    // ---- live register lookups -----------------------------------------------------------------

    /**
     * Starts the lookups whose keys are now known, in the background; the page stays usable, and
     * each answer is applied on the UI thread through push.
     */
    private void startLookups() {
        if (draft == null || draft.status() != Draft.Status.OPEN) {
            return;
        }
        var ui = UI.getCurrent();
        for (var due : lookups.due(session, draft.ownerCpr())) {
            var context = new LookupContext(
                    currentUser.require().username(),
                    draft.ownerCpr(),
                    assisting()
                            ? due.lookup().purpose().da() + " ("
                                    + getTranslation("counter.channel."
                                            + assisted.channel().json())
                                    + ": " + assisted.purpose() + ")"
                            : due.lookup().purpose().da(),
                    draft.id().toString());
            lookups.started(session, due);
            pendingRegisters.add(due.lookup().type().register());
            running.add(background.submit(() -> {
                var result = lookups.run(due, context);
                ui.access(() -> lookupAnswered(due, result));
            }));
        }
        refreshLookupStatus();
    }

    private void lookupAnswered(LookupRunner.Due due, dk.indgang.engine.LookupResult<?> result) {
        var before = stepValues();
        lookups.apply(session, due, result);
        pendingRegisters.clear();
        if (!before.equals(stepValues())) {
            render();
        } else {
            refresh();
            refreshLookupStatus();
        }
        startLookups();
    }

    private Map<String, Object> stepValues() {
        var values = new java.util.HashMap<String, Object>();
        controls.keySet()
                .forEach(path ->
                        values.put(path, String.valueOf(session.answers().get(path))));
        return values;
    }

    private void refreshLookupStatus() {
        lookupStatus.removeAll();
        var running = this.running.stream().anyMatch(f -> !f.isDone());
        if (running && !pendingRegisters.isEmpty()) {
            var bar = new ProgressBar();
            bar.setIndeterminate(true);
            bar.getElement().setAttribute("aria-hidden", "true");
            var names = pendingRegisters.stream()
                    .map(WizardView::registerName)
                    .distinct()
                    .toList();
            lookupStatus.add(new Paragraph(getTranslation("wizard.lookup.pending", String.join(", ", names))), bar);
        }
        var unavailable = session.lookupResults().values().stream()
                .filter(r -> r.isUnavailable())
                .map(r -> registerName(r.register()))
                .distinct()
                .toList();
        if (!unavailable.isEmpty()) {
            var notice =
                    new Div(new Paragraph(getTranslation("wizard.lookup.unavailable", String.join(", ", unavailable))));
            notice.addClassName("info-box");
            notice.setId("register-unavailable");
            lookupStatus.add(notice);
        }
    }

    static String registerName(String register) {
        return Provenance.registerName(register);
    }

    /**
     * For browserless tests: waits until the lookups started so far have answered.
     *
     * @return how many lookups this view has started in all
     */
    public int awaitLookupsForTests() throws Exception {
        var started = List.copyOf(running);
        for (var future : started) {
            future.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        return started.size();
    }

    private String provenanceNote(Provenance provenance) {
        if (provenance == null) {
            return null;
        }
        var register = registerName(provenance.register());
        if (assisting() && provenance.source() == Provenance.Source.CHANGED && provenance.registerValue() != null) {
            // At the counter the register's value stands beside the citizen's statement.
            var value =
                    switch (provenance.registerValue()) {
                        case dk.indgang.engine.AddressValue a -> a.display();
                        case java.math.BigDecimal b -> ValueFormat.money(b);
                        case Boolean b -> getTranslation(b ? "wizard.yes" : "wizard.no");
                        default -> String.valueOf(provenance.registerValue());
                    };
            return getTranslation("counter.provenance.changed", register, value);
        }
        return switch (provenance.source()) {
            case REGISTER -> getTranslation("wizard.provenance.register", register);
            case CHANGED -> getTranslation("wizard.provenance.changed", register);
            case NOT_VERIFIED -> getTranslation("wizard.provenance.notverified", register);
        };
    }

    private void changedInItem(String groupId, int index, String innerId, String path, Object value) {
        session.answers().setInItem(groupId, index, innerId, value);
        refresh();
        startLookups();
    }

    private void left(String path) {
        touched.add(path);
        refresh();
    }

    /** Brings visibility, required markers, computed values, errors and warnings up to date. */
    private void refresh() {
        var evaluation = session.evaluate();
        var locale = getLocale();
        for (var entry : controls.entrySet()) {
            var path = entry.getKey();
            var control = entry.getValue();
            control.component().setVisible(evaluation.isVisible(path));
            control.setRequired(evaluation.isRequired(path));
            if (control.field().isComputed()) {
                control.showComputed(evaluation.computed().get(path), locale);
            }
            var error = touched.contains(path) ? firstError(evaluation, path) : Optional.<String>empty();
            control.showError(error.orElse(null));
            control.showNote(provenanceNote(session.answers().provenance(path)));
        }
        refreshWarnings(evaluation);
        if (summary.isVisible()) {
            fillSummary(evaluation.blocking(stepId), evaluation);
        }
    }

    private Optional<String> firstError(Evaluation evaluation, String path) {
        return evaluation.at(path).stream()
                .filter(v -> v.severity() == Severity.ERROR)
                .findFirst()
                .map(v -> Messages.text(v, evaluation, getLocale()));
    }

    private void refreshWarnings(Evaluation evaluation) {
        var active = evaluation.onStep(stepId).stream()
                .filter(v -> v.isRule() && v.severity() != Severity.ERROR)
                .toList();
        var ids = active.stream().map(Violation::ruleId).toList();
        if (ids.equals(shownWarnings)) {
            return;
        }
        shownWarnings = ids;
        warnings.removeAll();
        for (var v : active) {
            var box = new Div();
            box.addClassName(v.severity() == Severity.WARNING ? "warning-box" : "info-box");
            box.setId("rule-" + v.ruleId());
            box.add(new Paragraph(Messages.text(v, evaluation, getLocale())));
            if (v.severity() == Severity.WARNING && assisting()) {
                box.add(overrideControls(v.ruleId()));
            } else if (v.severity() == Severity.WARNING) {
                var confirm = new Checkbox(getTranslation("wizard.warning.confirm"));
                confirm.setId("confirm-" + v.ruleId());
                var explanation = new TextArea(getTranslation("wizard.warning.explain"));
                explanation.setId("explain-" + v.ruleId());
                var ack = session.answers().acknowledgements().get(v.ruleId());
                confirm.setValue(ack != null);
                explanation.setValue(ack == null ? "" : ack);
                confirm.addValueChangeListener(e -> {
                    if (e.getValue()) {
                        session.answers().acknowledge(v.ruleId(), explanation.getValue());
                    } else {
                        session.answers().withdrawAcknowledgement(v.ruleId());
                    }
                    refresh();
                });
                explanation.addValueChangeListener(e -> {
                    if (confirm.getValue()) {
                        session.answers().acknowledge(v.ruleId(), e.getValue());
                    }
                });
                box.add(confirm, explanation);
            }
            warnings.add(box);
        }
    }

    private void next() {
        controls.keySet().forEach(touched::add);
        refresh();
        var evaluation = session.evaluate();
        var blocking = evaluation.blocking(stepId);
        if (!blocking.isEmpty()) {
            fillSummary(blocking, evaluation);
            summary.setVisible(true);
            summary.getElement().callJsFunction("focus");
            return;
        }
        var steps = evaluation.visibleSteps();
        var index = indexOf(steps, stepId);
        go(index + 1 < steps.size() ? steps.get(index + 1).id() : REVIEW);
    }

    private void back() {
        var steps = session.evaluate().visibleSteps();
        var index = REVIEW.equals(stepId) ? steps.size() : indexOf(steps, stepId);
        if (index == 0) {
            drafts.save(draft, session.answers(), stepId);
            UI.getCurrent().navigate(FormsView.class);
        } else {
            go(steps.get(index - 1).id());
        }
    }

    private void go(String step) {
        draft = drafts.save(draft, session.answers(), step);
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(params(draft.id(), step)));
    }

    private void fillSummary(List<Violation> blocking, Evaluation evaluation) {
        summary.removeAll();
        summary.add(
                new H2(getTranslation("wizard.errors.title")), new Paragraph(getTranslation("wizard.errors.intro")));
        var list = new UnorderedList();
        for (var v : blocking) {
            var target = v.isRule() && v.severity() == Severity.WARNING
                    ? "confirm-" + v.ruleId()
                    : FieldControl.domId(v.path());
            var link = new Anchor("#" + target, Messages.text(v, evaluation, getLocale()));
            var control = controls.get(v.path());
            link.getElement()
                    .addEventListener("click", e -> {
                        if (control != null && !(v.isRule() && v.severity() == Severity.WARNING)) {
                            control.focus();
                        } else {
                            UI.getCurrent().getPage().executeJs("document.getElementById($0)?.focus()", target);
                        }
                    })
                    .preventDefault();
            list.add(new ListItem(link));
        }
        summary.add(list);
    }

    // ---- the stepper ---------------------------------------------------------------------------

    private Component stepper(List<Step> steps, int current, Evaluation evaluation) {
        var locale = getLocale();
        var total = steps.size() + 1;
        var progress = new Paragraph(getTranslation("wizard.step.of", Math.min(current, steps.size()) + 1, total));
        progress.addClassName("progress-text");
        var list = new OrderedList();
        list.addClassName("stepper");
        for (int i = 0; i <= steps.size(); i++) {
            var title = i < steps.size() ? steps.get(i).title().in(locale) : getTranslation("wizard.review");
            var item = new ListItem();
            var done = i < current && evaluation.isStepComplete(steps.get(i).id());
            if (i == current) {
                item.getElement().setAttribute("aria-current", "step");
                item.addClassName("current");
            } else if (done) {
                item.addClassName("done");
            }
            item.add(new Span(title));
            list.add(item);
        }
        var nav = new Nav(progress, list);
        nav.getElement().setAttribute("aria-label", getTranslation("wizard.steps"));
        return nav;
    }

    private static int indexOf(List<Step> steps, String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return REVIEW.equals(id) ? steps.size() : 0;
    }

    // ---- review and done -----------------------------------------------------------------------

    private void renderReview() {
        var locale = getLocale();
        var evaluation = session.evaluate();
        add(stepper(evaluation.visibleSteps(), evaluation.visibleSteps().size(), evaluation));
        var heading = new H2(getTranslation("wizard.review"));
        heading.setId("step-heading");
        add(heading);
        var review = Review.of(session, locale);
        for (var section : review.sections()) {
            var box = new Div();
            box.addClassName("review-section");
            var title = new H3(section.title());
            var change = new Anchor(
                    RouteConfiguration.forSessionScope()
                            .getUrl(WizardView.class, new RouteParameters(params(draft.id(), section.stepId()))),
                    getTranslation("wizard.change"));
            change.getElement().setAttribute("aria-label", getTranslation("wizard.change.aria", section.title()));
            change.setId("change-" + section.stepId());
            var head = new Div(title, change);
            head.addClassName("review-head");
            var list = new DescriptionList();
            for (var item : section.items()) {
                var value = item.value().isEmpty() ? getTranslation("wizard.not.answered") : item.value();
                var description = new DescriptionList.Description(value);
                var note = provenanceNote(item.provenance());
                if (note != null) {
                    var tag = new Span(note);
                    tag.addClassName("provenance");
                    tag.addClassName(item.provenance()
                            .source()
                            .name()
                            .toLowerCase(Locale.ROOT)
                            .replace('_', '-'));
                    description.add(tag);
                }
                list.add(new DescriptionList.Term(item.label()), description);
            }
            box.add(head, list);
            add(box);
        }
        catalog.rates(session.form())
                .flatMap(rates -> Assessor.assess(session, rates, locale))
                .ifPresent(assessment -> add(assessmentPanel(assessment)));
        summary.removeAll();
        summary.setVisible(false);
        add(summary);
        if (assisting()) {
            var readAloud = new Checkbox(getTranslation("counter.declaration.read"));
            readAloud.setId("counter-declaration-read");
            readAloud.setValue(session.answers().assistance().containsKey("declarationReadAloud"));
            readAloud.addValueChangeListener(e -> {
                session.answers()
                        .setAssistance(
                                "declarationReadAloud",
                                e.getValue()
                                        ? java.time.OffsetDateTime.now(clock).toString()
                                        : null);
                readAloud.setHelperText(null);
            });
            add(readAloud);
        }
        var back = new Button(getTranslation("wizard.back"), e -> back());
        back.setId("wizard-back");
        var submit = new Button(getTranslation("wizard.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("wizard-submit");
        var buttons = new Div(back, submit);
        buttons.addClassName("wizard-buttons");
        add(buttons);
    }

    /** Straks afklaring: what the rules say, clearly non-binding, with every step of the calculation. */
    private Component assessmentPanel(AssessmentResult assessment) {
        var panel = new Div();
        panel.addClassName("assessment");
        panel.setId("assessment");
        panel.getElement().setAttribute("role", "region");
        var title = new H3(assessment.title() + " " + getTranslation("assessment.nonbinding"));
        title.setId("assessment-title");
        panel.getElement().setAttribute("aria-labelledby", "assessment-title");
        panel.add(title, new Paragraph(assessment.reason()));
        if (assessment.amount() != null) {
            var amount = new Paragraph(getTranslation(
                    "assessment.amount." + assessment.period().name().toLowerCase(java.util.Locale.ROOT),
                    dk.indgang.engine.ValueFormat.money(assessment.amount())));
            amount.addClassName("assessment-amount");
            amount.setId("assessment-amount");
            panel.add(amount);
        }
        var steps = new DescriptionList();
        assessment
                .steps()
                .forEach(l ->
                        steps.add(new DescriptionList.Term(l.label()), new DescriptionList.Description(l.value())));
        var how = new com.vaadin.flow.component.details.Details(getTranslation("assessment.how"), steps);
        panel.add(how);
        if (assessment.note() != null) {
            panel.add(hint(assessment.note()));
        }
        if (assessment.ratesSource() != null) {
            panel.add(hint(getTranslation(
                    "assessment.rates",
                    assessment.ratesValidFrom() == null ? "" : ValueFormat.date(assessment.ratesValidFrom()))));
        }
        return panel;
    }

    /** The final verdict is the engine's, on the server, over the whole form. */
    private void submit() {
        var evaluation = session.evaluate();
        if (!evaluation.isSubmittable()) {
            summary.removeAll();
            summary.add(
                    new H2(getTranslation("wizard.errors.title")),
                    new Paragraph(getTranslation("wizard.submit.blocked")));
            var list = new UnorderedList();
            for (var v : evaluation.allBlocking()) {
                var step = v.isRule()
                        ? evaluation.ruleSteps().get(v.ruleId())
                        : evaluation.stepOfField().get(v.fieldId());
                list.add(new ListItem(new Anchor(
                        RouteConfiguration.forSessionScope()
                                .getUrl(WizardView.class, new RouteParameters(params(draft.id(), step))),
                        Messages.text(v, evaluation, getLocale()))));
            }
            summary.add(list);
            summary.setVisible(true);
            summary.getElement().callJsFunction("focus");
            return;
        }
        if (assisting() && !session.answers().assistance().containsKey("declarationReadAloud")) {
            summary.removeAll();
            summary.add(
                    new H2(getTranslation("wizard.errors.title")),
                    new Paragraph(getTranslation("counter.declaration.missing")));
            summary.setVisible(true);
            summary.getElement().callJsFunction("focus");
            return;
        }
        var channel = assisting() ? assisted.channel() : Channel.ONLINE;
        if (!assisting()) {
            // The citizen finishes online: an earlier assistance stays on record, the channel is theirs.
            session.answers().setAssistance("declarationReadAloud", null);
        }
        try {
            submissions.submit(draft, session, channel, currentUser.require().username(), getLocale(), null);
            if (assisting()) {
                filings.submitted(
                        draft, assisted.assistance(currentUser.require()).orElseThrow());
            }
        } catch (NotSubmittableException e) {
            // The verdict changed between the check above and the store (it cannot, but the server decides).
            UI.getCurrent().getPage().reload();
            return;
        }
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(params(draft.id(), DONE)));
    }

    private void renderDone() {
        var box = new Div();
        box.addClassName("done-panel");
        box.getElement().setAttribute("role", "status");
        var heading = new H2(getTranslation("wizard.done.title"));
        heading.setId("step-heading");
        box.add(heading);
        var application = submissions.ofDraft(draft.id(), draft.ownerCpr());
        application.ifPresent(a -> {
            var number = new Paragraph(getTranslation("wizard.done.text", a.receiptNumber()));
            number.setId("receipt-number");
            box.add(number, ReceiptLink.of(submissions, a, draft.ownerCpr(), getTranslation("wizard.done.receipt")));
            if (assisting()) {
                box.add(ReceiptLink.forPrinting(
                        submissions, a, draft.ownerCpr(), getTranslation("counter.receipt.print")));
                box.add(new Paragraph(getTranslation("counter.done.digitalpost")));
            }
        });
        if (assisting()) {
            var back = new Anchor(
                    RouteConfiguration.forSessionScope().getUrl(CounterView.class), getTranslation("counter.back"));
            back.setId("counter-back");
            add(box, back);
            return;
        }
        add(
                box,
                new Anchor(
                        RouteConfiguration.forSessionScope().getUrl(MyCasesView.class), getTranslation("cases.title")),
                backToForms());
    }

    /** Whether a caseworker is filing on the citizen's behalf (counter or phone). */
    private boolean assisting() {
        return currentUser.get().map(CurrentUser.User::caseworker).orElse(false);
    }

    private Component assistanceBanner() {
        var citizen = assisted.citizen().orElseThrow();
        var banner = new Div(new Span(getTranslation(
                "counter.banner",
                citizen.name() == null ? CprNumber.mask(citizen.cpr()) : citizen.name(),
                CprNumber.mask(citizen.cpr()),
                getTranslation("counter.channel." + assisted.channel().json()))));
        banner.addClassName("assist-banner");
        banner.setId("counter-banner");
        banner.getElement().setAttribute("role", "note");
        return banner;
    }

    /**
     * A caseworker overrides a warning only with a written justification; it is recorded per value
     * as a caseworker override.
     */
    private Component overrideControls(String ruleId) {
        var justification = new TextArea(getTranslation("counter.override.justification"));
        justification.setId("explain-" + ruleId);
        justification.setRequiredIndicatorVisible(true);
        var override = new Checkbox(getTranslation("counter.override"));
        override.setId("confirm-" + ruleId);
        var overridden = session.answers().overrides().containsKey(ruleId);
        override.setValue(overridden);
        justification.setValue(overridden ? session.answers().acknowledgements().getOrDefault(ruleId, "") : "");
        override.addValueChangeListener(e -> {
            if (e.getValue()) {
                if (justification.getValue().isBlank()) {
                    justification.setErrorMessage(getTranslation("counter.override.missing"));
                    justification.setInvalid(true);
                    override.setValue(false);
                    justification.focus();
                    return;
                }
                justification.setInvalid(false);
                session.answers()
                        .override(
                                ruleId,
                                justification.getValue(),
                                currentUser.require().username());
            } else {
                session.answers().withdrawAcknowledgement(ruleId);
            }
            refresh();
        });
        justification.addValueChangeListener(e -> {
            if (override.getValue()) {
                if (e.getValue().isBlank()) {
                    override.setValue(false);
                } else {
                    session.answers()
                            .override(
                                    ruleId, e.getValue(), currentUser.require().username());
                }
            }
        });
        var controls = new Div(justification, override);
        controls.addClassName("override");
        return controls;
    }

    private Component backToForms() {
        return new Anchor(
                RouteConfiguration.forSessionScope().getUrl(FormsView.class), getTranslation("wizard.done.back"));
    }

    private Paragraph hint(String text) {
        var p = new Paragraph(text);
        p.addClassName("hint");
        return p;
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
        var form = session.form().title().in(getLocale());
        if (REVIEW.equals(stepId)) {
            return getTranslation("wizard.review") + " · " + form;
        }
        return session.form().steps().stream()
                        .filter(s -> s.id().equals(stepId))
                        .findFirst()
                        .map(s -> s.title().in(getLocale()) + " · ")
                        .orElse("")
                + form;
    }
}

package dk.indgang.ui.casework;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import dk.indgang.casework.CaseFiles;
import dk.indgang.casework.Cases;
import dk.indgang.casework.Decision;
import dk.indgang.engine.ValueFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the caseworker can do with the case now, by its state: take it, ask the citizen, hear her,
 * decide, go on after a deadline, reconsider an appeal, close. Each button runs one verb of
 * {@link Cases}; the aggregate decides whether it may happen.
 */
final class CaseActions extends Div {

    private final CaseFiles.CaseFile file;
    private final Cases cases;
    private final String user;
    private final Consumer<Runnable> run;

    /** @param run runs a verb and shows its refusal or the changed case */
    CaseActions(
            CaseFiles.CaseFile file,
            List<dk.indgang.definition.Processing.Reason> reasons,
            Cases cases,
            String user,
            LocalDate today,
            Consumer<Runnable> run) {
        this.file = file;
        this.cases = cases;
        this.user = user;
        this.run = run;
        addClassName("case-actions");
        setId("case-actions");
        var value = file.value();
        var id = value.id();
        switch (value.state()) {
            case RECEIVED -> add(button("case-take", "casefile.take", () -> cases.take(id, user)));
            case IN_PROGRESS -> {
                request();
                hearing();
                decision(reasons, false);
            }
            case AWAITING_CITIZEN -> {
                var open = value.openRequest().orElseThrow();
                add(new Paragraph(getTranslation("casefile.awaiting", ValueFormat.date(open.dueBy()))));
                if (open.overdue(today)) {
                    add(button("case-resume", "casefile.resume", () -> cases.resumeAfterDeadline(id, user)));
                }
            }
            case APPEALED -> {
                add(
                        new H3(getTranslation("casefile.appeal")),
                        new Paragraph(value.appealText().orElse("")));
                var why = new TextArea(getTranslation("casefile.uphold.reasons"));
                why.setId("uphold-reasons");
                why.setWidthFull();
                add(why, button("case-uphold", "casefile.uphold", () -> cases.uphold(id, user, why.getValue())));
                decision(reasons, true);
            }
            case DECIDED -> {
                var why = new TextArea(getTranslation("casefile.reopen.reason"));
                why.setId("reopen-reason");
                why.setWidthFull();
                add(
                        new H3(getTranslation("casefile.reopen.title")),
                        why,
                        button("case-reopen", "casefile.reopen", () -> cases.reopen(id, user, why.getValue())),
                        button("case-close", "casefile.close", () -> cases.close(id, user)));
            }
            case FORWARDED -> add(button("case-close", "casefile.close", () -> cases.close(id, user)));
            case CLOSED -> {}
        }
        if (value.state().isOpen()) {
            var note = new TextArea(getTranslation("casefile.note"));
            note.setId("note-text");
            note.setWidthFull();
            add(
                    new H3(getTranslation("casefile.note.title")),
                    note,
                    button("note-add", "casefile.note.add", () -> cases.note(id, user, note.getValue())));
        }
        if (value.state() == dk.indgang.casework.CaseState.IN_PROGRESS
                || value.state() == dk.indgang.casework.CaseState.AWAITING_CITIZEN
                || value.state() == dk.indgang.casework.CaseState.APPEALED) {
            var colleague = new com.vaadin.flow.component.textfield.TextField(getTranslation("casefile.handover.to"));
            colleague.setId("handover-to");
            add(
                    new H3(getTranslation("casefile.handover.title")),
                    colleague,
                    button("handover-send", "casefile.handover", () -> cases.handOver(id, user, colleague.getValue())));
        }
    }

    private void request() {
        var text = new TextArea(getTranslation("casefile.request.text"));
        text.setId("request-text");
        text.setWidthFull();
        var days = days("request-days");
        add(
                new H3(getTranslation("casefile.request.title")),
                text,
                days,
                button(
                        "request-send",
                        "casefile.request.send",
                        () -> cases.requestInformation(file.value().id(), user, text.getValue(), days.getValue())));
    }

    /** Partshøring on values the citizen has not stated herself (register data). */
    private void hearing() {
        var fromOthers = file.values().stream()
                .map(CaseFiles.ApplicationValue::asFact)
                .filter(f -> !f.statedByCitizen())
                .toList();
        if (fromOthers.isEmpty()) {
            return;
        }
        var facts = new CheckboxGroup<dk.indgang.casework.Fact>(getTranslation("casefile.hearing.facts"));
        facts.setItems(fromOthers);
        facts.setItemLabelGenerator(f -> f.text() + " (" + f.sourceName() + ")");
        facts.setId("hearing-facts");
        var text = new TextArea(getTranslation("casefile.hearing.text"));
        text.setId("hearing-text");
        text.setWidthFull();
        var days = days("hearing-days");
        add(
                new H3(getTranslation("casefile.hearing.title")),
                facts,
                text,
                days,
                button(
                        "hearing-send",
                        "casefile.hearing.send",
                        () -> cases.hear(
                                file.value().id(),
                                user,
                                List.copyOf(facts.getValue()),
                                text.getValue(),
                                days.getValue())));
    }

    /** The decision's form: a first decision, or (on an appeal) a changed one. */
    private void decision(List<dk.indgang.definition.Processing.Reason> reasons, boolean change) {
        var outcome = new RadioButtonGroup<Decision.Outcome>(getTranslation("casefile.decision.outcome"));
        outcome.setItems(Decision.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("casefile.outcome." + o.name()));
        outcome.setId("decision-outcome");
        var amount = new BigDecimalField(getTranslation("casefile.decision.amount"));
        amount.setId("decision-amount");
        var chosen =
                new CheckboxGroup<dk.indgang.definition.Processing.Reason>(getTranslation("casefile.decision.reasons"));
        chosen.setItems(reasons);
        chosen.setItemLabelGenerator(r -> r.text().in(getLocale()));
        chosen.setId("decision-reasons");
        var facts = new CheckboxGroup<dk.indgang.casework.Fact>(getTranslation("casefile.decision.facts"));
        facts.setItems(
                file.values().stream().map(CaseFiles.ApplicationValue::asFact).toList());
        facts.setItemLabelGenerator(f -> f.text() + (f.statedByCitizen() ? "" : " (" + f.sourceName() + ")"));
        facts.setId("decision-facts");
        var waiver = new TextArea(getTranslation("casefile.decision.waiver"));
        waiver.setId("decision-waiver");
        waiver.setWidthFull();
        add(
                new H3(getTranslation("casefile.decision.title")),
                outcome,
                amount,
                chosen,
                facts,
                waiver,
                button(
                        change ? "decision-change" : "decision-make",
                        change ? "casefile.decision.change" : "casefile.decision.make",
                        () -> {
                            var draft = new Cases.DecisionDraft(
                                    outcome.getValue(),
                                    amount.getValue(),
                                    chosen.getValue().stream()
                                            .map(dk.indgang.definition.Processing.Reason::id)
                                            .toList(),
                                    List.copyOf(facts.getValue()),
                                    waiver.getValue().isBlank() ? null : waiver.getValue());
                            if (change) {
                                cases.changeDecision(file.value().id(), user, draft);
                            } else {
                                cases.decide(file.value().id(), user, draft);
                            }
                        }));
    }

    private IntegerField days(String id) {
        var days = new IntegerField(getTranslation("casefile.request.days"));
        days.setId(id);
        days.setValue(10);
        days.setMin(1);
        return days;
    }

    private Button button(String id, String key, Runnable verb) {
        var button = new Button(getTranslation(key), e -> run.accept(verb));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.PRIMARY);
        return button;
    }
}

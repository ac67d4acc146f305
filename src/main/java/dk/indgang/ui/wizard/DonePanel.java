package dk.indgang.ui.wizard;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.function.SerializableFunction;
import dk.indgang.engine.ValueFormat;
import dk.indgang.submission.Application;
import dk.indgang.submission.Decisions;
import java.util.Optional;

/**
 * The page after Send: the receipt number and the receipt to download, announced as a status, and —
 * when the application was decided at once (straks afgørelse) — the decision in plain words with
 * its calculation.
 */
public final class DonePanel extends Div {

    public DonePanel(
            Optional<Application> application,
            Optional<Decisions.Summary> decision,
            SerializableFunction<Application, byte[]> receipt) {
        addClassName("done-panel");
        getElement().setAttribute("role", "status");
        var heading = new H2(getTranslation(decision.isPresent() ? "wizard.done.decided" : "wizard.done.title"));
        heading.setId("step-heading");
        add(heading);
        decision.ifPresent(this::decision);
        application.ifPresent(a -> {
            var number = new Paragraph(getTranslation("wizard.done.text", a.receiptNumber()));
            number.setId("receipt-number");
            add(number, ReceiptLink.of(a, () -> receipt.apply(a), getTranslation("wizard.done.receipt")));
        });
    }

    private void decision(Decisions.Summary decision) {
        var box = new Div();
        box.addClassName("assessment");
        box.setId("decision");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-labelledby", "decision-title");
        var title = new H3(getTranslation("decision.title"));
        title.setId("decision-title");
        var outcome = new Paragraph(
                decision.amount() == null
                        ? getTranslation("decision.outcome." + decision.outcome())
                        : getTranslation(
                                "decision.outcome." + decision.outcome() + ".amount",
                                ValueFormat.money(decision.amount()),
                                getTranslation("decision.period." + decision.period())));
        outcome.addClassName("assessment-amount");
        outcome.setId("decision-outcome");
        box.add(title, outcome, new Paragraph(decision.reason()));
        if (decision.automatic()) {
            var automatic = new Paragraph(getTranslation("decision.automatic"));
            automatic.setId("decision-automatic");
            box.add(automatic);
        }
        var how = new Div();
        how.add(new Paragraph(getTranslation("decision.facts")));
        var facts = new UnorderedList();
        decision.facts().forEach(f -> facts.add(new ListItem(f)));
        how.add(facts, new Paragraph(getTranslation("decision.calculation")));
        var steps = new UnorderedList();
        decision.calculation().forEach(c -> steps.add(new ListItem(c)));
        how.add(steps);
        box.add(new Details(getTranslation("assessment.how"), how));
        var next = new Paragraph(getTranslation("decision.next", ValueFormat.date(decision.appealBy())));
        next.addClassName("hint");
        box.add(next);
        add(box);
    }
}

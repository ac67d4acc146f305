package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Review;
import java.util.Locale;
import java.util.function.Function;

/** "Tjek dine svar", with the stepper at its end: every answered step as a list of label and value, with a change link per step. */
public final class ReviewPage extends Div {

    /**
     * @param notes the note beside a value of that provenance, or null
     * @param stepUrl the wizard's address of a step, for its change link
     */
    public ReviewPage(
            Evaluation evaluation,
            Review review,
            Function<Provenance, String> notes,
            Function<String, String> stepUrl) {
        var steps = evaluation.visibleSteps();
        var heading = new H2(getTranslation("wizard.review"));
        heading.setId("step-heading");
        add(new Stepper(steps, steps.size(), evaluation), heading);
        for (var section : review.sections()) {
            var box = new Div();
            box.addClassName("review-section");
            var change = new Anchor(stepUrl.apply(section.stepId()), getTranslation("wizard.change"));
            change.getElement().setAttribute("aria-label", getTranslation("wizard.change.aria", section.title()));
            change.setId("change-" + section.stepId());
            var head = new Div(new H3(section.title()), change);
            head.addClassName("review-head");
            var list = new DescriptionList();
            for (var item : section.items()) {
                var value = item.value().isEmpty() ? getTranslation("wizard.not.answered") : item.value();
                var description = new DescriptionList.Description(value);
                var note = notes.apply(item.provenance());
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
            for (var note : section.notes()) {
                box.add(note(note));
            }
            add(box);
        }
    }

    /** A warning she let through, played back with her explanation or the caseworker's justification. */
    private Div note(Review.Note note) {
        var box = new Div();
        box.addClassName("review-note");
        box.setId("review-note-" + note.ruleId());
        var message = new Paragraph(note.message());
        message.addClassName("review-note-message");
        var who = getTranslation(note.overridden() ? "wizard.review.note.override" : "wizard.review.note.explanation");
        var said = note.explanation().isBlank() ? getTranslation("wizard.review.note.none") : note.explanation();
        box.add(message, new Paragraph(new Span(who + ": "), new Span(said)));
        return box;
    }
}

package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dk.indgang.definition.Step;
import dk.indgang.engine.Evaluation;
import java.util.List;

/**
 * Where the citizen is: "Trin 2 af 5" and the list of visible steps plus the review, the current one
 * marked {@code aria-current="step"} and completed earlier ones marked done.
 */
public final class Stepper extends Nav {

    /**
     * @param current the index of the current step; {@code steps.size()} for the review page
     */
    public Stepper(List<Step> steps, int current, Evaluation evaluation) {
        var locale = getLocale();
        var total = steps.size() + 1;
        var progress = new Paragraph(getTranslation("wizard.step.of", Math.min(current, steps.size()) + 1, total));
        progress.addClassName("progress-text");
        var list = new OrderedList();
        list.addClassName("stepper");
        for (int i = 0; i <= steps.size(); i++) {
            var title = i < steps.size() ? steps.get(i).title().in(locale) : getTranslation("wizard.review");
            var item = new ListItem();
            if (i == current) {
                item.getElement().setAttribute("aria-current", "step");
                item.addClassName("current");
            } else if (i < current && evaluation.isStepComplete(steps.get(i).id())) {
                item.addClassName("done");
            }
            item.add(new Span(title));
            list.add(item);
        }
        add(progress, list);
        getElement().setAttribute("aria-label", getTranslation("wizard.steps"));
    }

    /** The index of a step among the visible ones; the review is after the last. */
    public static int indexOf(List<Step> steps, String id, String review) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return review.equals(id) ? steps.size() : 0;
    }
}

package dk.indgang.ui.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.Problem;
import dk.indgang.design.DesignSource;
import dk.indgang.design.FormDesigns;
import java.util.List;

/** Every problem the build's loader finds in the draft, with its line, column and element. */
final class ProblemsPanel extends Div {

    ProblemsPanel() {
        setId("design-problems");
        getElement().setAttribute("aria-live", "polite");
    }

    void show(FormDesigns.Check check, List<DesignSource.Element> elements) {
        removeAll();
        if (check.ok()) {
            var ok = new Paragraph(getTranslation("designer.problems.none"));
            ok.setId("design-ok");
            add(ok);
            return;
        }
        var list = new UnorderedList();
        for (var problem : check.problems()) {
            var element = DesignSource.at(elements, problem.location().line());
            var kind = element.map(e -> e.isRule() ? "designer.rule" : e.isStep() ? "designer.step" : "designer.field");
            list.add(new ListItem(located(this, problem)
                    + element.map(e -> " (" + getTranslation(kind.get()) + " " + e.id() + ")")
                            .orElse("")));
        }
        add(list);
    }

    /** A structure edit needs readable YAML; the source view shows why it is not. */
    void unreadable() {
        removeAll();
        var message = new Paragraph(getTranslation("designer.structure.unreadable"));
        message.addClassName("error-text");
        add(message);
    }

    static String located(Component at, Problem problem) {
        var where = problem.location().line() > 0
                ? at.getTranslation(
                        "designer.problem.at",
                        problem.location().line(),
                        problem.location().column())
                : "";
        return where + problem.message(com.vaadin.flow.component.UI.getCurrent().getLocale());
    }
}

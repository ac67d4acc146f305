package dk.indgang.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.design.FormDesigns;
import dk.indgang.design.ScenarioRunner;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs the form's scenarios on the stub registers and says, per scenario, passed or why not. */
final class ScenarioPanel extends Div {

    private final Div results = new Div();

    /** @param run the scenario run of the draft, or empty while the draft has problems */
    ScenarioPanel(String formId, Supplier<Optional<FormDesigns.ScenarioRun>> run) {
        var button = new Button(getTranslation("designer.scenarios.run"), e -> show(formId, run.get()));
        button.setId("run-scenarios");
        results.setId("scenario-results");
        add(button, results);
    }

    private void show(String formId, Optional<FormDesigns.ScenarioRun> run) {
        results.removeAll();
        if (run.isEmpty()) {
            results.add(new Paragraph(getTranslation("designer.scenarios.invalid")));
            return;
        }
        switch (run.get()) {
            case FormDesigns.ScenarioRun.NotRun notRun ->
                results.add(new Paragraph(
                        notRun.message() != null
                                ? notRun.message()
                                : getTranslation(
                                        notRun.reason().equals("none")
                                                ? "designer.scenarios.none"
                                                : "designer.preview.noregisters",
                                        formId)));
            case FormDesigns.ScenarioRun.Ran ran -> {
                var passed = ran.results().stream()
                        .filter(ScenarioRunner.Result::passed)
                        .count();
                var summary = new Paragraph(getTranslation(
                        "designer.scenarios.summary", passed, ran.results().size()));
                summary.setId("scenario-summary");
                var list = new UnorderedList();
                for (var result : ran.results()) {
                    var item = new ListItem((result.passed() ? "✔ " : "✘ ") + result.name());
                    item.addClassName(result.passed() ? "scenario-passed" : "scenario-failed");
                    if (!result.passed()) {
                        var why = new UnorderedList();
                        result.failures().forEach(f -> why.add(new ListItem(f)));
                        item.add(why);
                    }
                    list.add(item);
                }
                results.add(summary, list);
            }
        }
    }
}

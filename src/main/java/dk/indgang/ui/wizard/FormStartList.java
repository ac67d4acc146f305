package dk.indgang.ui.wizard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.ValueFormat;
import dk.indgang.submission.Draft;
import java.util.List;
import java.util.function.Consumer;

/**
 * The forms one may start, each with "Start" — and, for a form the citizen already has a draft of,
 * "Fortsæt" with the draft's date beside it, so drafts do not multiply. The front page and the
 * counter show the same list.
 */
public final class FormStartList extends UnorderedList {

    /**
     * @param subheadings form titles as H3 (inside a section) rather than H2
     * @param startId the Start buttons' id prefix (followed by the form id)
     * @param resumeId the Continue buttons' id prefix (followed by the form id)
     * @param about the address of a form's start page, or null for no link to it
     */
    public FormStartList(
            List<FormDefinition> forms,
            List<Draft> openDrafts,
            boolean subheadings,
            boolean descriptions,
            String startId,
            String resumeId,
            Consumer<FormDefinition> start,
            Consumer<Draft> resume,
            java.util.function.Function<FormDefinition, String> about) {
        addClassName("card-list");
        var locale = getLocale();
        for (var form : forms) {
            var title = form.title().in(locale);
            var startButton = new Button(getTranslation("forms.start"), e -> start.accept(form));
            startButton.addThemeVariants(ButtonVariant.PRIMARY);
            startButton.setId(startId + form.id());
            startButton.getElement().setAttribute("aria-label", getTranslation("forms.start") + ": " + title);
            var item = new ListItem(subheadings ? new H3(title) : new H2(title));
            if (descriptions && form.description() != null) {
                item.add(new Paragraph(form.description().in(locale)));
            }
            if (about != null) {
                var link = new com.vaadin.flow.component.html.Anchor(about.apply(form), getTranslation("forms.about"));
                link.setId("about-" + form.id());
                link.getElement().setAttribute("aria-label", getTranslation("forms.about") + ": " + title);
                item.add(new Paragraph(link));
            }
            var actions = new Div(startButton);
            openDrafts.stream()
                    .filter(d -> d.formId().equals(form.id()))
                    .findFirst()
                    .ifPresent(draft -> {
                        var hint = new Paragraph(getTranslation(
                                "forms.draft.exists",
                                ValueFormat.date(draft.updatedAt().toLocalDate())));
                        hint.addClassName("hint");
                        var continueButton =
                                new Button(getTranslation("forms.draft.exists.continue"), e -> resume.accept(draft));
                        continueButton.setId(resumeId + form.id());
                        continueButton
                                .getElement()
                                .setAttribute(
                                        "aria-label", getTranslation("forms.draft.exists.continue") + ": " + title);
                        actions.addComponentAsFirst(continueButton);
                        item.add(hint);
                    });
            item.add(actions);
            add(item);
        }
    }
}

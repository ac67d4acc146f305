package dk.indgang.ui.wizard;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.ValueFormat;
import dk.indgang.submission.Draft;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drafts to continue, one card each: the form's title, when it was saved (and a note such as who
 * started it) and a Continue button named after the form. The landing page, "Mine sager" and the
 * counter show the same cards.
 */
public final class DraftCards extends UnorderedList {

    /** One draft with the form it is of; {@code note} is added after the saved date, or null. */
    public record Card(Draft draft, FormDefinition form, String note) {}

    /**
     * @param subheadings whether the cards' titles are third-level headings (under a section's own)
     * @param buttonIdPrefix the Continue buttons' id prefix (followed by the draft id), or null
     * @param open what Continue does
     */
    public DraftCards(List<Card> cards, boolean subheadings, String buttonIdPrefix, Consumer<Draft> open) {
        addClassName("card-list");
        var locale = getLocale();
        for (var card : cards) {
            var title = card.form().title().in(locale);
            var go = new Button(getTranslation("forms.continue"), e -> open.accept(card.draft()));
            if (buttonIdPrefix != null) {
                go.setId(buttonIdPrefix + card.draft().id());
            }
            go.getElement().setAttribute("aria-label", getTranslation("forms.continue") + ": " + title);
            var saved = new Paragraph(getTranslation(
                            "forms.draft.saved",
                            ValueFormat.date(card.draft().updatedAt().toLocalDate()))
                    + (card.note() == null ? "" : " " + card.note()));
            saved.addClassName("hint");
            HasText heading = subheadings ? new H3(title) : new H2(title);
            add(new ListItem((com.vaadin.flow.component.Component) heading, saved, go));
        }
    }

    /** Continue in the wizard, on the step the draft was left on. */
    public static void continueInWizard(Draft draft) {
        UI.getCurrent()
                .navigate(WizardView.class, new RouteParameters(WizardView.params(draft.id(), draft.currentStep())));
    }
}

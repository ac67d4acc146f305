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
        this(cards, subheadings, buttonIdPrefix, open, null);
    }

    /**
     * @param discard deletes a draft after the citizen confirms it on the card, or null when drafts
     *     cannot be deleted here
     */
    public DraftCards(
            List<Card> cards,
            boolean subheadings,
            String buttonIdPrefix,
            Consumer<Draft> open,
            Consumer<Draft> discard) {
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
                    + " " + reached(card)
                    + (card.note() == null ? "" : " " + card.note()));
            saved.addClassName("hint");
            HasText heading = subheadings ? new H3(title) : new H2(title);
            var item = new ListItem((com.vaadin.flow.component.Component) heading, saved, go);
            if (discard != null) {
                item.add(discardControls(card.draft(), title, discard));
            }
            add(item);
        }
    }

    /** "Du er nået til »Økonomi«." — the step the draft was left on. */
    private String reached(Card card) {
        var step = card.draft().currentStep();
        var title = WizardView.REVIEW.equals(step)
                ? getTranslation("wizard.review")
                : card.form().steps().stream()
                        .filter(s -> s.id().equals(step))
                        .map(s -> s.title().in(getLocale()))
                        .findFirst()
                        .orElse(null);
        return title == null ? "" : getTranslation("forms.draft.reached", title);
    }

    /** Delete, confirmed on the card itself: a second, explicit button, or keep it. */
    private com.vaadin.flow.component.html.Div discardControls(Draft draft, String title, Consumer<Draft> discard) {
        var box = new com.vaadin.flow.component.html.Div();
        var delete = new Button(getTranslation("forms.draft.delete"));
        delete.setId("delete-" + draft.id());
        delete.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.TERTIARY);
        delete.getElement().setAttribute("aria-label", getTranslation("forms.draft.delete") + ": " + title);
        delete.addClickListener(e -> {
            box.removeAll();
            var question = new Paragraph(getTranslation("forms.draft.delete.question"));
            question.getElement().setAttribute("role", "alert");
            var yes = new Button(getTranslation("forms.draft.delete.yes"), confirmed -> discard.accept(draft));
            yes.setId("delete-confirm-" + draft.id());
            yes.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.ERROR);
            var no = new Button(getTranslation("forms.draft.delete.no"), kept -> {
                box.removeAll();
                box.add(delete);
            });
            no.setId("delete-cancel-" + draft.id());
            box.add(question, yes, no);
        });
        box.add(delete);
        return box;
    }

    /** Continue in the wizard, on the step the draft was left on. */
    public static void continueInWizard(Draft draft) {
        UI.getCurrent()
                .navigate(WizardView.class, new RouteParameters(WizardView.params(draft.id(), draft.currentStep())));
    }
}

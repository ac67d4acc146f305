package dk.indgang.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.DefinitionException;
import dk.indgang.design.FormDesigns;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishing: the changes in plain words, confirmed before the new version is written; and
 * discarding the draft. A published draft is history, so both disappear then.
 */
final class PublishPanel extends Div {

    private final Div panel = new Div();
    private final Button publish;
    private final Button discard;

    /**
     * @param changes the plain-words changes of the draft, or empty while it has problems
     * @param doPublish publishes (refused with {@link DefinitionException} when the draft is not valid)
     */
    PublishPanel(
            Supplier<Optional<List<String>>> changes, Supplier<FormDesigns.Published> doPublish, Runnable doDiscard) {
        publish = new Button(getTranslation("designer.publish"), e -> prepare(changes.get(), doPublish));
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.setId("publish");
        panel.setId("publish-panel");
        discard = new Button(getTranslation("designer.discard"), e -> doDiscard.run());
        discard.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        discard.setId("discard");
        add(publish, panel, discard);
    }

    /** The draft changed: an earlier list of changes no longer holds. */
    void clear() {
        panel.removeAll();
    }

    void lock() {
        publish.setVisible(false);
        discard.setVisible(false);
    }

    private void prepare(Optional<List<String>> changes, Supplier<FormDesigns.Published> doPublish) {
        panel.removeAll();
        if (changes.isEmpty()) {
            blocked();
            return;
        }
        var list = new UnorderedList();
        list.setId("publish-changes");
        changes.get().forEach(c -> list.add(new ListItem(c)));
        var confirm = new Button(getTranslation("designer.publish.confirm"), e -> publish(doPublish));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("publish-confirm");
        panel.add(new Paragraph(getTranslation("designer.publish.changes")), list, confirm);
    }

    private void publish(Supplier<FormDesigns.Published> doPublish) {
        panel.removeAll();
        try {
            var published = doPublish.get();
            var done = new Paragraph(getTranslation(
                    "designer.published.done",
                    published.form().version(),
                    published.form().sha256().substring(0, 12),
                    published.file().getFileName().toString()));
            done.setId("published");
            done.getElement().setAttribute("role", "status");
            panel.add(done);
        } catch (DefinitionException e) {
            blocked();
        }
    }

    private void blocked() {
        var blocked = new Paragraph(getTranslation("designer.publish.blocked"));
        blocked.addClassName("error-text");
        panel.add(blocked);
    }
}

package dk.indgang.ui.designer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.FormDefinition;
import dk.indgang.design.FormDesigns;
import dk.indgang.engine.ValueFormat;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** The designer's workspace: every form with its serving version, status and last change. */
@Route(value = "designer", layout = MainLayout.class)
@RolesAllowed(Roles.DESIGNER)
public class DesignerView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final FormCatalog catalog;
    private final FormDesigns designs;
    private final CurrentUser currentUser;

    public DesignerView(FormCatalog catalog, FormDesigns designs, CurrentUser currentUser) {
        this.catalog = catalog;
        this.designs = designs;
        this.currentUser = currentUser;
        setPadding(false);
        render();
    }

    private void render() {
        removeAll();
        var locale = getLocale();
        add(new H1(getTranslation("designer.title")), new Paragraph(getTranslation("designer.intro")));
        var drafts = new java.util.HashMap<String, FormDesigns.Design>();
        designs.drafts().forEach(d -> drafts.putIfAbsent(d.formId(), d));
        var list = new UnorderedList();
        list.addClassName("card-list");
        for (var form : catalog.all()) {
            var item = new ListItem();
            item.setId("design-form-" + form.id());
            item.add(new H2(form.title().in(locale)));
            var loaded = catalog.loadedAt(form.id(), form.version(), form.sha256())
                    .map(at -> ValueFormat.date(at.toLocalDate()))
                    .orElse("");
            item.add(new Paragraph(getTranslation("designer.published", form.id(), form.version(), loaded)));
            var draft = drafts.remove(form.id());
            if (draft != null) {
                item.add(new Paragraph(getTranslation(
                        "designer.draft",
                        draft.updatedBy(),
                        ValueFormat.date(draft.updatedAt().toLocalDate()))));
            }
            var edit =
                    new Button(getTranslation(draft == null ? "designer.edit" : "designer.continue"), e -> edit(form));
            edit.addThemeVariants(ButtonVariant.PRIMARY);
            edit.setId("design-edit-" + form.id());
            edit.getElement()
                    .setAttribute(
                            "aria-label", edit.getText() + ": " + form.title().in(locale));
            item.add(new Div(edit));
            var history = designs.audit(form.id());
            if (!history.isEmpty()) {
                var versions = new UnorderedList();
                for (var entry : history) {
                    var version = new ListItem(getTranslation(
                            "designer.history.entry",
                            entry.version(),
                            ValueFormat.date(entry.at().toLocalDate()),
                            entry.actor(),
                            entry.sha256().substring(0, 12)));
                    var changes = new UnorderedList();
                    entry.summary().lines().forEach(line -> changes.add(new ListItem(line)));
                    version.add(changes);
                    versions.add(version);
                }
                var details =
                        new com.vaadin.flow.component.details.Details(getTranslation("designer.history"), versions);
                details.setId("design-history-" + form.id());
                item.add(details);
            }
            list.add(item);
        }
        // Copies not yet published.
        drafts.values().forEach(draft -> {
            var item = new ListItem(new H2(draft.formId()));
            item.setId("design-form-" + draft.formId());
            item.add(new Paragraph(getTranslation(
                    "designer.draft.new",
                    draft.updatedBy(),
                    ValueFormat.date(draft.updatedAt().toLocalDate()))));
            var edit = new Button(getTranslation("designer.continue"), e -> open(draft));
            edit.setId("design-edit-" + draft.formId());
            item.add(new Div(edit));
            list.add(item);
        });
        add(list);

        add(new H3(getTranslation("designer.copy")));
        var source = new Select<FormDefinition>();
        source.setLabel(getTranslation("designer.copy.from"));
        source.setItems(catalog.all());
        source.setItemLabelGenerator(f -> f.title().in(locale) + " (" + f.id() + ")");
        source.setId("design-copy-from");
        var newId = new TextField(getTranslation("designer.copy.id"));
        newId.setHelperText(getTranslation("designer.copy.id.help"));
        newId.setId("design-copy-id");
        var copy = new Button(getTranslation("designer.copy.button"), e -> {
            if (source.getValue() == null) {
                source.setErrorMessage(getTranslation("designer.copy.from.missing"));
                source.setInvalid(true);
                return;
            }
            try {
                open(designs.copy(
                        source.getValue().id(),
                        newId.getValue().strip(),
                        currentUser.require().username()));
            } catch (IllegalArgumentException ex) {
                newId.setErrorMessage(getTranslation("designer.copy.id.invalid"));
                newId.setInvalid(true);
            }
        });
        copy.setId("design-copy");
        add(source, newId, new Div(copy));
    }

    private void edit(FormDefinition form) {
        open(designs.open(form.id(), currentUser.require().username()));
    }

    private void open(FormDesigns.Design design) {
        UI.getCurrent()
                .navigate(
                        DesignEditorView.class,
                        new RouteParameters(Map.of("designId", design.id().toString())));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title") + " · Indgang";
    }
}

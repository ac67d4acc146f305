package dk.indgang.ui.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dk.indgang.definition.Problem;
import dk.indgang.design.DesignSource;
import dk.indgang.design.FormDesigns;
import dk.indgang.design.StructureEditor;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.security.TestPersons;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The editor of one design draft: the structure (steps, fields, rules) with a property panel, and
 * the YAML source, kept in sync through the source; every change saved and checked by the build's
 * loader with the problems at their element; a preview with a test person; the scenarios;
 * publishing with a diff. It composes the panels of this package and calls {@link FormDesigns}.
 */
@Route(value = "designer/:designId", layout = MainLayout.class)
@RolesAllowed(Roles.DESIGNER)
public class DesignEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FormDesigns designs;
    private final CurrentUser currentUser;
    private final StructureTree structure = new StructureTree();
    private final PropertyPanel properties = new PropertyPanel(this::edit);
    private final ProblemsPanel problems = new ProblemsPanel();
    private final TextArea sourceArea = new TextArea();
    private final Div toolbar = new Div();
    private final Select<TestPersons.TestPerson> person = new Select<>();
    private FormDesigns.Design design;
    private FormDesigns.Check check;
    private StructureEditor editor;
    private PreviewPanel preview;
    private PublishPanel publish;

    public DesignEditorView(FormDesigns designs, CurrentUser currentUser) {
        this.designs = designs;
        this.currentUser = currentUser;
        setPadding(false);
        addClassName("designer");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        design = event.getRouteParameters()
                .get("designId")
                .flatMap(id -> designs.find(id))
                .orElse(null);
        removeAll();
        if (design == null) {
            add(new H1(getTranslation("designer.notfound")), back());
            return;
        }
        editor = new StructureEditor(design.source());
        preview = new PreviewPanel(designs, currentUser.require().username());
        build();
        apply(design.source(), false);
        if (design.status() == FormDesigns.Status.PUBLISHED) {
            lock();
        }
    }

    private void build() {
        add(new H1(getTranslation("designer.editing", design.formId())));
        add(new Paragraph(
                design.status() == FormDesigns.Status.PUBLISHED
                        ? getTranslation("designer.editing.published")
                        : design.baseVersion() == 0
                                ? getTranslation("designer.editing.copy")
                                : getTranslation("designer.editing.base", design.baseVersion())));
        designs.publishedSince(design).ifPresent(since -> {
            // the published form moved on: publishing this draft would replace what changed
            var warning = new Paragraph(
                    since.base() == since.serving().version()
                            ? getTranslation("designer.editing.stale.same", since.base())
                            : getTranslation(
                                    "designer.editing.stale",
                                    since.base(),
                                    since.serving().version()));
            warning.setId("design-stale");
            warning.addClassName("warning-box");
            warning.getElement().setAttribute("role", "alert");
            add(warning);
        });
        toolbar.add(tools());
        var structurePane = new Div(toolbar, structure, properties);
        structurePane.addClassName("design-structure");
        sourceArea.setLabel(getTranslation("designer.source"));
        sourceArea.setId("design-source");
        sourceArea.addClassName("design-source");
        sourceArea.setWidthFull();
        sourceArea.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(e.getValue(), true);
            }
        });
        var sourcePane = new Div(sourceArea);
        var editorPane = new Div(
                new ViewToggle(structurePane, sourcePane),
                structurePane,
                sourcePane,
                new H2(getTranslation("designer.problems")),
                problems);
        editorPane.addClassName("design-editor");

        person.setLabel(getTranslation("designer.preview.person"));
        person.setItems(TestPersons.CITIZENS);
        person.setItemLabelGenerator(p -> p.name() + " – " + p.scenarioDa());
        person.setId("preview-person");
        person.addValueChangeListener(e -> refreshPreview());
        var user = currentUser.require().username();
        var scenarios =
                new ScenarioPanel(design.formId(), () -> validForm().map(form -> designs.runScenarios(form, user)));
        publish = new PublishPanel(
                () -> validForm().map(form -> designs.changes(design, form)),
                () -> {
                    var published = designs.publish(design, user);
                    design = designs.find(design.id()).orElse(design);
                    lock();
                    return published;
                },
                () -> {
                    designs.discard(design);
                    UI.getCurrent().navigate(DesignerView.class);
                });
        var side = new Div(
                new H2(getTranslation("designer.preview")),
                person,
                preview,
                new H2(getTranslation("designer.scenarios")),
                scenarios,
                new H2(getTranslation("designer.publish.title")),
                publish);
        side.addClassName("design-side");
        var columns = new Div(editorPane, side);
        columns.addClassName("design-columns");
        add(columns, back());
    }

    private Div tools() {
        var bar = new Div(
                tool("add-step", "designer.add.step", StructureEditor::addStep),
                tool("add-field", "designer.add.field", StructureEditor::addField),
                tool("add-rule", "designer.add.rule", StructureEditor::addRule),
                tool("move-up", "designer.move.up", e -> e.move(-1)),
                tool("move-down", "designer.move.down", e -> e.move(1)),
                tool("remove", "designer.remove", StructureEditor::remove));
        bar.addClassName("design-toolbar");
        return bar;
    }

    private Button tool(String id, String key, Function<StructureEditor, String> change) {
        var button = new Button(getTranslation(key), e -> edit(change));
        button.setId(id);
        if (id.equals("remove")) {
            button.addThemeVariants(ButtonVariant.ERROR);
        }
        return button;
    }

    /** A structure edit: only on readable YAML (the source view shows why it is not). */
    private void edit(Function<StructureEditor, String> change) {
        try {
            apply(change.apply(editor), true);
        } catch (RuntimeException e) {
            problems.unreadable();
        }
    }

    /** The one way a change happens: store the source, check it, and redraw every view of it. */
    private void apply(String source, boolean save) {
        if (save && design.status() == FormDesigns.Status.PUBLISHED) {
            return;
        }
        if (save && !source.equals(design.source())) {
            design = designs.save(design, source, currentUser.require().username());
        }
        check = designs.check(design, source);
        editor.replace(source);
        if (!sourceArea.getValue().equals(source)) {
            sourceArea.setValue(source);
        }
        showStructure();
        problems.show(check, editor.elements());
        refreshPreview();
        publish.clear();
    }

    private void showStructure() {
        structure.show(editor, this::problemsAt, element -> {
            editor.select(element);
            showStructure();
        });
        properties.show(editor, editor.selected().map(this::problemsAt).orElse(List.of()));
    }

    private List<Problem> problemsAt(DesignSource.Element element) {
        return check.problems().stream()
                .filter(p -> DesignSource.at(editor.elements(), p.location().line())
                        .filter(element::equals)
                        .isPresent())
                .toList();
    }

    private Optional<dk.indgang.definition.FormDefinition> validForm() {
        return check.ok() ? check.form() : Optional.empty();
    }

    private void refreshPreview() {
        var form = validForm();
        if (form.isEmpty()) {
            preview.removeAll();
            preview.add(new Paragraph(getTranslation("designer.preview.invalid")));
            return;
        }
        preview.show(
                form.get(), person.getValue() == null ? null : person.getValue().cpr());
    }

    /** A published draft is history: read-only; a new draft starts from the workspace. */
    private void lock() {
        toolbar.setVisible(false);
        properties.setVisible(false);
        sourceArea.setReadOnly(true);
        publish.lock();
    }

    private Component back() {
        return new Anchor(
                RouteConfiguration.forSessionScope().getUrl(DesignerView.class), getTranslation("designer.back"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title") + " · Indgang";
    }
}

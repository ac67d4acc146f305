package dk.indgang.ui.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dk.indgang.definition.DefinitionException;
import dk.indgang.definition.Problem;
import dk.indgang.design.DesignSource;
import dk.indgang.design.FormDesigns;
import dk.indgang.design.ScenarioRunner;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.security.TestPersons;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The editor of one design draft: the structure (steps and fields) with a property panel, and the
 * YAML source, kept in sync through the source; every change checked by the build's loader with the
 * problems at their element; a preview with a test person; the scenarios; publishing with a diff.
 */
@Route(value = "designer/:designId", layout = MainLayout.class)
@RolesAllowed(Roles.DESIGNER)
public class DesignEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<String> FIELD_TYPES = List.of(
            "text",
            "textarea",
            "cpr",
            "date",
            "integer",
            "decimal",
            "money",
            "choice",
            "multichoice",
            "yesno",
            "address",
            "email",
            "phone",
            "attachment",
            "group",
            "info");

    private final FormDesigns designs;
    private final CurrentUser currentUser;

    private FormDesigns.Design design;
    private FormDesigns.Check check;
    private List<DesignSource.Element> elements = List.of();
    private int selectedStep;
    private int selectedField = -1;

    private final Div structure = new Div();
    private final Div properties = new Div();
    private final TextArea sourceArea = new TextArea();
    private final Div problems = new Div();
    private final Div scenarioResults = new Div();
    private final Div publishPanel = new Div();
    private final Div editing = new Div();
    private Button publishButton;
    private Button discardButton;
    private PreviewPanel preview;
    private final Select<TestPersons.TestPerson> person = new Select<>();

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
                .flatMap(id -> {
                    try {
                        return designs.find(UUID.fromString(id));
                    } catch (IllegalArgumentException e) {
                        return java.util.Optional.empty();
                    }
                })
                .orElse(null);
        removeAll();
        if (design == null) {
            add(new H1(getTranslation("designer.notfound")), back());
            return;
        }
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

        // Two views of the same source; toggle buttons (aria-pressed) switch between them.
        var structureTab = new Button(getTranslation("designer.tab.structure"));
        structureTab.setId("tab-structure");
        var sourceTab = new Button(getTranslation("designer.tab.source"));
        sourceTab.setId("tab-source");
        var tabs = new Div(structureTab, sourceTab);
        tabs.addClassName("design-views");
        var structurePane = new Div(toolbar(), structure, properties);
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
        java.util.function.Consumer<Boolean> showStructure = structureShown -> {
            structurePane.setVisible(structureShown);
            sourcePane.setVisible(!structureShown);
            structureTab.getElement().setAttribute("aria-pressed", structureShown.toString());
            sourceTab.getElement().setAttribute("aria-pressed", Boolean.toString(!structureShown));
            structureTab.removeThemeVariants(ButtonVariant.PRIMARY);
            sourceTab.removeThemeVariants(ButtonVariant.PRIMARY);
            (structureShown ? structureTab : sourceTab).addThemeVariants(ButtonVariant.PRIMARY);
        };
        structureTab.addClickListener(e -> showStructure.accept(true));
        sourceTab.addClickListener(e -> showStructure.accept(false));
        showStructure.accept(true);
        problems.setId("design-problems");
        problems.getElement().setAttribute("aria-live", "polite");
        var editor = new Div(tabs, structurePane, sourcePane, new H2(getTranslation("designer.problems")), problems);
        editor.addClassName("design-editor");

        person.setLabel(getTranslation("designer.preview.person"));
        person.setItems(TestPersons.CITIZENS);
        person.setItemLabelGenerator(p -> p.name() + " – " + p.scenarioDa());
        person.setId("preview-person");
        person.addValueChangeListener(e -> refreshPreview());
        var run = new Button(getTranslation("designer.scenarios.run"), e -> runScenarios());
        run.setId("run-scenarios");
        scenarioResults.setId("scenario-results");
        publishButton = new Button(getTranslation("designer.publish"), e -> preparePublish());
        publishButton.addThemeVariants(ButtonVariant.PRIMARY);
        publishButton.setId("publish");
        publishPanel.setId("publish-panel");
        discardButton = new Button(getTranslation("designer.discard"), e -> {
            designs.discard(design);
            com.vaadin.flow.component.UI.getCurrent().navigate(DesignerView.class);
        });
        discardButton.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        discardButton.setId("discard");
        var side = new Div(
                new H2(getTranslation("designer.preview")),
                person,
                preview,
                new H2(getTranslation("designer.scenarios")),
                run,
                scenarioResults,
                new H2(getTranslation("designer.publish.title")),
                publishButton,
                publishPanel,
                discardButton);
        side.addClassName("design-side");
        var columns = new Div(editor, side);
        columns.addClassName("design-columns");
        add(columns, back());
    }

    private Component toolbar() {
        var addStep = new Button(
                getTranslation("designer.add.step"),
                e -> edit(() -> {
                    var id = uniqueId("trin");
                    var steps = (int) elements.stream()
                            .filter(el -> !el.isRule() && el.isStep())
                            .count();
                    var after = selectedStep < 0 ? steps - 1 : selectedStep;
                    var source = DesignSource.addStep(design.source(), after, id, "Nyt trin", "New step");
                    selectedStep = after + 1;
                    selectedField = -1;
                    return source;
                }));
        addStep.setId("add-step");
        var addField = new Button(
                getTranslation("designer.add.field"),
                e -> edit(() -> {
                    if (selectedStep < 0) {
                        selectedStep = 0;
                        selectedField = -1;
                    }
                    var id = uniqueId("felt");
                    var source = DesignSource.addField(
                            design.source(), selectedStep, selectedField, id, "text", "Nyt felt", "New field");
                    var count = (int) elements.stream()
                            .filter(el -> el.step() == selectedStep && !el.isStep())
                            .count();
                    selectedField = selectedField < 0 ? count : selectedField + 1;
                    return source;
                }));
        addField.setId("add-field");
        var addRule = new Button(
                getTranslation("designer.add.rule"),
                e -> edit(() -> {
                    var id = uniqueId("regel");
                    var source = DesignSource.addRule(design.source(), id);
                    selectedStep = -1;
                    selectedField = (int) elements.stream()
                            .filter(DesignSource.Element::isRule)
                            .count();
                    return source;
                }));
        addRule.setId("add-rule");
        var up = new Button(getTranslation("designer.move.up"), e -> move(-1));
        up.setId("move-up");
        var down = new Button(getTranslation("designer.move.down"), e -> move(1));
        down.setId("move-down");
        var remove = new Button(
                getTranslation("designer.remove"),
                e -> edit(() -> {
                    var source = DesignSource.remove(design.source(), selectedStep, selectedField);
                    if (selectedStep < 0) {
                        selectedStep = 0;
                    } else if (selectedField < 0) {
                        selectedStep = Math.max(0, selectedStep - 1);
                    }
                    selectedField = -1;
                    return source;
                }));
        remove.addThemeVariants(ButtonVariant.ERROR);
        remove.setId("remove");
        var bar = new Div(addStep, addField, addRule, up, down, remove);
        editing.add(bar);
        bar.addClassName("design-toolbar");
        return editing;
    }

    private void move(int by) {
        edit(() -> {
            var source = DesignSource.move(design.source(), selectedStep, selectedField, by);
            if (!source.equals(design.source())) {
                if (selectedStep >= 0 && selectedField < 0) {
                    selectedStep += by;
                } else {
                    selectedField += by;
                }
            }
            return source;
        });
    }

    /** A structure edit: only on readable YAML (the source view shows why it is not). */
    private void edit(java.util.function.Supplier<String> change) {
        try {
            apply(change.get(), true);
        } catch (RuntimeException e) {
            problems.removeAll();
            var message = new Paragraph(getTranslation("designer.structure.unreadable"));
            message.addClassName("error-text");
            problems.add(message);
        }
    }

    private String uniqueId(String prefix) {
        var ids = elements.stream().map(DesignSource.Element::id).toList();
        var n = 1;
        while (ids.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
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
        elements = DesignSource.elements(source);
        if (elements.stream().noneMatch(e -> e.step() == selectedStep && e.field() == selectedField)) {
            selectedField = -1;
            selectedStep = Math.min(
                    selectedStep,
                    (int) elements.stream()
                                    .filter(el -> !el.isRule() && el.isStep())
                                    .count()
                            - 1);
            selectedStep = Math.max(selectedStep, 0);
        }
        if (!sourceArea.getValue().equals(source)) {
            sourceArea.setValue(source);
        }
        renderStructure();
        renderProperties();
        renderProblems();
        refreshPreview();
        publishPanel.removeAll();
    }

    private List<Problem> problemsAt(DesignSource.Element element) {
        return check.problems().stream()
                .filter(p -> DesignSource.at(elements, p.location().line())
                        .filter(e -> e.equals(element))
                        .isPresent())
                .toList();
    }

    private void renderStructure() {
        structure.removeAll();
        var locale = getLocale();
        var tree = new UnorderedList();
        tree.addClassName("design-tree");
        var ruleList = new UnorderedList();
        ruleList.addClassName("design-tree");
        UnorderedList fields = null;
        for (var element : elements) {
            var id = element.isRule()
                    ? "el-r" + element.field()
                    : element.isStep() ? "el-" + element.step() : "el-" + element.step() + "-" + element.field();
            var text = element.isRule()
                    ? getTranslation("designer.element.rule", element.id(), element.type(), element.label())
                    : element.isStep()
                            ? getTranslation("designer.element.step", element.label(), element.id())
                            : getTranslation("designer.element.field", element.label(), element.id(), element.type());
            var button = new Button(text, e -> {
                selectedStep = element.step();
                selectedField = element.field();
                renderStructure();
                renderProperties();
            });
            button.setId(id);
            button.addThemeVariants(ButtonVariant.TERTIARY);
            var selected = element.step() == selectedStep && element.field() == selectedField;
            if (selected) {
                button.getElement().setAttribute("aria-current", "true");
                button.addClassName("selected");
            }
            var item = new ListItem(button);
            var found = problemsAt(element);
            if (!found.isEmpty()) {
                var badge = new Span(getTranslation("designer.element.problems", found.size()));
                badge.addClassName("element-error");
                badge.setId(id + "-problems");
                item.add(badge);
            }
            if (element.isRule()) {
                ruleList.add(item);
            } else if (element.isStep()) {
                fields = new UnorderedList();
                item.add(fields);
                tree.add(item);
            } else if (fields != null) {
                fields.add(item);
            }
        }
        structure.add(tree, new H3(getTranslation("designer.rules")), ruleList);
    }

    private void renderProperties() {
        properties.removeAll();
        properties.setId("properties");
        var element = elements.stream()
                .filter(e -> e.step() == selectedStep && e.field() == selectedField)
                .findFirst();
        if (element.isEmpty()) {
            return;
        }
        var el = element.get();
        var values = DesignSource.properties(design.source(), selectedStep, selectedField);
        properties.add(new H3(
                el.isRule()
                        ? getTranslation("designer.properties.rule", el.id())
                        : el.isStep()
                                ? getTranslation("designer.properties.step", el.id())
                                : getTranslation("designer.properties.field", el.id())));
        var found = problemsAt(el);
        if (!found.isEmpty()) {
            var list = new UnorderedList();
            list.setId("element-problems");
            list.addClassName("error-text");
            found.forEach(p -> list.add(new ListItem(located(p))));
            properties.add(list);
        }
        properties.add(property(values, "id", "designer.prop.id"));
        if (el.isRule()) {
            var severity = new Select<String>();
            severity.setLabel(getTranslation("designer.prop.severity"));
            severity.setItems("error", "warning", "info");
            severity.setItemLabelGenerator(v -> getTranslation("designer.severity." + v));
            severity.setValue(List.of("error", "warning", "info").contains(el.type()) ? el.type() : null);
            severity.setId("prop-severity");
            severity.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    edit(() ->
                            DesignSource.set(design.source(), selectedStep, selectedField, "severity", e.getValue()));
                }
            });
            properties.add(
                    severity,
                    property(values, "when", "designer.prop.when"),
                    property(values, "fields", "designer.prop.fields"),
                    property(values, "message.da", "designer.prop.message.da"),
                    property(values, "message.en", "designer.prop.message.en"));
            return;
        }
        if (el.isStep()) {
            properties.add(
                    property(values, "title.da", "designer.prop.title.da"),
                    property(values, "title.en", "designer.prop.title.en"),
                    property(values, "visibleWhen", "designer.prop.visibleWhen"));
            return;
        }
        var type = new Select<String>();
        type.setLabel(getTranslation("designer.prop.type"));
        type.setItems(FIELD_TYPES);
        type.setValue(FIELD_TYPES.contains(el.type()) ? el.type() : null);
        type.setId("prop-type");
        type.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                edit(() -> DesignSource.set(design.source(), selectedStep, selectedField, "type", e.getValue()));
            }
        });
        var required = new Checkbox(getTranslation("designer.prop.required"));
        required.setValue("true".equals(values.get("required")));
        required.setId("prop-required");
        required.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edit(() -> DesignSource.set(design.source(), selectedStep, selectedField, "required", e.getValue()));
            }
        });
        properties.add(
                type,
                property(values, "label.da", "designer.prop.label.da"),
                property(values, "label.en", "designer.prop.label.en"),
                property(values, "help.da", "designer.prop.help.da"),
                required,
                property(values, "visibleWhen", "designer.prop.visibleWhen"),
                property(values, "requiredWhen", "designer.prop.requiredWhen"),
                property(values, "prefill", "designer.prop.prefill"),
                property(values, "compute", "designer.prop.compute"),
                property(values, "min", "designer.prop.min"),
                property(values, "max", "designer.prop.max"));
        if ("choice".equals(el.type()) || "multichoice".equals(el.type())) {
            var options = new TextArea(getTranslation("designer.prop.options"));
            options.setHelperText(getTranslation("designer.prop.options.help"));
            options.setValue(values.options());
            options.setId("prop-options");
            options.setWidthFull();
            options.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    edit(() -> DesignSource.setOptions(design.source(), selectedStep, selectedField, e.getValue()));
                }
            });
            properties.add(options);
        }
    }

    private TextField property(DesignSource.Properties values, String key, String labelKey) {
        var field = new TextField(getTranslation(labelKey));
        field.setValue(values.get(key));
        field.setId("prop-" + key.replace('.', '-'));
        field.setWidthFull();
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edit(() -> DesignSource.set(design.source(), selectedStep, selectedField, key, e.getValue()));
            }
        });
        return field;
    }

    private String located(Problem problem) {
        var where = problem.location().line() > 0
                ? getTranslation(
                        "designer.problem.at",
                        problem.location().line(),
                        problem.location().column())
                : "";
        return where + problem.message(getLocale());
    }

    private void renderProblems() {
        problems.removeAll();
        if (check.ok()) {
            var ok = new Paragraph(getTranslation("designer.problems.none"));
            ok.setId("design-ok");
            problems.add(ok);
            return;
        }
        var list = new UnorderedList();
        for (var problem : check.problems()) {
            var element = DesignSource.at(elements, problem.location().line());
            var text = located(problem)
                    + element.map(e -> " ("
                                    + (e.isRule()
                                            ? getTranslation("designer.rule")
                                            : e.isStep()
                                                    ? getTranslation("designer.step")
                                                    : getTranslation("designer.field"))
                                    + " " + e.id() + ")")
                            .orElse("");
            list.add(new ListItem(text));
        }
        problems.add(list);
    }

    private void refreshPreview() {
        if (preview == null) {
            return;
        }
        if (check.form().isEmpty() || !check.ok()) {
            preview.removeAll();
            preview.add(new Paragraph(getTranslation("designer.preview.invalid")));
            return;
        }
        preview.show(
                check.form().get(),
                person.getValue() == null ? null : person.getValue().cpr());
    }

    private void runScenarios() {
        scenarioResults.removeAll();
        if (!check.ok()) {
            scenarioResults.add(new Paragraph(getTranslation("designer.scenarios.invalid")));
            return;
        }
        List<ScenarioRunner.Result> results;
        switch (designs.runScenarios(check.form().get(), currentUser.require().username())) {
            case FormDesigns.ScenarioRun.Ran ran -> results = ran.results();
            case FormDesigns.ScenarioRun.NotRun notRun -> {
                scenarioResults.add(new Paragraph(
                        notRun.message() != null
                                ? notRun.message()
                                : getTranslation(
                                        notRun.reason().equals("none")
                                                ? "designer.scenarios.none"
                                                : "designer.preview.noregisters",
                                        design.formId())));
                return;
            }
        }
        var passed = results.stream().filter(ScenarioRunner.Result::passed).count();
        var summary = new Paragraph(getTranslation("designer.scenarios.summary", passed, results.size()));
        summary.setId("scenario-summary");
        var list = new UnorderedList();
        for (var result : results) {
            var item = new ListItem((result.passed() ? "✔ " : "✘ ") + result.name());
            item.addClassName(result.passed() ? "scenario-passed" : "scenario-failed");
            if (!result.passed()) {
                var why = new UnorderedList();
                result.failures().forEach(f -> why.add(new ListItem(f)));
                item.add(why);
            }
            list.add(item);
        }
        scenarioResults.add(summary, list);
    }

    private void preparePublish() {
        publishPanel.removeAll();
        if (!check.ok()) {
            var blocked = new Paragraph(getTranslation("designer.publish.blocked"));
            blocked.addClassName("error-text");
            publishPanel.add(blocked);
            return;
        }
        var changes = designs.changes(design, check.form().get());
        var list = new UnorderedList();
        list.setId("publish-changes");
        changes.forEach(c -> list.add(new ListItem(c)));
        var confirm = new Button(getTranslation("designer.publish.confirm"), e -> publish());
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("publish-confirm");
        publishPanel.add(new Paragraph(getTranslation("designer.publish.changes")), list, confirm);
    }

    /** A published draft is history: read-only; a new draft starts from the workspace. */
    private void lock() {
        editing.setVisible(false);
        properties.setVisible(false);
        sourceArea.setReadOnly(true);
        publishButton.setVisible(false);
        discardButton.setVisible(false);
    }

    private void publish() {
        publishPanel.removeAll();
        try {
            var published = designs.publish(design, currentUser.require().username());
            design = designs.find(design.id()).orElse(design);
            var done = new Paragraph(getTranslation(
                    "designer.published.done",
                    published.form().version(),
                    published.form().sha256().substring(0, 12),
                    published.file().getFileName().toString()));
            done.setId("published");
            done.getElement().setAttribute("role", "status");
            publishPanel.add(done);
            lock();
        } catch (DefinitionException e) {
            publishPanel.add(new Paragraph(getTranslation("designer.publish.blocked")));
        }
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

package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.definition.FormLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The structure view's edits on the source, and where the selection goes after each. */
class StructureEditorTest {

    private StructureEditor editor;

    @BeforeEach
    void husstand() throws Exception {
        editor = new StructureEditor(Files.readString(Path.of("src/test/resources/forms/husstand-test.yaml")));
    }

    private static long steps(StructureEditor editor) {
        return editor.elements().stream().filter(e -> e.isStep() && !e.isRule()).count();
    }

    @Test
    void startsOnTheFirstStep() {
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfStep(0));
        assertThat(editor.selected().orElseThrow().id()).isEqualTo("dig");
    }

    @Test
    void anAddedFieldComesAfterTheSelectedOneAndIsSelectedAndTheSourceStillLoads() {
        var navn = editor.elements().stream()
                .filter(e -> "navn".equals(e.id()))
                .findFirst()
                .orElseThrow();
        editor.select(navn);
        var source = editor.addField();
        assertThat(editor.selected().orElseThrow().id()).isEqualTo("felt1");
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfField(0, 1));
        assertThat(new FormLoader().load("husstand-test.yaml", source).field("felt1"))
                .isPresent();
        editor.addField();
        assertThat(editor.selected().orElseThrow().id()).isEqualTo("felt2");
    }

    @Test
    void aStepIsAddedAfterTheSelectedStepAndRemovingItSelectsTheOneBefore() {
        var before = steps(editor);
        editor.addStep();
        assertThat(steps(editor)).isEqualTo(before + 1);
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfStep(1));
        assertThat(editor.selected().orElseThrow().id()).isEqualTo("trin1");
        editor.remove();
        assertThat(steps(editor)).isEqualTo(before);
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfStep(0));
    }

    @Test
    void movingAFieldDownKeepsItSelectedAndAtTheTopItStays() {
        var first = editor.elements().stream()
                .filter(e -> e.step() == 0 && e.field() == 0)
                .findFirst()
                .orElseThrow();
        editor.select(first);
        editor.move(1);
        assertThat(editor.selected().orElseThrow().id()).isEqualTo(first.id());
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfField(0, 1));
        editor.move(-1);
        var unchanged = editor.source();
        assertThat(editor.move(-1)).isEqualTo(unchanged);
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfField(0, 0));
    }

    @Test
    void aRuleIsAddedAtTheEndAndItsPropertiesAreEdited() {
        editor.addRule();
        var selected = editor.selected().orElseThrow();
        assertThat(selected.isRule()).isTrue();
        assertThat(selected.id()).isEqualTo("regel1");
        editor.set("severity", "warning");
        assertThat(editor.selected().orElseThrow().type()).isEqualTo("warning");
    }

    @Test
    void aSourceWithoutTheSelectedElementFallsBackToTheNearestStep() {
        editor.addStep();
        editor.addStep();
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfStep(2));
        editor.replace("""
                id: kort
                steps:
                  - id: eneste
                    title: {da: "Eneste", en: "Only"}
                """);
        assertThat(editor.selection()).isEqualTo(new StructureEditor.Selection.OfStep(0));
    }
}

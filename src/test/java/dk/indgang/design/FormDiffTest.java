package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.definition.FormLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A published version's changes in plain words, as the designer's history shows them. */
class FormDiffTest {

    private static final Path FILE = Path.of("src/test/resources/forms/husstand-test.yaml");

    @Test
    void aNewFormIsDescribedAsNew() throws Exception {
        var form = new FormLoader().load(FILE);
        assertThat(FormDiff.between(null, form)).singleElement().asString().startsWith("Ny formular: ");
    }

    @Test
    void namesATitleChangeAndAnAddedFieldWithItsCondition() throws Exception {
        var source = Files.readString(FILE);
        var before = new FormLoader().load("husstand-test.yaml", source);
        var changed = source.replace("title: {da: \"Testformular om husstand\"", "title: {da: \"Husstand (test)\"")
                .replace("""
                              - id: harBoern
                        """, """
                              - id: kaeledyr
                                type: text
                                label: {da: "Dit kæledyr", en: "Your pet"}
                                visibleWhen: "harBoern"
                              - id: harBoern
                        """);
        var after = new FormLoader().load("husstand-test.yaml", changed);
        assertThat(FormDiff.between(before, after))
                .anyMatch(line -> line.equals("Titel ændret fra »Testformular om husstand« til »Husstand (test)«."))
                .anyMatch(line -> line.startsWith("Felt tilføjet: »Dit kæledyr« (kaeledyr, text)")
                        && line.contains("når harBoern"));
    }

    @Test
    void anUnchangedFormSaysSo() throws Exception {
        var form = new FormLoader().load(FILE);
        assertThat(FormDiff.between(form, new FormLoader().load(FILE)))
                .containsExactly("Ingen ændringer i indholdet (kun formatering eller kommentarer).");
    }
}

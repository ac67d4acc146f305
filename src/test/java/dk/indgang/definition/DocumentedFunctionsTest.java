package dk.indgang.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The function table in docs/form-definition-language.md ("Functions") is what the loader accepts:
 * every example in it compiles and type-checks against the example form's fields.
 */
class DocumentedFunctionsTest {

    private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");

    @Test
    void everyExampleInTheFunctionTableCompiles() throws IOException {
        var doc = Files.readString(Path.of("docs/form-definition-language.md"));
        var section = doc.substring(doc.indexOf("### Functions"));
        section = section.substring(0, section.indexOf("\n##", 5));
        var examples = new ArrayList<String>();
        for (var line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            var cells = CELL.split(line);
            var example = cells[cells.length - 1].strip();
            assertThat(example).as(line).startsWith("`").endsWith("`");
            examples.add(example.substring(1, example.length() - 1).replace("\\|", "|"));
        }
        assertThat(examples).hasSizeGreaterThan(15);

        var form = new FormLoader().load(Path.of("forms/eksempel-husstand.yaml"));
        var expressions = new Expressions(form.topLevelFields(), form.lookups());
        for (var example : examples) {
            var compiled = expressions.compile(example, new Location("docs", 1, 1), null, 0, true);
            assertThat(compiled.problems()).as(example).isEmpty();
        }
    }
}

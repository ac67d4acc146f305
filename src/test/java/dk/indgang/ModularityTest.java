package dk.indgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries — no cycles, no reaching into internals, and no dependency a
 * module's {@code package-info} does not allow — and keeps the module table in
 * docs/architecture.md true to the code.
 */
class ModularityTest {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String START =
            "<!-- modules: written by ModularityTest (mvn test -Dtest=ModularityTest -Dindgang.docs.write=true) -->";
    private static final String END = "<!-- /modules -->";

    private final ApplicationModules modules = ApplicationModules.of(IndgangApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theArchitectureDocumentShowsEachModulesDependenciesAsTheCodeHasThem() throws IOException {
        var table = moduleTable();
        var text = Files.readString(ARCHITECTURE);
        var start = text.indexOf(START);
        var end = text.indexOf(END);
        assertThat(start)
                .as("the module table's start marker in " + ARCHITECTURE)
                .isNotNegative();
        assertThat(end).as("its end marker").isGreaterThan(start);
        var written = text.substring(start + START.length(), end).strip();
        if (Boolean.getBoolean("indgang.docs.write") && !written.equals(table)) {
            Files.writeString(
                    ARCHITECTURE,
                    text.substring(0, start + START.length()) + "\n" + table + "\n" + text.substring(end));
            written = table;
        }
        assertThat(written)
                .as("docs/architecture.md's module table; rewrite it with -Dindgang.docs.write=true")
                .isEqualTo(table);
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private String moduleTable() {
        var rows = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString()))
                .map(m -> "| `" + m.getIdentifier() + "` | " + dependencies(m) + " |")
                .collect(Collectors.joining("\n"));
        return "| module | depends on |\n|---|---|\n" + rows;
    }

    private String dependencies(ApplicationModule module) {
        var names = module.getDirectDependencies(modules)
                .uniqueModules()
                .map(m -> "`" + m.getIdentifier() + "`")
                .sorted()
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "—" : names;
    }
}

package dk.indgang.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A forms folder of its own for tests that publish: a copy of the test forms and a scenarios file. */
public final class DesignerFixtures {

    private DesignerFixtures() {}

    public static Path formsCopy() {
        try {
            var dir = Files.createTempDirectory("indgang-forms-");
            try (var files = Files.list(Path.of("src/test/resources/forms"))) {
                for (var file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                    if (Files.isDirectory(file)) {
                        // the rate tables in rates/
                        try (var inner = Files.list(file)) {
                            for (var table : inner.toList()) {
                                Files.copy(
                                        table, dir.resolve(file.getFileName()).resolve(table.getFileName()));
                            }
                        }
                    }
                }
            }
            Files.writeString(dir.resolve("husstand-test.scenarios.yaml"), """
                    form: husstand-test
                    today: "2026-11-22"
                    scenarios:
                      - name: "Lejer uden børn"
                        person: "1503889984"
                        answers: {navn: "Mette Fiktiv Testesen", foedselsdato: "1988-03-15", harBoern: false, husleje: "5000", indkomst: "20000", boligType: leje}
                        expect: {errors: [], warnings: []}
                      - name: "Husleje over indkomst giver en advarsel"
                        person: "1503889984"
                        answers: {navn: "Mette Fiktiv Testesen", foedselsdato: "1988-03-15", harBoern: false, husleje: "9000", indkomst: "8000", boligType: leje}
                        acknowledge: [huslejeOverIndkomst]
                        expect: {errors: [], warnings: [huslejeOverIndkomst]}
                    """);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

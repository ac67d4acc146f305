package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.definition.FormLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: how long the designer waits for a change to be checked. For each real
 * form: the build's loader on the whole source (YAML, validation, semantic checks, CEL type checks),
 * and a structure edit (set a property, write the YAML back, read the tree). {@code mvn -Pbench
 * verify} prints a table and writes {@code target/bench/design-check.txt}.
 */
class DesignCheckBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1000);

    @Test
    void measuresTheCheckOnEveryChange() throws Exception {
        var report = new StringBuilder(String.format(
                Locale.ROOT,
                "Designer check per change, %d rounds after %d warm-up, %d cores, Java %s%n%-20s %6s %12s %12s %12s %12s%n",
                ROUNDS,
                WARMUP,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                "form",
                "lines",
                "load p50 ms",
                "load p95 ms",
                "edit p50 ms",
                "edit p95 ms"));
        for (var id : new String[] {"boligstoette", "boernetilskud", "flytning"}) {
            var source = Files.readString(Path.of("forms", id + ".yaml"));
            var loader = new FormLoader();
            var field = DesignSource.elements(source).stream()
                    .filter(e -> !e.isStep())
                    .findFirst()
                    .orElseThrow();
            for (int i = 0; i < WARMUP; i++) {
                loader.load(id + ".yaml", source);
                DesignSource.elements(DesignSource.set(source, field.step(), field.field(), "label.da", "x" + i));
            }
            var load = new long[ROUNDS];
            var edit = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                var start = System.nanoTime();
                assertThat(loader.load(id + ".yaml", source).id()).isEqualTo(id);
                load[i] = System.nanoTime() - start;
                start = System.nanoTime();
                var changed = DesignSource.set(source, field.step(), field.field(), "label.da", "Ny tekst " + i);
                assertThat(DesignSource.elements(changed)).isNotEmpty();
                edit[i] = System.nanoTime() - start;
            }
            Arrays.sort(load);
            Arrays.sort(edit);
            report.append(String.format(
                    Locale.ROOT,
                    "%-20s %6d %12.2f %12.2f %12.2f %12.2f%n",
                    id,
                    source.lines().count(),
                    pct(load, 50),
                    pct(load, 95),
                    pct(edit, 50),
                    pct(edit, 95)));
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/design-check.txt"), report);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}

package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.FormLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: how a full validation ({@link FormSession#evaluate()}) grows with the
 * form. Generated forms of 25, 100, 500 and 2,000 fields with proportional conditions (every fifth
 * field shown on the one before), computed values (every tenth, a sum of two answers), a text with a
 * pattern in every step, one rule per step and a repeating group of 10 or 50 items whose inner field
 * has its own condition. {@code mvn -Pbench verify} prints µs per validation and per field and writes
 * {@code target/bench/engine-scaling.txt}. The engine is linear when the cost per field stays flat.
 */
class EngineScalingBenchmark {

    private static final int[] SIZES = {25, 100, 500, 2000};
    private static final int[] ITEMS = {10, 50};

    /** A form of {@code fields} fields (the group counts as one) in steps of 25. */
    static String form(int fields) {
        var yaml = new StringBuilder("""
                id: skala
                version: 1
                title: {da: "Skala", en: "Scale"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                """);
        var rules = new StringBuilder("rules:\n");
        for (int i = 0; i < fields; i++) {
            if (i % 25 == 0) {
                yaml.append("  - id: trin").append(i / 25).append('\n');
                yaml.append("    title: {da: \"Trin\", en: \"Step\"}\n    fields:\n");
            }
            yaml.append("      - id: f").append(i).append('\n');
            if (i == 0) {
                yaml.append("        type: group\n        label: {da: \"Gruppe\", en: \"Group\"}\n")
                        .append("        maxItems: 100\n        fields:\n")
                        .append("          - id: a\n            type: integer\n")
                        .append("            label: {da: \"A\", en: \"A\"}\n")
                        .append("          - id: b\n            type: integer\n")
                        .append("            label: {da: \"B\", en: \"B\"}\n")
                        .append("            visibleWhen: \"item.a > 0\"\n");
                continue;
            }
            if (i % 25 == 1) {
                yaml.append("        type: text\n        label: {da: \"Tekst\", en: \"Text\"}\n");
                yaml.append("        pattern: \"[A-Za-z ]{1,40}\"\n");
                continue;
            }
            yaml.append("        type: integer\n        label: {da: \"Tal\", en: \"Number\"}\n");
            if (i % 10 == 0 && i >= 4) {
                yaml.append("        compute: \"f")
                        .append(i - 2)
                        .append(" + f")
                        .append(i - 3)
                        .append("\"\n");
            } else if (i % 5 == 0 && i >= 3) {
                yaml.append("        visibleWhen: \"f").append(i - 1).append(" > 0\"\n");
                yaml.append("        required: true\n        min: 0\n        max: 1000\n");
            } else {
                yaml.append("        min: 0\n");
            }
            if (i % 25 == 2) {
                rules.append("  - id: r").append(i).append('\n');
                rules.append("    severity: warning\n    when: \"f").append(i).append(" > 900\"\n");
                rules.append("    fields: [f").append(i).append("]\n");
                rules.append("    message: {da: \"Højt\", en: \"High\"}\n");
            }
        }
        return yaml.append(rules).toString();
    }

    static FormSession session(int fields, int items) {
        var form = new FormLoader().load("skala.yaml", form(fields));
        var session = new FormSession(form, new Answers(), TestClock.CLOCK);
        for (int i = 1; i < fields; i++) {
            var field = form.field("f" + i).orElseThrow();
            if (field.isComputed()) {
                continue;
            }
            session.answer("f" + i, i % 25 == 1 ? "Tekst" : (Object) (long) (i % 7 + 1));
        }
        for (int i = 0; i < items; i++) {
            var index = session.addItem("f0");
            session.answerInItem("f0", index, "a", (long) (i % 3));
            session.answerInItem("f0", index, "b", (long) i);
        }
        return session;
    }

    @Test
    void measuresAFullValidationFrom25To2000Fields() throws Exception {
        var report = new StringBuilder(String.format(
                Locale.ROOT,
                "Full validation (FormSession.evaluate), %d cores, Java %s%n%-8s %6s %12s %12s %14s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                "fields",
                "items",
                "p50 µs",
                "p95 µs",
                "µs per field"));
        Map<String, Double> perField = new LinkedHashMap<>();
        var sessions = new LinkedHashMap<String, FormSession>();
        for (int items : ITEMS) {
            for (int fields : SIZES) {
                var session = session(fields, items);
                var evaluation = session.evaluate();
                assertThat(evaluation.violations())
                        .as("the generated answers are valid")
                        .allSatisfy(v -> assertThat(v.severity()).isNotEqualTo(dk.indgang.definition.Severity.ERROR));
                assertThat(evaluation.computed()).isNotEmpty();
                sessions.put(fields + "/" + items, session);
            }
        }
        // warm the JIT on every size before measuring any, so the order of the rows does not matter
        for (int round = 0; round < 3; round++) {
            for (var entry : sessions.entrySet()) {
                var fields = Integer.parseInt(entry.getKey().split("/")[0]);
                for (int i = 0; i < Math.max(50, 200_000 / fields); i++) {
                    entry.getValue().evaluate();
                }
            }
        }
        for (int items : ITEMS) {
            for (int fields : SIZES) {
                var session = sessions.get(fields + "/" + items);
                var rounds = Math.max(100, 400_000 / fields);
                // three runs; the one with the lowest median is reported (a GC pause or the other
                // core's work lands in one run, not in the engine's cost)
                var p50 = Double.MAX_VALUE;
                var p95 = 0.0;
                for (int run = 0; run < 3; run++) {
                    var times = new long[rounds];
                    for (int i = 0; i < rounds; i++) {
                        var start = System.nanoTime();
                        session.evaluate();
                        times[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(times);
                    if (times[rounds / 2] / 1e3 < p50) {
                        p50 = times[rounds / 2] / 1e3;
                        p95 = times[(int) (rounds * 0.95)] / 1e3;
                    }
                }
                perField.put(fields + "/" + items, p50 / fields);
                report.append(String.format(
                        Locale.ROOT, "%-8d %6d %12.1f %12.1f %14.3f%n", fields, items, p50, p95, p50 / fields));
            }
        }
        var ratios = new ArrayList<String>();
        for (int items : ITEMS) {
            ratios.add(String.format(
                    Locale.ROOT,
                    "cost per field at 2,000 / at 100 (%d items): %.2f",
                    items,
                    perField.get("2000/" + items) / perField.get("100/" + items)));
        }
        report.append(String.join("\n", ratios)).append('\n');
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/engine-scaling.txt"), report);
    }
}

package dk.indgang.definition;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Dated figures for an assessment ({@code forms/rates/<id>.yaml}): each version has a valid-from
 * date, its source, and named numbers. Figures are data, never code, so a new year is a new entry.
 */
public record RateTable(String id, List<Version> versions) {

    private static final Pattern REFERENCE = Pattern.compile("\\brates\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    /**
     * The figures valid from a date, and where they come from.
     *
     * @param provisional announced but not final (e.g. next year's scale before it is confirmed): an
     *     assessment may estimate on it, never decide automatically
     */
    public record Version(LocalDate validFrom, String source, Map<String, BigDecimal> values, boolean provisional) {

        /**
         * The figures as expressions read them: CEL has no decimal type, so each is the double nearest
         * to it, which the expressions' decimal arithmetic reads back exactly ({@link DecimalArithmetic}).
         */
        public Map<String, Double> forExpressions() {
            var doubles = new LinkedHashMap<String, Double>();
            values.forEach((name, value) -> doubles.put(name, value.doubleValue()));
            return java.util.Collections.unmodifiableMap(doubles);
        }
    }

    /** The version in force on a date: the latest that started on or before it. */
    public Optional<Version> validOn(LocalDate date) {
        return versions.stream()
                .filter(v -> !v.validFrom().isAfter(date))
                .max(Comparator.comparing(Version::validFrom));
    }

    public static RateTable load(Path file) {
        var name = file.getFileName().toString();
        try {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            var versions = new ArrayList<Version>();
            for (var raw : (List<Map<String, Object>>) doc.get("versions")) {
                var values = new LinkedHashMap<String, BigDecimal>();
                // as written: YAML reads 0.55 as the double nearest it, whose shortest form is "0.55"
                ((Map<String, Object>) raw.get("values"))
                        .forEach((k, v) -> values.put(k, new BigDecimal(((Number) v).toString())));
                versions.add(new Version(
                        date(raw.get("validFrom")),
                        String.valueOf(raw.get("source")),
                        Map.copyOf(values),
                        Boolean.TRUE.equals(raw.get("provisional"))));
            }
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no versions");
            }
            return new RateTable(String.valueOf(doc.get("id")), List.copyOf(versions));
        } catch (IOException | RuntimeException e) {
            throw new DefinitionException(List.of(Problem.error(
                    new Location(name, 1, 1),
                    "rates.invalid",
                    name,
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse(""))));
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof java.util.Date d
                ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(String.valueOf(value));
    }

    /** Loads the table a form's assessment names from {@code <formsDir>/rates/} and checks every {@code rates.x} it uses. */
    public static Optional<RateTable> forForm(FormDefinition form, Path formsDir) {
        if (form.assessment() == null) {
            return Optional.empty();
        }
        var file = formsDir.resolve("rates").resolve(form.assessment().rates() + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new DefinitionException(List.of(Problem.error(
                    form.assessment().location(),
                    "rates.missing",
                    form.assessment().rates())));
        }
        var table = load(file);
        var used = new TreeSet<String>();
        var sources = new ArrayList<String>();
        form.assessment().steps().forEach(s -> sources.add(s.value().source()));
        form.assessment().outcomes().stream()
                .filter(o -> o.when() != null)
                .forEach(o -> sources.add(o.when().source()));
        // rules, computed values and conditions read the same figures (rates.x anywhere in the form)
        if (form.source() != null) {
            sources.add(form.source());
        }
        sources.forEach(src -> REFERENCE.matcher(src).results().forEach(m -> used.add(m.group(1))));
        var problems = new ArrayList<Problem>();
        for (var version : table.versions()) {
            for (var key : used) {
                if (!version.values().containsKey(key)) {
                    problems.add(Problem.error(
                            form.assessment().location(), "rates.key.unknown", key, table.id(), version.validFrom()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return Optional.of(table);
    }
}

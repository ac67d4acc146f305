package dk.indgang.design;

import dk.indgang.assessment.Assessor;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.RateTable;
import dk.indgang.definition.Severity;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Registers;
import dk.indgang.engine.ValueCodec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a form's scenarios ({@code <id>.scenarios.yaml}): each a test person from the register stubs,
 * answers, confirmed warnings, and what must come out — prefill, errors, warnings, computed values,
 * provenance and the assessment. The build runs every scenario of every form; the designer runs a
 * draft's scenarios before publishing. Plain Java: give it the registers to ask (the stubs).
 */
public final class ScenarioRunner {

    private static final ZoneId ZONE = dk.indgang.definition.DanishTime.ZONE;

    private final Registers registers;
    private final String actor;

    /**
     * @param actor who runs the scenarios (a designer, or the build), as the audit records it; each
     *     scenario is its own test citizen's session, so it gets its own rate-limit bucket
     */
    public ScenarioRunner(Registers registers, String actor) {
        this.registers = registers;
        this.actor = actor;
    }

    /** A scenarios file as read. */
    public record Scenarios(String formId, LocalDate today, List<Map<String, Object>> scenarios) {}

    /** One scenario's outcome: passed, or every way it failed in plain words. */
    public record Result(String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    public static Scenarios parse(String source) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(source);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The scenarios file is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (!(loaded instanceof Map<?, ?> doc) || !(doc.get("scenarios") instanceof List<?> list)) {
            throw new IllegalArgumentException("The scenarios file needs 'form', 'today' and a list 'scenarios'");
        }
        // The day the scenarios are written for: their expectations (ages, deadlines, the income
        // months) hold on that day, whatever day the build runs.
        if (doc.get("today") == null) {
            throw new IllegalArgumentException("The scenarios file needs 'today', the day its expectations hold on");
        }
        LocalDate today;
        try {
            today = LocalDate.parse(doc.get("today").toString());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "The scenarios file's 'today' is not a date (YYYY-MM-DD): " + doc.get("today"), e);
        }
        only(doc, FILE_KEYS, "The scenarios file");
        for (var entry : list) {
            if (!(entry instanceof Map<?, ?> scenario)) {
                throw new IllegalArgumentException(
                        "Each scenario is a map with 'name', 'person', 'answers' and 'expect'");
            }
            var name = "Scenario '" + scenario.get("name") + "'";
            only(scenario, SCENARIO_KEYS, name);
            if (scenario.get("today") != null) {
                try {
                    LocalDate.parse(scenario.get("today").toString());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            name + " has a 'today' that is not a date (YYYY-MM-DD): " + scenario.get("today"), e);
                }
            }
            if (scenario.get("expect") instanceof Map<?, ?> expect) {
                only(expect, EXPECT_KEYS, name + ", expect,");
                if (expect.get("assessment") instanceof Map<?, ?> assessment) {
                    only(assessment, ASSESSMENT_KEYS, name + ", expect.assessment,");
                }
            }
        }
        return new Scenarios(String.valueOf(doc.get("form")), today, List.copyOf((List<Map<String, Object>>) list));
    }

    private static final List<String> FILE_KEYS = List.of("form", "today", "scenarios");
    private static final List<String> SCENARIO_KEYS =
            List.of("name", "person", "today", "answers", "acknowledge", "overrides", "unavailable", "expect");
    private static final List<String> EXPECT_KEYS = List.of(
            "prefilled", "notPrefilled", "notVerified", "errors", "warnings", "computed", "assessment", "decision");
    private static final List<String> ASSESSMENT_KEYS = List.of("result", "amount", "steps");

    /** A misspelt key would otherwise check nothing and pass: it is refused, with what is known. */
    private static void only(Map<?, ?> map, List<String> known, String where) {
        for (var key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(
                        where + " has an unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    public List<Result> run(FormDefinition form, Scenarios scenarios, RateTable rates) {
        var results = new ArrayList<Result>();
        for (var scenario : scenarios.scenarios()) {
            var name = String.valueOf(scenario.get("name"));
            try {
                results.add(new Result(name, runOne(form, scenarios.today(), scenario, rates)));
            } catch (RuntimeException e) {
                results.add(new Result(name, List.of("The scenario could not run: " + firstLine(e.getMessage()))));
            }
        }
        return results;
    }

    /**
     * What a scenario names that the form does not have: a rule it acknowledges, overrides or expects
     * as a warning, a field it answers or expects prefilled or computed. Such a scenario would check
     * nothing (or the wrong thing) and pass; it fails instead, saying what is unknown.
     */
    @SuppressWarnings("unchecked")
    static List<String> unknownNames(FormDefinition form, Map<String, Object> scenario) {
        var problems = new ArrayList<String>();
        var rules = form.rules().stream().map(r -> r.id()).toList();
        var fields = new java.util.LinkedHashSet<String>(form.topLevelFields().keySet());
        var expect = (Map<String, Object>) scenario.getOrDefault("expect", Map.of());
        for (var key : List.of("acknowledge", "overrides")) {
            for (var rule : (List<?>) scenario.getOrDefault(key, List.of())) {
                if (!rules.contains(String.valueOf(rule))) {
                    problems.add(key + " names rule '" + rule + "', which the form does not have (rules: "
                            + String.join(", ", rules) + ")");
                }
            }
        }
        for (var rule : (List<?>) expect.getOrDefault("warnings", List.of())) {
            if (!rules.contains(String.valueOf(rule))) {
                problems.add("expect.warnings names rule '" + rule + "', which the form does not have");
            }
        }
        for (var error : (List<?>) expect.getOrDefault("errors", List.of())) {
            var text = String.valueOf(error);
            if (!text.contains(":") && !rules.contains(text)) {
                problems.add("expect.errors names rule '" + text + "', which the form does not have");
            }
        }
        var named = new java.util.LinkedHashMap<String, Object>();
        ((Map<String, Object>) scenario.getOrDefault("answers", Map.of()))
                .keySet()
                .forEach(f -> named.put(f, "answers"));
        for (var key : List.of("prefilled", "computed")) {
            ((Map<String, Object>) expect.getOrDefault(key, Map.of()))
                    .keySet()
                    .forEach(f -> named.put(f, "expect." + key));
        }
        named.forEach((field, where) -> {
            if (!fields.contains(field)) {
                problems.add(where + " names field '" + field + "', which the form does not have");
            }
        });
        return problems;
    }

    @SuppressWarnings("unchecked")
    private List<String> runOne(
            FormDefinition form, LocalDate fileToday, Map<String, Object> scenario, RateTable rates) {
        // what it names that the form lacks fails it; the rest is still run, so every failure shows
        var failures = new ArrayList<String>(unknownNames(form, scenario));
        // a scenario may be written for its own day (a deadline, an age), else the file's
        var today = scenario.get("today") == null
                ? fileToday
                : LocalDate.parse(scenario.get("today").toString());
        var clock = Clock.fixed(today.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        var down = new HashSet<String>();
        ((List<?>) scenario.getOrDefault("unavailable", List.of())).forEach(r -> down.add(String.valueOf(r)));
        var runner = new LookupRunner(down.isEmpty() ? registers : new Down(registers, down, clock), clock);
        var person = String.valueOf(scenario.get("person"));
        var name = String.valueOf(scenario.get("name"));
        var session = new FormSession(form, new Answers(), clock, rates);
        var context = new LookupContext(
                actor + ":scenario-" + Integer.toHexString(name.hashCode()),
                person,
                "Scenarie: " + form.id(),
                form.id());
        runner.settle(session, person, context);
        unknownPerson(form, session, person).ifPresent(failures::add);
        var expect = (Map<String, Object>) scenario.getOrDefault("expect", Map.of());

        // As a citizen does: she answers, the registers prefill what they can, then she corrects the
        // prefilled values she disagrees with (so a corrected value is "changed", not typed before
        // the register answered).
        var all = (Map<String, Object>) scenario.getOrDefault("answers", Map.of());
        var first = new java.util.LinkedHashMap<String, Object>();
        var corrections = new java.util.LinkedHashMap<String, Object>();
        all.forEach((field, value) -> (form.field(field)
                                .map(f -> f.prefill() != null)
                                .orElse(false)
                        ? corrections
                        : first)
                .put(field, value));
        answer(form, session, first, failures);
        runner.settle(session, person, context);
        answer(form, session, corrections, failures);
        runner.settle(session, person, context);
        // Prefill as it stands after the answers (a lookup may wait for one, e.g. consent); fields the
        // scenario answers itself are not prefill.
        var answered = ((Map<String, Object>) scenario.getOrDefault("answers", Map.of())).keySet();
        ((Map<String, Object>) expect.getOrDefault("prefilled", Map.of())).forEach((field, value) -> {
            if (answered.contains(field)) {
                failures.add("'" + field + "' is both answered and expected prefilled");
            }
            same(
                    failures,
                    "prefilled " + field,
                    String.valueOf(ValueCodec.toPlain(session.answers().get(field))),
                    String.valueOf(value));
        });
        for (var field : (List<String>) expect.getOrDefault("notPrefilled", List.of())) {
            var provenance = session.answers().provenance(field);
            if (provenance != null && provenance.source() != Provenance.Source.NOT_VERIFIED) {
                failures.add(
                        "'" + field + "' should not come from a register but does (" + provenance.register() + ")");
            }
        }
        ((List<String>) scenario.getOrDefault("acknowledge", List.of()))
                .forEach(rule -> session.acknowledge(rule, "Forklaret i scenariet"));
        ((List<String>) scenario.getOrDefault("overrides", List.of()))
                .forEach(rule -> session.override(rule, "Tilsidesat i scenariet", "scenarie"));
        for (var field : (List<String>) expect.getOrDefault("notVerified", List.of())) {
            var provenance = session.answers().provenance(field);
            if (provenance == null || provenance.source() != Provenance.Source.NOT_VERIFIED) {
                failures.add("'" + field + "' should be marked not verified");
            }
        }
        var evaluation = session.evaluate();
        var errors = evaluation.violations().stream()
                .filter(v -> v.severity() == Severity.ERROR)
                .map(v -> v.isRule() ? v.ruleId() : v.path() + ":" + v.messageKey())
                .toList();
        var warnings = evaluation.violations().stream()
                .filter(v -> v.severity() == Severity.WARNING)
                .map(v -> v.ruleId())
                .toList();
        sameSet(failures, "errors", errors, (List<String>) expect.getOrDefault("errors", List.of()));
        sameSet(failures, "warnings", warnings, (List<String>) expect.getOrDefault("warnings", List.of()));
        ((Map<String, Object>) expect.getOrDefault("computed", Map.of()))
                .forEach((field, value) -> same(
                        failures,
                        "computed " + field,
                        String.valueOf(ValueCodec.toPlain(evaluation.computed().get(field))),
                        String.valueOf(value)));

        var assessment = Assessor.assess(session, rates, Locale.forLanguageTag("da"));
        if (expect.containsKey("decision")) {
            decision(failures, expect.get("decision"), assessment);
        }
        var expected = expect.get("assessment");
        if ("none".equals(expected) && assessment.isPresent()) {
            failures.add("expected no assessment, got " + assessment.get().result());
        } else if (expected instanceof Map<?, ?> a) {
            if (assessment.isEmpty()) {
                failures.add("expected an assessment, got none (is the form complete?)");
                return failures;
            }
            var result = assessment.get();
            same(
                    failures,
                    "assessment result (" + result.reason() + ")",
                    result.result().name().toLowerCase(Locale.ROOT),
                    String.valueOf(a.get("result")));
            if (a.containsKey("amount")) {
                var amount = result.amount() == null ? BigDecimal.ZERO : result.amount();
                if (amount.compareTo(new BigDecimal(a.get("amount").toString())) != 0) {
                    failures.add("amount per " + result.period().name().toLowerCase(Locale.ROOT) + ": expected "
                            + a.get("amount") + ", got " + amount.toPlainString() + "; steps " + result.steps());
                }
            }
            if (a.get("steps") instanceof Map<?, ?> steps) {
                steps.forEach((id, value) -> {
                    var line = result.steps().stream()
                            .filter(l -> l.id().equals(id))
                            .findFirst();
                    if (line.isEmpty()) {
                        failures.add("the assessment has no step '" + id + "'");
                    } else if (amountOf(line.get().value()).compareTo(new BigDecimal(value.toString())) != 0) {
                        failures.add("step " + id + ": expected " + value + ", got "
                                + line.get().value());
                    }
                });
            }
        }
        return failures;
    }

    /**
     * A person the register stubs do not know: the form's own CPR lookup of the applicant answered
     * NOT_FOUND. Such a scenario tests a citizen with no register data at all, which no written
     * expectation meant (a misspelt or reformatted CPR number); it fails saying so.
     */
    static java.util.Optional<String> unknownPerson(FormDefinition form, FormSession session, String person) {
        return form.lookups().stream()
                .filter(l -> l.type() == dk.indgang.definition.Lookup.Type.PERSON && l.keyedByApplicant())
                .map(l -> session.lookupResults().get(l.id()))
                .filter(r -> r != null && r.outcome() == dk.indgang.engine.LookupResult.Outcome.NOT_FOUND)
                .findFirst()
                .map(r -> "person '" + person + "' is not a test person the register stubs know (CPR answered"
                        + " NOT_FOUND): see docs/registers.md for the test persons");
    }

    /**
     * {@code decision: automatic}, or the list of reasons it is not ({@code [changed, unavailable]}),
     * as the codes of {@link dk.indgang.assessment.AssessmentResult.Obstacle}.
     */
    private static void decision(
            List<String> failures, Object expected, java.util.Optional<dk.indgang.assessment.AssessmentResult> result) {
        var decision = result.map(dk.indgang.assessment.AssessmentResult::decision);
        if (decision.isEmpty()) {
            failures.add("expected a decision mode, but the form's assessment decides nothing (no automatic outcome)"
                    + " or the form is not complete");
            return;
        }
        var actual = decision.get().obstacles().stream()
                .map(dk.indgang.assessment.AssessmentResult.Obstacle::code)
                .distinct()
                .toList();
        if ("automatic".equals(expected)) {
            if (!decision.get().automatic()) {
                failures.add("expected an automatic decision, but not automatic: "
                        + decision.get().obstacles().stream()
                                .map(dk.indgang.assessment.AssessmentResult.Obstacle::text)
                                .toList());
            }
        } else if (expected instanceof List<?> codes) {
            sameSet(
                    failures,
                    "reasons it is not automatic",
                    actual,
                    codes.stream().map(String::valueOf).toList());
        } else {
            failures.add("decision: write 'automatic' or the list of reasons it is not, e.g. [changed, unavailable]");
        }
    }

    /** The registers with some of them down, as a scenario says ({@code unavailable: [eindkomst]}). */
    private record Down(Registers registers, java.util.Set<String> down, Clock clock) implements Registers {

        private <T> dk.indgang.engine.LookupResult<T> or(
                String register, java.util.function.Supplier<dk.indgang.engine.LookupResult<T>> call) {
            return down.contains(register)
                    ? dk.indgang.engine.LookupResult.unavailable(register, clock.instant(), "down in the scenario")
                    : call.get();
        }

        @Override
        public dk.indgang.engine.LookupResult<dk.indgang.engine.RegisterData.Person> person(
                String cpr, LookupContext context) {
            return or("cpr", () -> registers.person(cpr, context));
        }

        @Override
        public dk.indgang.engine.LookupResult<dk.indgang.engine.RegisterData.Household> household(
                dk.indgang.engine.RegisterData.RegisteredAddress address, LookupContext context) {
            return or("cpr", () -> registers.household(address, context));
        }

        @Override
        public dk.indgang.engine.LookupResult<dk.indgang.engine.RegisterData.Income> income(
                String cpr, java.time.YearMonth from, java.time.YearMonth to, LookupContext context) {
            return or("eindkomst", () -> registers.income(cpr, from, to, context));
        }

        @Override
        public dk.indgang.engine.LookupResult<dk.indgang.engine.RegisterData.Dwelling> dwelling(
                String addressUuid, LookupContext context) {
            return or("bbr", () -> registers.dwelling(addressUuid, context));
        }

        @Override
        public dk.indgang.engine.LookupResult<dk.indgang.engine.RegisterData.RegisteredAddress> address(
                dk.indgang.engine.AddressValue address, LookupContext context) {
            return or("dar", () -> registers.address(address, context));
        }
    }

    @SuppressWarnings("unchecked")
    private static void answer(
            FormDefinition form, FormSession session, Map<String, Object> answers, List<String> failures) {
        answers.forEach((field, value) -> {
            var definition = form.field(field).orElse(null);
            if (definition == null) {
                failures.add("The scenario answers '" + field + "', which the form does not have");
            } else if (definition.type() instanceof FieldType.Group group) {
                for (var item : (List<Map<String, Object>>) value) {
                    var index = session.addItem(field);
                    for (var inner : group.fields()) {
                        session.answerInItem(
                                field, index, inner.id(), ValueCodec.fromPlain(inner.type(), item.get(inner.id())));
                    }
                }
            } else {
                session.answer(field, ValueCodec.fromPlain(definition.type(), value));
            }
        });
    }

    private static void same(List<String> failures, String what, String actual, String expected) {
        if (!Objects.equals(actual, expected)) {
            failures.add(what + ": expected \"" + expected + "\", got \"" + actual + "\"");
        }
    }

    private static void sameSet(List<String> failures, String what, List<String> actual, List<String> expected) {
        if (!new HashSet<>(actual).equals(new HashSet<>(expected)) || actual.size() != expected.size()) {
            var missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            var extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            failures.add(what + ": expected " + expected + ", got " + actual
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (extra.isEmpty() ? "" : "; unexpected " + extra));
        }
    }

    /** "216.700 kr." → 216700; "85 m²" → 85. */
    private static BigDecimal amountOf(String formatted) {
        var digits = formatted.replaceAll("[^0-9,\\-]", "").replace(",", ".");
        return digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(digits);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

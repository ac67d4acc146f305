package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, checked form definition. Identified by id and version; {@code sha256} is the hash
 * of the exact source it was loaded from, recorded with every draft and application.
 */
public record FormDefinition(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "form.id.pattern")
        String id,

        @Positive(message = "form.version.positive") int version,
        @Valid @NotNull LocalizedText title,
        @Valid LocalizedText description,
        @NotEmpty(message = "form.audience.empty") Set<Audience> audience,
        @NotEmpty(message = "form.steps.empty") List<@Valid Step> steps,
        List<@Valid Rule> rules,
        List<@Valid Lookup> lookups,
        @Valid Assessment assessment,
        Processing processing,
        Kle kle,
        @Valid StartPage start,
        boolean example,
        String sha256,
        String source) {

    public FormDefinition {
        processing = processing == null ? Processing.EXTERNAL : processing;
        start = start == null ? StartPage.NONE : start;
    }

    /**
     * Where a computed field's value comes from: the citizen's answers, and which registers (by
     * display name, e.g. "CPR"), followed through other computed fields — so the wizard can say
     * "Fra CPR" for a value that is the register's and "Beregnet ud fra dine svar" for one that is hers.
     */
    public record ComputedFrom(boolean answers, java.util.Set<String> registers) {}

    public ComputedFrom computedFrom(Field field) {
        var registers = new java.util.TreeSet<String>();
        var answers = new boolean[] {false};
        var seen = new java.util.HashSet<String>();
        var pending = new java.util.ArrayDeque<Expression>();
        if (field.compute() != null) {
            pending.add(field.compute());
        }
        while (!pending.isEmpty()) {
            for (var ref : pending.poll().references()) {
                if (!seen.add(ref)) {
                    continue;
                }
                var other = field(ref);
                if (other.isPresent()) {
                    if (other.get().isComputed()) {
                        pending.add(other.get().compute());
                    } else {
                        answers[0] = true;
                    }
                } else {
                    lookup(ref)
                            .ifPresent(l ->
                                    registers.add(Register.displayName(l.type().register())));
                }
            }
        }
        return new ComputedFrom(answers[0], java.util.Collections.unmodifiableSet(registers));
    }

    /** Every field at the top level of a step, keyed by id, in the order of the form. */
    public Map<String, Field> topLevelFields() {
        var fields = new LinkedHashMap<String, Field>();
        steps.forEach(step -> step.fields().forEach(f -> fields.put(f.id(), f)));
        return fields;
    }

    public Optional<Field> field(String id) {
        return Optional.ofNullable(topLevelFields().get(id));
    }

    public Optional<Step> stepOf(String fieldId) {
        return steps.stream()
                .filter(s -> s.fields().stream().anyMatch(f -> f.id().equals(fieldId)))
                .findFirst();
    }

    public Optional<Lookup> lookup(String id) {
        return lookups.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The label of the citizen's explanation under a warning: the rule's own {@code explain}, else
     * "Forklar forskellen" when the rule compares an answer with a register, else "Forklaring".
     * Empty when the rule gives none of its own, with whether it compares (to pick the default).
     */
    public ExplanationLabel explanationLabel(String ruleId) {
        var rule = rule(ruleId);
        var lookupIds = lookups.stream().map(Lookup::id).collect(java.util.stream.Collectors.toSet());
        return new ExplanationLabel(
                rule.map(Rule::explain),
                rule.map(r -> r.readsRegister(lookupIds)).orElse(false));
    }

    /** @param own the rule's own label; @param difference whether the rule compares with a register */
    public record ExplanationLabel(Optional<LocalizedText> own, boolean difference) {}

    public String key() {
        return id + "@" + version;
    }
}

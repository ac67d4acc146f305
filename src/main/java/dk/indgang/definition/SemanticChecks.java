package dk.indgang.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks that need the whole definition: ids, references, dependency order, cycles. */
final class SemanticChecks {

    private final FormDefinition form;
    private final List<Problem> problems = new ArrayList<>();
    /** Step index of every top-level field, to tell earlier from later. */
    private final Map<String, Integer> stepOfField = new HashMap<>();

    SemanticChecks(FormDefinition form) {
        this.form = form;
    }

    List<Problem> run() {
        uniqueIds();
        for (int i = 0; i < form.steps().size(); i++) {
            for (var field : form.steps().get(i).fields()) {
                stepOfField.putIfAbsent(field.id(), i);
            }
        }
        for (int i = 0; i < form.steps().size(); i++) {
            var step = form.steps().get(i);
            if (step.visibleWhen() != null) {
                onlyEarlier(step.visibleWhen(), i, false, "visibleWhen");
                neverTrue(step.visibleWhen(), "step.never.shown", step.id());
            }
            for (var field : step.fields()) {
                fieldChecks(field, i);
            }
        }
        for (var rule : form.rules()) {
            for (var fieldId : rule.fields()) {
                if (!stepOfField.containsKey(fieldId)) {
                    problems.add(Problem.error(rule.location(), "rule.field.unknown", rule.id(), fieldId));
                }
            }
        }
        lookups();
        computedCycles();
        automaticDecisions();
        return problems;
    }

    /**
     * An outcome decided automatically must be lawful to decide without a caseworker: a municipal
     * case (with legal basis and appeal guidance), not the "caseworker" outcome, and every input a
     * register can verify (a prefilled field or a lookup) unless the form lets the citizen's
     * declaration decide it.
     */
    private void automaticDecisions() {
        var assessment = form.assessment();
        if (assessment == null || !assessment.decides()) {
            return;
        }
        if (!form.processing().byMunicipality()) {
            problems.add(Problem.error(assessment.location(), "assessment.automatic.municipality"));
        }
        for (var outcome : assessment.outcomes()) {
            if (outcome.automatic() && outcome.result() == Assessment.Result.CASEWORKER) {
                problems.add(Problem.error(outcome.location(), "assessment.automatic.caseworker"));
            }
        }
        for (var id : Assessment.inputsOf(form)) {
            form.field(id)
                    .filter(f -> f.prefill() == null && !f.decisiveOnDeclaration())
                    .ifPresent(f -> problems.add(Problem.error(f.location(), "assessment.input.unverifiable", id)));
        }
    }

    /**
     * Lookups are keyed by the applicant, a CPR field, or (household, children, dwelling) the
     * applicant's person lookup; a dwelling also by an address field.
     */
    private void lookups() {
        var fields = form.topLevelFields();
        var seen = new HashSet<String>();
        for (var lookup : form.lookups()) {
            if (!seen.add(lookup.id()) || fields.containsKey(lookup.id())) {
                problems.add(Problem.error(lookup.location(), "id.duplicate", "lookup", lookup.id()));
            }
            switch (lookup.type()) {
                case PERSON, INCOME -> {
                    var field = fields.get(lookup.key());
                    if (!lookup.keyedByApplicant() && (field == null || !(field.type() instanceof FieldType.Cpr))) {
                        problems.add(Problem.error(lookup.location(), "lookup.key.invalid", lookup.id(), lookup.key()));
                    }
                }
                case DWELLING -> {
                    var person = form.lookup(lookup.key());
                    var field = fields.get(lookup.key());
                    var byPerson = person.isPresent()
                            && person.get().type() == Lookup.Type.PERSON
                            && person.get().keyedByApplicant();
                    if (!byPerson && (field == null || !(field.type() instanceof FieldType.Address))) {
                        problems.add(Problem.error(
                                lookup.location(), "lookup.key.needs.person.or.address", lookup.id(), lookup.key()));
                    }
                }
                case HOUSEHOLD, CHILDREN -> {
                    var person = form.lookup(lookup.key());
                    if (person.isEmpty()
                            || person.get().type() != Lookup.Type.PERSON
                            || !person.get().keyedByApplicant()) {
                        problems.add(
                                Problem.error(lookup.location(), "lookup.key.needs.person", lookup.id(), lookup.key()));
                    }
                }
            }
        }
        for (var field : fields.values()) {
            if (field.prefill() != null
                    && (field.isComputed()
                            || field.type() instanceof FieldType.Group
                            || field.type() instanceof FieldType.Attachment
                            || field.type() instanceof FieldType.Info)) {
                problems.add(Problem.error(
                        field.location(),
                        "prefill.not.for.type",
                        field.id(),
                        field.type().name()));
            }
        }
    }

    private void uniqueIds() {
        var steps = new HashSet<String>();
        form.steps().forEach(s -> {
            if (!steps.add(s.id())) {
                problems.add(Problem.error(s.location(), "id.duplicate", "step", s.id()));
            }
        });
        var fields = new HashSet<String>();
        form.steps().forEach(s -> s.fields().forEach(f -> uniqueField(f, fields)));
        var rules = new HashSet<String>();
        form.rules().forEach(r -> {
            if (!rules.add(r.id())) {
                problems.add(Problem.error(r.location(), "id.duplicate", "rule", r.id()));
            }
        });
    }

    private void uniqueField(Field field, Set<String> seen) {
        if (!seen.add(field.id())) {
            problems.add(Problem.error(field.location(), "id.duplicate", "field", field.id()));
        }
        if (field.type() instanceof FieldType.Group group) {
            group.fields().forEach(f -> uniqueField(f, seen));
        }
    }

    private void fieldChecks(Field field, int stepIndex) {
        for (var expression : new Expression[] {field.visibleWhen(), field.requiredWhen()}) {
            if (expression != null) {
                onlyEarlier(expression, stepIndex, true, field.id());
            }
        }
        if (field.visibleWhen() != null) {
            neverTrue(field.visibleWhen(), "field.never.shown", field.id());
        }
        if (field.isComputed()) {
            switch (field.type()) {
                case FieldType.Group g ->
                    problems.add(Problem.error(field.location(), "compute.not.for.type", field.id(), g.name()));
                case FieldType.Attachment a ->
                    problems.add(Problem.error(field.location(), "compute.not.for.type", field.id(), a.name()));
                case FieldType.Info i ->
                    problems.add(Problem.error(field.location(), "compute.not.for.type", field.id(), i.name()));
                default -> {}
            }
        }
        if (field.type() instanceof FieldType.Info && (field.required() || field.requiredWhen() != null)) {
            problems.add(Problem.error(field.location(), "info.not.required", field.id()));
        }
        ranges(field);
        if (field.type() instanceof FieldType.Group group) {
            for (var inner : group.fields()) {
                if (inner.type() instanceof FieldType.Group || inner.isComputed()) {
                    problems.add(Problem.error(inner.location(), "group.inner.unsupported", inner.id()));
                }
                itemReferences(inner, group);
            }
        }
    }

    private void ranges(Field field) {
        boolean inverted =
                switch (field.type()) {
                    case FieldType.Int t -> t.min() != null && t.max() != null && t.min() > t.max();
                    case FieldType.Decimal t ->
                        t.min() != null && t.max() != null && t.min().compareTo(t.max()) > 0;
                    case FieldType.Money t ->
                        t.min() != null && t.max() != null && t.min().compareTo(t.max()) > 0;
                    case FieldType.Text t ->
                        t.minLength() != null && t.maxLength() != null && t.minLength() > t.maxLength();
                    case FieldType.TextArea t ->
                        t.minLength() != null && t.maxLength() != null && t.minLength() > t.maxLength();
                    case FieldType.Group t -> t.minItems() > t.maxItems();
                    case FieldType.MultiChoice t ->
                        t.minSelected() != null && t.maxSelected() != null && t.minSelected() > t.maxSelected();
                    default -> false;
                };
        if (inverted) {
            problems.add(Problem.error(field.location(), "range.inverted", field.id()));
        }
    }

    /** Inside a group, {@code item.x} must name a field of that group. */
    private void itemReferences(Field inner, FieldType.Group group) {
        var known = new HashSet<String>();
        group.fields().forEach(f -> known.add(f.id()));
        for (var expression : new Expression[] {inner.visibleWhen(), inner.requiredWhen()}) {
            if (expression == null) {
                continue;
            }
            var matcher = java.util.regex.Pattern.compile("\\bitem\\.([a-zA-Z][a-zA-Z0-9_]*)")
                    .matcher(expression.source());
            while (matcher.find()) {
                if (!known.contains(matcher.group(1))) {
                    problems.add(Problem.error(
                            expression.location(),
                            "item.field.unknown",
                            matcher.group(1),
                            String.join(", ", known.stream().sorted().toList())));
                }
            }
        }
    }

    /**
     * A step's condition may only read earlier steps (the answers it needs exist when it is
     * reached); a field's condition may also read its own step.
     */
    private void onlyEarlier(Expression expression, int stepIndex, boolean sameStepAllowed, String owner) {
        for (var ref : expression.references()) {
            var at = stepOfField.get(ref);
            if (at == null) {
                continue;
            }
            if (at > stepIndex || (!sameStepAllowed && at == stepIndex)) {
                problems.add(Problem.error(
                        expression.location(),
                        "reference.later.step",
                        owner,
                        ref,
                        form.steps().get(at).id()));
            }
        }
    }

    /** A condition that reads nothing and is false can never show its element. */
    private void neverTrue(Expression expression, String key, String id) {
        var readsAnswers = expression.references().stream()
                .anyMatch(r -> stepOfField.containsKey(r)
                        || r.equals(Expressions.TODAY)
                        || form.lookup(r).isPresent());
        if (!readsAnswers) {
            try {
                if (!expression.test(Map.of())) {
                    problems.add(Problem.error(expression.location(), key, id));
                }
            } catch (Expression.ExpressionFailure e) {
                problems.add(Problem.error(
                        expression.location(),
                        "expression.fails",
                        expression.source(),
                        e.getCause().getMessage()));
            }
        }
    }

    private void computedCycles() {
        var computed = new LinkedHashMap<String, Field>();
        form.topLevelFields().values().stream().filter(Field::isComputed).forEach(f -> computed.put(f.id(), f));
        var state = new HashMap<String, Integer>(); // 1 = on the path, 2 = done
        for (var id : computed.keySet()) {
            var path = new ArrayList<String>();
            if (cycleFrom(id, computed, state, path)) {
                var field = computed.get(path.getFirst());
                problems.add(Problem.error(field.location(), "compute.cycle", String.join(" → ", path)));
                return;
            }
        }
    }

    private boolean cycleFrom(String id, Map<String, Field> computed, Map<String, Integer> state, List<String> path) {
        var s = state.getOrDefault(id, 0);
        if (s == 2) {
            return false;
        }
        path.add(id);
        if (s == 1) {
            path.subList(0, path.indexOf(id)).clear();
            return true;
        }
        state.put(id, 1);
        for (var ref : computed.get(id).compute().references()) {
            if (computed.containsKey(ref) && cycleFrom(ref, computed, state, path)) {
                return true;
            }
        }
        state.put(id, 2);
        path.removeLast();
        return false;
    }
}

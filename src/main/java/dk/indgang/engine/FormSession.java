package dk.indgang.engine;

import dk.indgang.definition.Expression;
import dk.indgang.definition.Expressions;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Rule;
import dk.indgang.definition.Severity;
import dk.indgang.definition.Step;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A form being filled in: a definition plus answers. {@link #evaluate()} gives the whole picture
 * (visibility, computed values, findings) from the answers alone, so live feedback and the final
 * verdict are the same computation.
 */
public final class FormSession {

    private static final Logger LOG = Logger.getLogger(FormSession.class.getName());
    /** Visibility can chain (a hidden field hides another); the chain is at most as long as the form. */
    private static final int MAX_PASSES = 16;

    private final FormDefinition form;
    private final Answers answers;
    private final Clock clock;
    private final List<Field> computedInOrder;
    /** The form's top-level fields by id, built once per session (not per lookup of a field). */
    private final Map<String, Field> fields;
    /** Each top-level field's step, and each step's place in the form; fixed with the definition. */
    private final Map<String, String> stepOfField;

    private final Map<String, Integer> stepIndex;

    private final Map<String, LookupResult<?>> lookupResults = new LinkedHashMap<>();
    private final Map<String, String> lookupKeys = new HashMap<>();
    private int evaluations;
    private String caseworker;
    /** The form's dated figures ({@code rates.x} in every expression), or null: then it has none. */
    private final dk.indgang.definition.RateTable rates;

    public FormSession(FormDefinition form, Answers answers, Clock clock) {
        this(form, answers, clock, null);
    }

    /**
     * @param rates the rate table the form's assessment names, whose version in force today every
     *     expression reads as {@code rates.x} (rules, computed values, conditions), or null
     */
    public FormSession(FormDefinition form, Answers answers, Clock clock, dk.indgang.definition.RateTable rates) {
        this.rates = rates;
        this.form = form;
        this.answers = answers;
        this.clock = clock;
        // what follows from the definition alone is made once per definition, not per session
        var layout = form.sha256() == null ? layout(form) : LAYOUTS.computeIfAbsent(form.sha256(), k -> layout(form));
        this.fields = layout.fields();
        this.stepOfField = layout.stepOfField();
        this.stepIndex = layout.stepIndex();
        this.computedInOrder = layout.computedInOrder();
    }

    /** A definition's fields by id, steps, and computed values in dependency order. */
    private record Layout(
            Map<String, Field> fields,
            Map<String, String> stepOfField,
            Map<String, Integer> stepIndex,
            List<Field> computedInOrder) {}

    /**
     * Layouts by the hash of the definition's text, which names a version exactly (a record's own
     * equality would walk the whole definition on every session); the most recently used {@value
     * #LAYOUTS_KEPT}, so the designer's many draft versions do not pile up. A definition without a
     * hash (built in a test) gets its own.
     */
    private static final Map<String, Layout> LAYOUTS =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Layout> eldest) {
                    return size() > LAYOUTS_KEPT;
                }
            });

    private static final int LAYOUTS_KEPT = 256;

    private static Layout layout(FormDefinition form) {
        var steps = new HashMap<String, String>();
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < form.steps().size(); i++) {
            var step = form.steps().get(i);
            index.put(step.id(), i);
            step.fields().forEach(f -> steps.put(f.id(), step.id()));
        }
        return new Layout(
                java.util.Collections.unmodifiableMap(form.topLevelFields()),
                Map.copyOf(steps),
                Map.copyOf(index),
                computedInDependencyOrder(form));
    }

    public FormDefinition form() {
        return form;
    }

    public Answers answers() {
        return answers;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * From now on the answers in this session are given by {@code caseworker} on the citizen's behalf
     * (at the counter or on the phone), so a register value changed here says so; null for the
     * citizen herself.
     */
    public void answeredBy(String caseworker) {
        this.caseworker = caseworker;
    }

    /**
     * Records an answer the citizen gave, keeping its provenance true: a register value they change
     * becomes CHANGED (and REGISTER again if they change it back).
     */
    public void answer(String fieldId, Object value) {
        answers.set(fieldId, value);
        var provenance = answers.provenance(fieldId);
        if (provenance == null) {
            return;
        }
        var same = java.util.Objects.equals(answers.get(fieldId), provenance.registerValue());
        switch (provenance.source()) {
            case REGISTER -> {
                if (!same) {
                    answers.setProvenance(fieldId, provenance.changedBy(caseworker));
                }
            }
            case CHANGED -> {
                if (same) {
                    answers.setProvenance(fieldId, provenance.restored());
                } else if (!java.util.Objects.equals(provenance.changedBy(), caseworker)) {
                    answers.setProvenance(fieldId, provenance.changedBy(caseworker));
                }
            }
            case NOT_VERIFIED -> {}
        }
    }

    /** An answer inside a repeating group's item. */
    public void answerInItem(String groupId, int index, String fieldId, Object value) {
        answers.setInItem(groupId, index, fieldId, value);
    }

    /** Adds an empty item to a repeating group; returns its index. */
    public int addItem(String groupId) {
        return answers.addItem(groupId);
    }

    public void removeItem(String groupId, int index) {
        answers.removeItem(groupId, index);
    }

    /** The citizen confirms a warning, with their explanation. */
    public void acknowledge(String ruleId, String explanation) {
        answers.acknowledge(ruleId, explanation == null ? "" : explanation);
    }

    /** Withdraws a confirmation or a caseworker's override. */
    public void withdrawAcknowledgement(String ruleId) {
        answers.withdrawAcknowledgement(ruleId);
    }

    /**
     * A caseworker overrides a warning. The justification is what makes it lawful to go on, so a
     * blank one is refused here, whoever calls.
     */
    public void override(String ruleId, String justification, String caseworker) {
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("An override needs a written justification");
        }
        answers.override(ruleId, justification.strip(), caseworker);
    }

    /** Records (or, with null, clears) how a caseworker assists with this draft. */
    public void recordAssistance(AssistanceRecord assistance) {
        answers.setAssistance(assistance);
    }

    /** The register answers this session has, by lookup id. */
    public Map<String, LookupResult<?>> lookupResults() {
        return java.util.Collections.unmodifiableMap(lookupResults);
    }

    String lookupKey(String lookupId) {
        return lookupKeys.get(lookupId);
    }

    /**
     * Takes over the lookups another session of the same draft has answered (moving between steps
     * reloads the draft; the registers need not be asked again, nor the page wait for them). One still
     * on its way is not taken over but asked again here: its answer goes to the session that asked.
     */
    public void adoptLookups(FormSession other) {
        if (other == null || other == this || !other.form.id().equals(form.id())) {
            return;
        }
        lookupResults.putAll(other.lookupResults);
        other.lookupKeys.forEach((id, key) -> {
            if (other.lookupResults.containsKey(id)) {
                lookupKeys.put(id, key);
            }
        });
    }

    /** The caseworker answering on the citizen's behalf, or null when she answers herself. */
    String caseworker() {
        return caseworker;
    }

    void lookupStarted(String lookupId, String key) {
        lookupKeys.put(lookupId, key);
        var earlier = lookupResults.get(lookupId);
        if (earlier != null && earlier.isUnavailable()) {
            lookupResults.remove(lookupId);
        }
    }

    void recordLookup(String lookupId, String key, LookupResult<?> result) {
        if (result == null) {
            lookupResults.remove(lookupId);
            lookupKeys.remove(lookupId);
        } else {
            lookupResults.put(lookupId, result);
            lookupKeys.put(lookupId, key);
        }
    }

    /** The variables expressions see now: answers (hidden ones empty), computed values, lookups, today. */
    public Map<String, Object> currentVariables() {
        return variablesFor(evaluate());
    }

    private Map<String, Object> variablesFor(Evaluation evaluation) {
        var hidden = new LinkedHashSet<>(fields.keySet());
        hidden.removeAll(evaluation.visiblePaths());
        return variables(fields, hidden, new LinkedHashMap<>());
    }

    /** The final picture, from one evaluation: what submit hands to the document, receipt and assessment. */
    public Verdict verdict() {
        var evaluation = evaluate();
        return new Verdict(form, answers.copy(), evaluation, variablesFor(evaluation), lookupResults, today());
    }

    /** How many times this session has evaluated its form (a submit should need one). */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Decides whether a typed CPR number may be compared with other persons' register data; the
     * services count and audit it ({@link Registers#confirmCpr}). Without one (scenarios, the
     * designer's preview) every comparison is made.
     */
    @FunctionalInterface
    public interface CprConfirmations {
        boolean permit(String cpr);
    }

    private CprConfirmations cprConfirmations = cpr -> true;
    private final Set<String> confirmedCprs = new java.util.HashSet<>();

    public void useCprConfirmations(CprConfirmations confirmations) {
        this.cprConfirmations = confirmations == null ? cpr -> true : confirmations;
    }

    /**
     * Whether a rule compares CPR numbers the citizen typed with a lookup of other persons (household,
     * children): each new number it would compare must be permitted first, or the comparison is not
     * made — so a rule cannot be used to test which CPR numbers live at an address.
     */
    private boolean comparesTypedCprs(Rule rule) {
        if (rule.when() == null) {
            return false;
        }
        var refs = rule.when().references();
        var othersData = form.lookups().stream()
                .anyMatch(l -> refs.contains(l.id())
                        && (l.type() == dk.indgang.definition.Lookup.Type.HOUSEHOLD
                                || l.type() == dk.indgang.definition.Lookup.Type.CHILDREN));
        return othersData && !typedCprs(rule).isEmpty();
    }

    /** The CPR numbers (10 digits) the citizen has typed into the CPR fields a rule reads. */
    private Set<String> typedCprs(Rule rule) {
        var found = new LinkedHashSet<String>();
        for (var ref : rule.when().references()) {
            var field = fields.get(ref);
            if (field == null) {
                continue;
            }
            if (field.type() instanceof FieldType.Cpr) {
                digits(answers.get(ref)).ifPresent(found::add);
            } else if (field.type() instanceof FieldType.Group group) {
                for (var inner : group.fields()) {
                    if (inner.type() instanceof FieldType.Cpr) {
                        answers.items(ref)
                                .forEach(item -> digits(item.get(inner.id())).ifPresent(found::add));
                    }
                }
            }
        }
        return found;
    }

    private static java.util.Optional<String> digits(Object value) {
        if (!(value instanceof String s)) {
            return java.util.Optional.empty();
        }
        var digits = s.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? java.util.Optional.of(digits) : java.util.Optional.empty();
    }

    /** Every typed CPR number the rule would compare is permitted (asked once per number). */
    private boolean cprComparisonsPermitted(Rule rule) {
        for (var cpr : typedCprs(rule)) {
            if (!confirmedCprs.contains(cpr)) {
                if (!cprConfirmations.permit(cpr)) {
                    return false;
                }
                confirmedCprs.add(cpr);
            }
        }
        return true;
    }

    public Evaluation evaluate() {
        evaluations++;
        failures.clear();
        Set<String> hidden = new LinkedHashSet<>();
        Map<String, Object> variables = Map.of();
        Map<String, Object> computed = Map.of();
        Map<String, Object> english = Map.of();
        Set<String> visible = Set.of();
        List<Step> visibleSteps = List.of();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            computed = new LinkedHashMap<>();
            english = new HashMap<>();
            variables = variables(fields, hidden, computed, english);
            visibleSteps = new ArrayList<>();
            visible = new LinkedHashSet<>();
            for (var step : form.steps()) {
                if (!holds(step.visibleWhen(), variables, true)) {
                    continue;
                }
                visibleSteps.add(step);
                for (var field : step.fields()) {
                    if (holds(field.visibleWhen(), variables, true)) {
                        visible.add(field.id());
                    }
                }
            }
            var nowHidden = new LinkedHashSet<>(fields.keySet());
            nowHidden.removeAll(visible);
            if (nowHidden.equals(hidden)) {
                break;
            }
            hidden = nowHidden;
        }
        var madeOptions = madeOptions(variables);
        var paths = new LinkedHashSet<>(visible);
        var required = new LinkedHashSet<String>();
        var violations = new ArrayList<Violation>();
        var checks = new FieldChecks(today());
        for (var step : visibleSteps) {
            for (var field : step.fields()) {
                if (!visible.contains(field.id()) || field.isComputed()) {
                    continue;
                }
                if (isRequired(field, variables)) {
                    required.add(field.id());
                }
                if (field.type() instanceof FieldType.Group group) {
                    groupChecks(field, group, variables, paths, required, violations, checks);
                } else {
                    var offered = Evaluation.offered(field, madeOptions);
                    violations.addAll(
                            checks.check(field.id(), offered, answers.get(field.id()), required.contains(field.id())));
                }
            }
        }
        var visibleStepIds = new java.util.HashSet<String>();
        visibleSteps.forEach(step -> visibleStepIds.add(step.id()));
        var ruleSteps = new HashMap<String, String>();
        for (var rule : form.rules()) {
            var step = ruleStep(rule, visibleStepIds);
            ruleSteps.put(rule.id(), step);
            var applies = rule.fields().isEmpty() || rule.fields().stream().anyMatch(visible::contains);
            if (applies && comparesTypedCprs(rule) && !cprComparisonsPermitted(rule)) {
                // Not compared now: said at the field, and nothing about the numbers is revealed.
                var path = rule.fields().isEmpty() ? "" : rule.fields().getFirst();
                // An error, so that nothing unchecked is sent; the allowance comes back within minutes.
                violations.add(new Violation(path, "cpr.check.limited", List.of(), Severity.ERROR, null));
                continue;
            }
            if (applies && holds(rule.when(), variables, false)) {
                var path = rule.fields().isEmpty() ? "" : rule.fields().getFirst();
                violations.add(new Violation(path, "rule", List.of(), rule.severity(), rule.id()));
            }
        }
        return new Evaluation(
                form,
                List.copyOf(visibleSteps),
                Set.copyOf(paths),
                Set.copyOf(required),
                java.util.Collections.unmodifiableMap(computed),
                Map.copyOf(english),
                List.copyOf(violations),
                Map.copyOf(ruleSteps),
                Map.copyOf(answers.acknowledgements()),
                stepOfField,
                Map.copyOf(madeOptions),
                List.copyOf(failures));
    }

    /**
     * The options each choice with {@code optionsFrom} makes from the data as it stands: one per item
     * of its list, in the list's order; none while the list is undetermined (a lookup not answered)
     * or when it fails at run time (logged). Items whose value is empty or already offered are left
     * out, so a value always names one option.
     */
    private Map<String, List<dk.indgang.definition.Option>> madeOptions(Map<String, Object> variables) {
        var made = new HashMap<String, List<dk.indgang.definition.Option>>();
        for (var field : fields.values()) {
            if (!(field.type() instanceof FieldType.Choice choice) || choice.optionsFrom() == null) {
                continue;
            }
            var from = choice.optionsFrom();
            var options = new ArrayList<dk.indgang.definition.Option>();
            try {
                if (from.items().evaluate(variables) instanceof List<?> items) {
                    var values = new java.util.HashSet<String>();
                    for (var item : items) {
                        var scope = new ItemScope(variables, Expressions.OPTION, item);
                        var value = String.valueOf(from.value().evaluate(scope));
                        if (value.isBlank() || !values.add(value)) {
                            continue;
                        }
                        options.add(new dk.indgang.definition.Option(
                                value,
                                new dk.indgang.definition.LocalizedText(
                                        String.valueOf(from.labelDa().evaluate(scope)),
                                        String.valueOf(from.labelEn().evaluate(scope)))));
                    }
                }
            } catch (Expression.Undetermined e) {
                options.clear();
            } catch (Expression.ExpressionFailure e) {
                failed("the options of " + field.id(), e);
                options.clear();
            }
            made.put(field.id(), List.copyOf(options));
        }
        return made;
    }

    private void groupChecks(
            Field field,
            FieldType.Group group,
            Map<String, Object> variables,
            Set<String> paths,
            Set<String> required,
            List<Violation> violations,
            FieldChecks checks) {
        var items = answers.items(field.id());
        var groupRequired = required.contains(field.id());
        var min = groupRequired ? Math.max(1, group.minItems()) : group.minItems();
        if (items.size() < min && (groupRequired || !items.isEmpty() || group.minItems() > 0)) {
            violations.add(Violation.error(field.id(), "group.min", min));
        }
        if (items.size() > group.maxItems()) {
            violations.add(Violation.error(field.id(), "group.max", group.maxItems()));
        }
        for (int i = 0; i < items.size(); i++) {
            // the item over the form's variables, without copying them for each item
            var withItem = new ItemScope(variables, itemVariables(group, items.get(i)));
            for (var inner : group.fields()) {
                var path = FieldPath.inItem(field.id(), i, inner.id());
                if (!holds(inner.visibleWhen(), withItem, true)) {
                    continue;
                }
                paths.add(path);
                var innerRequired = isRequired(inner, withItem);
                if (innerRequired) {
                    required.add(path);
                }
                violations.addAll(checks.check(path, inner, items.get(i).get(inner.id()), innerRequired));
            }
        }
    }

    private boolean isRequired(Field field, Map<String, Object> variables) {
        return field.requiredWhen() != null ? holds(field.requiredWhen(), variables, false) : field.required();
    }

    /**
     * The latest visible step among the rule's fields: by then everything it reads has been asked.
     * Costs the rule's fields, not the form's steps.
     */
    private String ruleStep(Rule rule, Set<String> visibleStepIds) {
        if (rule.fields().isEmpty()) {
            return lastVisibleStep(visibleStepIds);
        }
        String latest = null;
        var latestIndex = -1;
        for (var fieldId : rule.fields()) {
            var step = stepOfField.get(fieldId);
            var index = step == null ? -1 : stepIndex.get(step);
            if (step != null && visibleStepIds.contains(step) && index > latestIndex) {
                latest = step;
                latestIndex = index;
            }
        }
        return latest == null ? stepOfField.get(rule.fields().getLast()) : latest;
    }

    private String lastVisibleStep(Set<String> visibleStepIds) {
        for (int i = form.steps().size() - 1; i >= 0; i--) {
            if (visibleStepIds.contains(form.steps().get(i).id())) {
                return form.steps().get(i).id();
            }
        }
        return "";
    }

    /** The answers as expressions see them: hidden fields read as empty, computed values included. */
    private Map<String, Object> variables(Map<String, Field> fields, Set<String> hidden, Map<String, Object> computed) {
        return variables(fields, hidden, computed, new HashMap<>());
    }

    private Map<String, Object> variables(
            Map<String, Field> fields, Set<String> hidden, Map<String, Object> computed, Map<String, Object> english) {
        var variables = new HashMap<String, Object>();
        variables.put(Expressions.TODAY, today().toString());
        if (form.assessment() != null) {
            // without a table (or a version in force) a rates.x reads nothing: a run-time failure, logged
            variables.put(
                    Expressions.RATES,
                    rates == null
                            ? Map.of()
                            : rates.validOn(today())
                                    .map(dk.indgang.definition.RateTable.Version::forExpressions)
                                    .orElse(Map.of()));
        }
        for (var lookup : form.lookups()) {
            variables.put(lookup.id(), LookupValues.of(lookup, lookupResults.get(lookup.id()), today()));
        }
        for (var field : fields.values()) {
            if (!field.type().holdsValue()) {
                continue;
            }
            Object value = hidden.contains(field.id()) ? null : rawValue(field);
            variables.put(
                    field.id(), value == null ? Expressions.emptyValue(field.type()) : toCel(field.type(), value));
        }
        for (var field : computedInOrder) {
            Object value = null;
            if (!hidden.contains(field.id())) {
                try {
                    value = fromCel(field.type(), field.compute().evaluate(variables));
                } catch (Expression.ExpressionFailure e) {
                    failed("the computed value " + field.id(), e);
                }
            }
            if (value != null) {
                computed.put(field.id(), value);
            }
            variables.put(
                    field.id(), value == null ? Expressions.emptyValue(field.type()) : toCel(field.type(), value));
        }
        // the English wording of computed texts, from the same variables (the Danish one is the value)
        for (var field : computedInOrder) {
            if (field.computeEn() != null && computed.containsKey(field.id())) {
                try {
                    english.put(
                            field.id(), fromCel(field.type(), field.computeEn().evaluate(variables)));
                } catch (Expression.ExpressionFailure e) {
                    failed("the English text of " + field.id(), e);
                }
            }
        }
        return variables;
    }

    private Object rawValue(Field field) {
        if (field.isComputed()) {
            return null;
        }
        if (field.type() instanceof FieldType.Group group) {
            return answers.items(field.id()).stream()
                    .map(item -> itemVariables(group, item))
                    .toList();
        }
        return answers.get(field.id());
    }

    private static Map<String, Object> itemVariables(FieldType.Group group, Map<String, Object> item) {
        var map = new HashMap<String, Object>();
        for (var inner : group.fields()) {
            if (inner.type().holdsValue()) {
                var value = item.get(inner.id());
                map.put(inner.id(), value == null ? Expressions.emptyValue(inner.type()) : toCel(inner.type(), value));
            }
        }
        return map;
    }

    /** Run-time failures met by the evaluation under way, for its verdict (the designer shows them). */
    private final List<Evaluation.Failure> failures = new ArrayList<>();

    private void failed(String what, Expression.ExpressionFailure e) {
        RuntimeFailures.report(form.key(), what, e);
        if (!(e instanceof Expression.Undetermined)) {
            var expression = e.expression();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            var detail = root.getMessage();
            var failure =
                    new Evaluation.Failure(what, expression.source(), expression.location(), String.valueOf(detail));
            if (!failures.contains(failure)) {
                failures.add(failure);
            }
        }
    }

    private boolean holds(Expression expression, Map<String, ?> variables, boolean whenAbsent) {
        if (expression == null) {
            return whenAbsent;
        }
        if (waitsForYesNo(expression)) {
            // "Nej" is an answer, not the absence of one: a condition on an unanswered yes/no waits,
            // so a follow-up question does not show before its question is answered.
            return false;
        }
        try {
            return expression.test(variables);
        } catch (Expression.Undetermined e) {
            // Waits for an answer it needs (docs/form-definition-language.md, "Unanswered values").
            return false;
        } catch (Expression.ExpressionFailure e) {
            // A condition that cannot be evaluated (e.g. division by zero) counts as false, and is logged.
            failed("a condition", e);
            return false;
        }
    }

    /** Whether the expression reads a yes/no question the citizen has not answered yet. */
    private boolean waitsForYesNo(Expression expression) {
        for (var ref : expression.references()) {
            var field = java.util.Optional.ofNullable(fields.get(ref));
            // A computed or prefilled yes/no has its value from the registers or the answers.
            if (field.isPresent()
                    && field.get().type() instanceof FieldType.YesNo
                    && field.get().compute() == null
                    && field.get().prefill() == null
                    && answers.get(ref) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value as expressions read it; a CPR number always as its ten digits ({@code "1503889984"}),
     * however it was typed, so it compares with the registers' numbers without {@code replace('-', '')}.
     */
    static Object toCel(FieldType type, Object value) {
        return type instanceof FieldType.Cpr && value instanceof String text ? CprNumber.canonical(text) : toCel(value);
    }

    static Object toCel(Object value) {
        return switch (value) {
            case BigDecimal d -> d.doubleValue();
            case Integer i -> i.longValue();
            case LocalDate d -> d.toString();
            case AddressValue a -> a.asMap();
            case List<?> list ->
                list.stream()
                        .map(v -> v instanceof AttachmentRef a ? a.name() : toCel(v))
                        .toList();
            default -> value;
        };
    }

    static Object fromCel(FieldType type, Object value) {
        return switch (type) {
            case FieldType.Money m ->
                BigDecimal.valueOf(((Number) value).doubleValue()).setScale(2, java.math.RoundingMode.HALF_UP);
            case FieldType.Decimal d -> BigDecimal.valueOf(((Number) value).doubleValue());
            case FieldType.Int i -> ((Number) value).longValue();
            case FieldType.Date d -> LocalDate.parse(value.toString());
            default -> value;
        };
    }

    private static List<Field> computedInDependencyOrder(FormDefinition form) {
        var computed = new LinkedHashMap<String, Field>();
        form.topLevelFields().values().stream().filter(Field::isComputed).forEach(f -> computed.put(f.id(), f));
        var ordered = new ArrayList<Field>();
        var done = new LinkedHashSet<String>();
        // The loader rejects cycles, so this depth-first ordering terminates.
        for (var id : computed.keySet()) {
            visit(id, computed, done, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void visit(String id, Map<String, Field> computed, Set<String> done, List<Field> ordered) {
        if (!done.add(id)) {
            return;
        }
        for (var ref : computed.get(id).compute().references()) {
            if (computed.containsKey(ref)) {
                visit(ref, computed, done, ordered);
            }
        }
        ordered.add(computed.get(id));
    }

    /** The answers to submit: visible fields only, computed values included. */
    public Map<String, Object> effectiveAnswers() {
        return effectiveAnswers(form, answers, evaluate());
    }

    static Map<String, Object> effectiveAnswers(FormDefinition form, Answers answers, Evaluation evaluation) {
        var result = new LinkedHashMap<String, Object>();
        for (var step : evaluation.visibleSteps()) {
            for (var field : step.fields()) {
                if (!evaluation.isVisible(field.id()) || !field.type().holdsValue()) {
                    continue;
                }
                if (field.isComputed()) {
                    var value = evaluation.computed().get(field.id());
                    if (value != null) {
                        result.put(field.id(), value);
                    }
                } else if (field.type() instanceof FieldType.Group group) {
                    var items = new ArrayList<Map<String, Object>>();
                    var all = answers.items(field.id());
                    for (int i = 0; i < all.size(); i++) {
                        var item = new LinkedHashMap<String, Object>();
                        for (var inner : group.fields()) {
                            var value = all.get(i).get(inner.id());
                            if (value != null && evaluation.isVisible(FieldPath.inItem(field.id(), i, inner.id()))) {
                                item.put(inner.id(), value);
                            }
                        }
                        items.add(item);
                    }
                    result.put(field.id(), items);
                } else if (answers.get(field.id()) != null) {
                    result.put(field.id(), answers.get(field.id()));
                }
            }
        }
        return result;
    }
}

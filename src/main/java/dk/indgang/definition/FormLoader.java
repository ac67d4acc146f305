package dk.indgang.definition;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a form definition from YAML into an immutable, checked {@link FormDefinition}, or throws a
 * {@link DefinitionException} listing every problem with its file, line and column. The checks are
 * the structure (known keys, types), Bean Validation constraints on the model, and the semantics
 * (unique ids, known references, expression types, computed-value cycles, reachable steps).
 */
public final class FormLoader {

    /** Keys a definition may use, per element; the JSON Schema test holds the schema to these. */
    public static final Set<String> FORM_KEYS = Set.of(
            "id",
            "version",
            "title",
            "description",
            "audience",
            "lookups",
            "steps",
            "rules",
            "assessment",
            "processing",
            "kle",
            "start",
            "example");

    public static final Set<String> KLE_KEYS = Set.of("subject", "facet");
    public static final Set<String> START_KEYS = Set.of("need", "minutes");

    public static final Set<String> PROCESSING_KEYS =
            Set.of("by", "unit", "deadlineWorkingDays", "legalBasis", "reasons", "appeal");
    static final Set<String> REASON_KEYS = Set.of("id", "text");
    static final Set<String> APPEAL_KEYS = Set.of("to", "how", "weeks");

    public static final Set<String> ASSESSMENT_KEYS =
            Set.of("title", "rates", "steps", "amount", "period", "outcomes", "note");
    public static final Set<String> CALCULATION_STEP_KEYS = Set.of("id", "label", "value", "unit");
    public static final Set<String> OUTCOME_KEYS = Set.of("result", "when", "reason", "automatic");

    public static final Set<String> LOOKUP_KEYS = Set.of("id", "type", "key", "purpose", "when");

    public static final Set<String> STEP_KEYS = Set.of("id", "title", "intro", "visibleWhen", "fields");
    public static final Set<String> RULE_KEYS = Set.of("id", "severity", "when", "fields", "message", "explain");
    public static final Set<String> COMMON_FIELD_KEYS = Set.of(
            "id",
            "type",
            "label",
            "help",
            "required",
            "requiredWhen",
            "visibleWhen",
            "readOnly",
            "compute",
            "internal",
            "prefill",
            "decisiveOnDeclaration");

    /** The keys each field type adds to the common ones. */
    public static final Map<String, Set<String>> TYPE_KEYS = Map.ofEntries(
            Map.entry("text", Set.of("minLength", "maxLength", "pattern", "patternMessage")),
            Map.entry("textarea", Set.of("minLength", "maxLength")),
            Map.entry("cpr", Set.of()),
            Map.entry("date", Set.of("min", "max")),
            Map.entry("integer", Set.of("min", "max")),
            Map.entry("decimal", Set.of("min", "max")),
            Map.entry("money", Set.of("min", "max")),
            Map.entry("choice", Set.of("options", "display", "optionsFrom")),
            Map.entry("multichoice", Set.of("options", "minSelected", "maxSelected")),
            Map.entry("yesno", Set.of()),
            Map.entry("address", Set.of()),
            Map.entry("email", Set.of()),
            Map.entry("phone", Set.of()),
            Map.entry("attachment", Set.of("accept", "maxSizeMb", "maxFiles")),
            Map.entry("group", Set.of("fields", "minItems", "maxItems", "itemLabel")),
            Map.entry("info", Set.of("text")));

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final java.util.regex.Pattern DATE_BOUND =
            java.util.regex.Pattern.compile("today([+-]\\d+[dwmy])?|\\d{4}-\\d{2}-\\d{2}");

    public FormDefinition load(Path file) {
        try {
            return load(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DefinitionException(
                    List.of(Problem.error(Location.of(file.toString()), "file.unreadable", e.getMessage())));
        }
    }

    /** Loads from text; {@code fileName} is used in every problem's location. */
    public FormDefinition load(String fileName, String source) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var location = mark == null
                    ? Location.of(fileName)
                    : new Location(fileName, mark.getLine() + 1, mark.getColumn() + 1);
            throw new DefinitionException(
                    List.of(Problem.error(location, "yaml.malformed", firstLine(e.getProblem()))));
        } catch (RuntimeException e) {
            throw new DefinitionException(
                    List.of(Problem.error(Location.of(fileName), "yaml.malformed", firstLine(e.getMessage()))));
        }
        if (root == null) {
            throw new DefinitionException(List.of(Problem.error(new Location(fileName, 1, 1), "yaml.empty")));
        }
        // First pass: learn the fields and their types, so expressions can be type-checked in the second.
        var scout = new Reader(fileName, null);
        var draft = scout.form(root);
        var fields = new LinkedHashMap<String, Field>();
        var lookups = new ArrayList<Lookup>();
        if (draft != null) {
            draft.steps().forEach(s -> s.fields().forEach(f -> fields.putIfAbsent(f.id(), f)));
            lookups.addAll(draft.lookups());
        }
        var reader =
                new Reader(fileName, new Expressions(fields, lookups, draft != null && draft.assessment() != null));
        if (draft != null) {
            var byId = new LinkedHashMap<String, Lookup>();
            draft.lookups().forEach(l -> byId.putIfAbsent(l.id(), l));
            reader.privacy = new CprPrivacy(byId);
        }
        var form = reader.form(root);
        var problems = new ArrayList<>(reader.problems);
        if (form != null) {
            form = new FormDefinition(
                    form.id(),
                    form.version(),
                    form.title(),
                    form.description(),
                    form.audience(),
                    form.steps(),
                    form.rules(),
                    form.lookups(),
                    form.assessment(),
                    form.processing(),
                    form.kle(),
                    form.start(),
                    form.example(),
                    sha256(source),
                    source);
            for (ConstraintViolation<FormDefinition> v :
                    problems.isEmpty() ? VALIDATOR.validate(form) : Set.<ConstraintViolation<FormDefinition>>of()) {
                problems.add(Problem.error(
                        reader.locate(v.getPropertyPath().toString()),
                        v.getMessageTemplate(),
                        v.getPropertyPath().toString(),
                        String.valueOf(v.getInvalidValue())));
            }
            if (problems.isEmpty()) {
                problems.addAll(new SemanticChecks(form).run());
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems.stream().distinct().toList());
        }
        return form;
    }

    public static String sha256(String source) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** One walk over the YAML node tree; collects problems instead of stopping at the first. */
    private static final class Reader extends YamlNodes {
        private final Expressions expressions;

        /** The form's lookups, for the privacy check of what the citizen is shown ({@link CprPrivacy}). */
        private CprPrivacy privacy = new CprPrivacy(Map.of());

        Reader(String file, Expressions expressions) {
            super(file);
            this.expressions = expressions;
        }

        /**
         * An expression whose value the citizen is shown (a computed value, a prefill, an assessment
         * step): refused at its location when it can carry another person's CPR number.
         */
        Expression shown(Map<String, Node> map, String key, String groupId, String expected) {
            var compiled = compile(map, key, groupId, Map.of(), expected);
            if (compiled == null) {
                return null;
            }
            refuseOtherPersonsCpr(map.get(key), compiled);
            return compiled.expression();
        }

        private void refuseOtherPersonsCpr(Node node, Expressions.Compiled compiled) {
            if (compiled.ast() != null && privacy.leaks(compiled.ast())) {
                error(node, "expression.privacy.cpr", compiled.expression().source());
            }
        }

        Expression expression(Map<String, Node> map, String key, String groupId, String expected) {
            var compiled = compile(map, key, groupId, Map.of(), expected);
            return compiled == null ? null : compiled.expression();
        }

        /**
         * Compiles the expression under {@code key}, located on its YAML line (a block scalar starts on
         * the next line), type-checked against {@code expected}; null (with the problem recorded) when
         * absent, not a scalar, invalid or of the wrong type.
         */
        private Expressions.Compiled compile(
                Map<String, Node> map,
                String key,
                String groupId,
                Map<String, dev.cel.common.types.CelType> extra,
                String expected) {
            var node = map.get(key);
            if (node == null || expressions == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                error(node, "yaml.expected.scalar", key);
                return null;
            }
            var style = scalar.getScalarStyle();
            var sameLine = style == ScalarStyle.PLAIN
                    || style == ScalarStyle.SINGLE_QUOTED
                    || style == ScalarStyle.DOUBLE_QUOTED;
            var offset = style == ScalarStyle.PLAIN ? 0 : 1;
            var location = sameLine ? at(node) : new Location(file, at(node).line() + 1, at(node).column());
            var compiled =
                    expressions.compile(scalar.getValue(), location, groupId, offset, sameLine, Map.copyOf(extra));
            problems.addAll(compiled.problems());
            if (compiled.expression() == null) {
                return null;
            }
            var actual = compiled.resultType().name();
            if (actual.equals("dyn") && compiled.ast() != null) {
                // a lookup's value is dyn to CEL; its key says what it is (a list is no whole number)
                actual = expressions.lookupValueType(compiled.ast()).orElse(actual);
            }
            if (expected != null && !resultFits(actual, expected)) {
                error(node, "expression.type", scalar.getValue(), key, expected, actual);
                return null;
            }
            return compiled;
        }

        private static boolean resultFits(String actual, String expected) {
            return actual.equals(expected)
                    || actual.equals("dyn")
                    || (expected.equals("double") && actual.equals("int"));
        }

        FormDefinition form(Node root) {
            var map = mapping(root, "", "form", FORM_KEYS);
            if (!(root instanceof MappingNode)) {
                return null;
            }
            var id = required(map, "id", root, "form");
            var version = integer(map, "version");
            if (!map.containsKey("version")) {
                error(root, "key.missing", "version", "form");
            }
            var title = text(map, "title", "");
            if (title == null) {
                error(root, "key.missing", "title", "form");
            }
            var audience = EnumSet.noneOf(Audience.class);
            if (map.containsKey("audience")) {
                for (var node : sequence(map.get("audience"), "audience")) {
                    var value = node instanceof ScalarNode s ? s.getValue() : "";
                    try {
                        audience.add(Audience.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        error(node, "value.unknown", value, "audience", "citizen, counter");
                    }
                }
            } else {
                audience.add(Audience.CITIZEN);
            }
            var lookups = new ArrayList<Lookup>();
            if (map.containsKey("lookups")) {
                var nodes = sequence(map.get("lookups"), "lookups");
                for (int i = 0; i < nodes.size(); i++) {
                    lookups.add(lookup(nodes.get(i), "lookups[" + i + "]"));
                }
            }
            var steps = new ArrayList<Step>();
            if (map.containsKey("steps")) {
                var nodes = sequence(map.get("steps"), "steps");
                for (int i = 0; i < nodes.size(); i++) {
                    steps.add(step(nodes.get(i), "steps[" + i + "]"));
                }
            } else {
                error(root, "key.missing", "steps", "form");
            }
            var rules = new ArrayList<Rule>();
            if (map.containsKey("rules")) {
                var nodes = sequence(map.get("rules"), "rules");
                for (int i = 0; i < nodes.size(); i++) {
                    var rule = rule(nodes.get(i), "rules[" + i + "]");
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            return new FormDefinition(
                    id,
                    version == null ? 0 : version.intValue(),
                    title,
                    text(map, "description", ""),
                    Set.copyOf(audience),
                    List.copyOf(steps),
                    List.copyOf(rules),
                    List.copyOf(lookups),
                    map.containsKey("assessment") ? assessment(map.get("assessment")) : null,
                    map.containsKey("processing") ? processing(map.get("processing")) : Processing.EXTERNAL,
                    kle(map, root),
                    map.containsKey("start") ? start(map.get("start")) : StartPage.NONE,
                    bool(map, "example"),
                    null,
                    null);
        }

        StartPage start(Node node) {
            var map = mapping(node, "start", "start", START_KEYS);
            var need = new ArrayList<LocalizedText>();
            if (map.containsKey("need")) {
                var nodes = sequence(map.get("need"), "need");
                for (int i = 0; i < nodes.size(); i++) {
                    var path = "start.need[" + i + "]";
                    var texts = mapping(nodes.get(i), path, "need", Set.of("da", "en"));
                    need.add(new LocalizedText(string(texts, "da"), string(texts, "en")));
                }
            }
            var minutes = integer(map, "minutes");
            if (minutes != null && (minutes < 1 || minutes > 240)) {
                error(map.get("minutes"), "start.minutes", minutes);
            }
            return new StartPage(need, minutes == null ? null : minutes.intValue());
        }

        /** Every form is classified by KLE (its cases are indexed by it); the shape is checked here. */
        Kle kle(Map<String, Node> form, Node formNode) {
            if (!form.containsKey("kle")) {
                error(formNode, "key.missing", "kle", "form");
                return null;
            }
            var node = form.get("kle");
            var map = mapping(node, "kle", "kle", KLE_KEYS);
            var subject = required(map, "subject", node, "kle");
            var facet = required(map, "facet", node, "kle");
            if (subject != null && !Kle.SUBJECT.matcher(subject).matches()) {
                error(map.get("subject"), "kle.subject", subject);
            }
            if (facet != null && !Kle.FACET.matcher(facet).matches()) {
                error(map.get("facet"), "kle.facet", facet);
            }
            return subject == null || facet == null ? null : new Kle(subject, facet);
        }

        Processing processing(Node node) {
            var path = "processing";
            var map = mapping(node, path, "processing", PROCESSING_KEYS);
            var byName = string(map, "by");
            var by = Processing.By.EXTERNAL;
            if (byName != null) {
                try {
                    by = Processing.By.valueOf(byName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(map.get("by"), "value.unknown", byName, "processing", "external, municipality");
                }
            }
            var deadline = integer(map, "deadlineWorkingDays");
            var reasons = new ArrayList<Processing.Reason>();
            if (map.containsKey("reasons")) {
                var nodes = sequence(map.get("reasons"), "reasons");
                for (int i = 0; i < nodes.size(); i++) {
                    var reasonPath = path + ".reasons[" + i + "]";
                    var reason = mapping(nodes.get(i), reasonPath, "reason", REASON_KEYS);
                    var id = required(reason, "id", nodes.get(i), "reason");
                    var text = text(reason, "text", reasonPath);
                    if (text == null) {
                        error(nodes.get(i), "key.missing", "text", "reason");
                    }
                    reasons.add(new Processing.Reason(id, text));
                }
            }
            Processing.Appeal appeal = null;
            if (map.containsKey("appeal")) {
                var appealMap = mapping(map.get("appeal"), path + ".appeal", "appeal", APPEAL_KEYS);
                var weeks = integer(appealMap, "weeks");
                var to = text(appealMap, "to", path + ".appeal");
                var how = text(appealMap, "how", path + ".appeal");
                if (to == null || how == null || weeks == null || weeks.intValue() <= 0) {
                    error(map.get("appeal"), "processing.appeal");
                }
                appeal = new Processing.Appeal(to, how, weeks == null ? 0 : weeks.intValue());
            }
            var legalBasis = text(map, "legalBasis", path);
            var unit = string(map, "unit");
            if (by == Processing.By.MUNICIPALITY) {
                // A case decided here needs a unit to work it, a service target and the texts its
                // decisions must quote (forvaltningsloven §§ 22-25).
                if (unit == null) {
                    error(node, "key.missing", "unit", "processing");
                }
                if (deadline == null || deadline.intValue() <= 0) {
                    error(node, "processing.deadline");
                }
                if (legalBasis == null) {
                    error(node, "key.missing", "legalBasis", "processing");
                }
                if (appeal == null) {
                    error(node, "key.missing", "appeal", "processing");
                }
            }
            return new Processing(
                    by, unit, deadline == null ? 0 : deadline.intValue(), legalBasis, List.copyOf(reasons), appeal);
        }

        Assessment assessment(Node node) {
            var path = "assessment";
            var map = mapping(node, path, "assessment", ASSESSMENT_KEYS);
            var title = text(map, "title", path);
            if (title == null) {
                error(node, "key.missing", "title", "assessment");
            }
            var rates = required(map, "rates", node, "assessment");
            var extra = new LinkedHashMap<String, dev.cel.common.types.CelType>();
            extra.put(
                    Expressions.RATES,
                    dev.cel.common.types.MapType.create(
                            dev.cel.common.types.SimpleType.STRING, dev.cel.common.types.SimpleType.DOUBLE));
            var steps = new ArrayList<Assessment.CalculationStep>();
            if (map.containsKey("steps")) {
                var nodes = sequence(map.get("steps"), "steps");
                for (int i = 0; i < nodes.size(); i++) {
                    var stepPath = path + ".steps[" + i + "]";
                    var step = mapping(nodes.get(i), stepPath, "calculation step", CALCULATION_STEP_KEYS);
                    var id = required(step, "id", nodes.get(i), "calculation step");
                    if (!step.containsKey("value")) {
                        error(nodes.get(i), "key.missing", "value", "calculation step");
                    }
                    var compiled = assessmentExpression(step, "value", extra, null);
                    if (compiled != null) {
                        refuseOtherPersonsCpr(step.get("value"), compiled);
                    }
                    if (compiled != null && id != null) {
                        extra.put(id, compiled.resultType());
                        steps.add(new Assessment.CalculationStep(
                                id,
                                text(step, "label", stepPath),
                                compiled.expression(),
                                string(step, "unit"),
                                at(nodes.get(i))));
                    } else if (expressions == null && id != null) {
                        steps.add(new Assessment.CalculationStep(
                                id, text(step, "label", stepPath), null, string(step, "unit"), at(nodes.get(i))));
                    }
                }
            } else {
                error(node, "key.missing", "steps", "assessment");
            }
            var outcomes = new ArrayList<Assessment.Outcome>();
            if (map.containsKey("outcomes")) {
                var nodes = sequence(map.get("outcomes"), "outcomes");
                for (int i = 0; i < nodes.size(); i++) {
                    var outcomePath = path + ".outcomes[" + i + "]";
                    var outcome = mapping(nodes.get(i), outcomePath, "outcome", OUTCOME_KEYS);
                    var resultName = required(outcome, "result", nodes.get(i), "outcome");
                    Assessment.Result result = null;
                    if (resultName != null) {
                        try {
                            result = Assessment.Result.valueOf(
                                    resultName.toUpperCase(Locale.ROOT).replace('-', '_'));
                        } catch (IllegalArgumentException e) {
                            error(
                                    outcome.get("result"),
                                    "value.unknown",
                                    resultName,
                                    "result",
                                    "eligible, partly_eligible, not_eligible, caseworker");
                        }
                    }
                    var when =
                            outcome.containsKey("when") ? assessmentExpression(outcome, "when", extra, "bool") : null;
                    outcomes.add(new Assessment.Outcome(
                            result,
                            when == null ? null : when.expression(),
                            text(outcome, "reason", outcomePath),
                            bool(outcome, "automatic"),
                            at(nodes.get(i))));
                }
            } else {
                error(node, "key.missing", "outcomes", "assessment");
            }
            var amount = string(map, "amount");
            if (amount != null
                    && expressions != null
                    && steps.stream().noneMatch(st -> st.id().equals(amount))) {
                error(map.get("amount"), "assessment.amount.unknown", amount);
            }
            var periodName = string(map, "period");
            var period = Assessment.Period.MONTH;
            if (periodName != null) {
                try {
                    period = Assessment.Period.valueOf(periodName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(map.get("period"), "value.unknown", periodName, "period", "month, quarter, year, once");
                }
            }
            return new Assessment(
                    title,
                    rates,
                    List.copyOf(steps),
                    amount,
                    period,
                    List.copyOf(outcomes),
                    text(map, "note", path),
                    at(node));
        }

        private Expressions.Compiled assessmentExpression(
                Map<String, Node> map, String key, Map<String, dev.cel.common.types.CelType> extra, String expected) {
            return compile(map, key, null, extra, expected);
        }

        Lookup lookup(Node node, String path) {
            var map = mapping(node, path, "lookup", LOOKUP_KEYS);
            var id = required(map, "id", node, "lookup");
            var typeName = required(map, "type", node, "lookup");
            Lookup.Type type = null;
            if (typeName != null) {
                try {
                    type = Lookup.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(
                            map.get("type"),
                            "value.unknown",
                            typeName,
                            "lookup type",
                            "person, household, children, income, dwelling");
                }
            }
            var key = required(map, "key", node, "lookup");
            var purpose = text(map, "purpose", path);
            if (purpose == null) {
                error(node, "key.missing", "purpose", "lookup");
            }
            return new Lookup(id, type, key, purpose, expression(map, "when", null, "bool"), at(node));
        }

        Step step(Node node, String path) {
            var map = mapping(node, path, "step", STEP_KEYS);
            var id = required(map, "id", node, "step");
            var fields = new ArrayList<Field>();
            if (map.containsKey("fields")) {
                var nodes = sequence(map.get("fields"), "fields");
                for (int i = 0; i < nodes.size(); i++) {
                    fields.add(field(nodes.get(i), path + ".fields[" + i + "]", null));
                }
            } else {
                error(node, "key.missing", "fields", "step");
            }
            return new Step(
                    id,
                    text(map, "title", path),
                    text(map, "intro", path),
                    expression(map, "visibleWhen", null, "bool"),
                    List.copyOf(fields),
                    at(node));
        }

        Rule rule(Node node, String path) {
            var map = mapping(node, path, "rule", RULE_KEYS);
            var id = required(map, "id", node, "rule");
            var severityName = required(map, "severity", node, "rule");
            Severity severity = null;
            if (severityName != null) {
                try {
                    severity = Severity.valueOf(severityName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(map.get("severity"), "value.unknown", severityName, "severity", "error, warning, info");
                }
            }
            if (!map.containsKey("when")) {
                error(node, "key.missing", "when", "rule");
            }
            var fields = new ArrayList<String>();
            if (map.containsKey("fields")) {
                for (var f : sequence(map.get("fields"), "fields")) {
                    if (f instanceof ScalarNode s) {
                        fields.add(s.getValue());
                        paths.put(path + ".fields[" + (fields.size() - 1) + "]", at(f));
                    }
                }
            }
            var message = text(map, "message", path);
            if (message == null) {
                error(node, "key.missing", "message", "rule");
            }
            var when = expression(map, "when", null, "bool");
            if (expressions != null && (when == null || severity == null)) {
                return null;
            }
            return new Rule(id, severity, when, List.copyOf(fields), message, text(map, "explain", path), at(node));
        }

        Field field(Node node, String path, String groupId) {
            var allKeys = new LinkedHashSet<>(COMMON_FIELD_KEYS);
            TYPE_KEYS.values().forEach(allKeys::addAll);
            var map = mapping(node, path, "field", allKeys);
            var id = required(map, "id", node, "field");
            var typeName = required(map, "type", node, "field");
            var allowed = TYPE_KEYS.get(typeName);
            FieldType type = null;
            if (typeName != null && allowed == null) {
                error(
                        map.get("type"),
                        "value.unknown",
                        typeName,
                        "type",
                        String.join(", ", TYPE_KEYS.keySet().stream().sorted().toList()));
            } else if (allowed != null) {
                for (var key : map.keySet()) {
                    if (!COMMON_FIELD_KEYS.contains(key) && !allowed.contains(key)) {
                        error(map.get(key), "key.not.for.type", key, typeName);
                    }
                }
                type = type(typeName, map, path, id);
            }
            var label = text(map, "label", path);
            if (label == null && !"info".equals(typeName)) {
                error(node, "key.missing", "label", "field");
            }
            if (label == null) {
                label = new LocalizedText(id, id);
            }
            var expected = type == null ? null : Expressions.celType(type).name();
            Expression compute;
            Expression computeEn = null;
            if (map.get("compute") instanceof MappingNode texts) {
                // a computed text in each language: {da: "…", en: "…"}
                if (!"text".equals(typeName)) {
                    error(texts, "compute.texts.type", id, typeName);
                }
                var both = mapping(texts, path + ".compute", "compute", Set.of("da", "en"));
                if (!both.containsKey("da") || !both.containsKey("en")) {
                    error(texts, "key.missing", both.containsKey("da") ? "en" : "da", "compute");
                }
                compute = shown(both, "da", groupId, expected);
                computeEn = shown(both, "en", groupId, expected);
            } else {
                compute = shown(map, "compute", groupId, expected);
            }
            return new Field(
                    id,
                    type,
                    label,
                    text(map, "help", path),
                    bool(map, "required"),
                    expression(map, "requiredWhen", groupId, "bool"),
                    expression(map, "visibleWhen", groupId, "bool"),
                    bool(map, "readOnly"),
                    compute,
                    computeEn,
                    shown(map, "prefill", groupId, expected),
                    bool(map, "decisiveOnDeclaration"),
                    at(node),
                    internal(map, compute));
        }

        /** {@code internal: true}: a computed value the rules use and the citizen is not shown. */
        boolean internal(Map<String, Node> map, Expression compute) {
            var internal = bool(map, "internal");
            if (internal && compute == null && !map.containsKey("compute")) {
                error(map.get("internal"), "internal.needs.compute");
            }
            return internal;
        }

        FieldType type(String name, Map<String, Node> map, String path, String id) {
            var typePath = path + ".type";
            map.forEach((key, node) -> paths.put(typePath + "." + key, at(node)));
            return switch (name) {
                case "text" ->
                    new FieldType.Text(
                            intOrNull(map, "minLength"),
                            intOrNull(map, "maxLength"),
                            pattern(map),
                            text(map, "patternMessage", path));
                case "textarea" -> new FieldType.TextArea(intOrNull(map, "minLength"), intOrNull(map, "maxLength"));
                case "cpr" -> new FieldType.Cpr();
                case "date" -> {
                    var min = dateBound(map, "min");
                    var max = dateBound(map, "max");
                    if (DateBound.minAfterMax(min, max)) {
                        error(map.get("min"), "date.bound.order", min, max);
                    }
                    yield new FieldType.Date(min, max);
                }
                case "integer" -> new FieldType.Int(integer(map, "min"), integer(map, "max"));
                case "decimal" -> new FieldType.Decimal(decimal(map, "min"), decimal(map, "max"));
                case "money" -> new FieldType.Money(decimal(map, "min"), decimal(map, "max"));
                case "choice" -> new FieldType.Choice(options(map, typePath), display(map), optionsFrom(map, typePath));
                case "multichoice" ->
                    new FieldType.MultiChoice(
                            options(map, typePath), intOrNull(map, "minSelected"), intOrNull(map, "maxSelected"));
                case "yesno" -> new FieldType.YesNo();
                case "address" -> new FieldType.Address();
                case "email" -> new FieldType.Email();
                case "phone" -> new FieldType.Phone();
                case "attachment" ->
                    new FieldType.Attachment(accept(map), intOr(map, "maxSizeMb", 10), intOr(map, "maxFiles", 1));
                case "group" -> group(map, path, id);
                case "info" -> new FieldType.Info(text(map, "text", path));
                default -> throw new IllegalStateException(name);
            };
        }

        FieldType.Group group(Map<String, Node> map, String path, String id) {
            var fields = new ArrayList<Field>();
            if (map.containsKey("fields")) {
                var nodes = sequence(map.get("fields"), "fields");
                for (int i = 0; i < nodes.size(); i++) {
                    fields.add(field(nodes.get(i), path + ".type.fields[" + i + "]", id));
                }
            }
            return new FieldType.Group(
                    List.copyOf(fields),
                    intOr(map, "minItems", 0),
                    intOr(map, "maxItems", 20),
                    text(map, "itemLabel", path));
        }

        String pattern(Map<String, Node> map) {
            var pattern = string(map, "pattern");
            if (pattern != null) {
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    error(map.get("pattern"), "pattern.invalid", pattern, e.getDescription());
                    return null;
                }
            }
            return pattern;
        }

        String dateBound(Map<String, Node> map, String key) {
            var value = string(map, key);
            if (value != null && !DATE_BOUND.matcher(value).matches()) {
                error(map.get(key), "date.bound.invalid", key, value);
                return null;
            }
            if (value != null && !DateBound.isRealDate(value)) {
                error(map.get(key), "date.bound.unreal", key, value);
                return null;
            }
            return value;
        }

        FieldType.Choice.Display display(Map<String, Node> map) {
            var value = string(map, "display");
            if (value == null) {
                return FieldType.Choice.Display.RADIO;
            }
            try {
                return FieldType.Choice.Display.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(map.get("display"), "value.unknown", value, "display", "radio, select");
                return FieldType.Choice.Display.RADIO;
            }
        }

        /**
         * {@code optionsFrom: {items, value, label: {da, en}}}: {@code items} an expression giving a
         * list, {@code value} and {@code label} expressions over each of its items, {@code option}. A
         * label is shown, so it may not carry another person's CPR number; the value is stored, not
         * shown.
         */
        FieldType.OptionsFrom optionsFrom(Map<String, Node> map, String path) {
            if (!(map.get("optionsFrom") instanceof Node node) || expressions == null) {
                return null;
            }
            var from = mapping(node, path + ".optionsFrom", "optionsFrom", Set.of("items", "value", "label"));
            for (var key : List.of("items", "value", "label")) {
                if (!from.containsKey(key)) {
                    error(node, "key.missing", key, "optionsFrom");
                }
            }
            var items = expression(from, "items", null, null);
            var option = Map.<String, dev.cel.common.types.CelType>of(
                    Expressions.OPTION,
                    dev.cel.common.types.MapType.create(
                            dev.cel.common.types.SimpleType.STRING, dev.cel.common.types.SimpleType.DYN));
            var value = compile(from, "value", null, option, "string");
            Expressions.Compiled da = null;
            Expressions.Compiled en = null;
            if (from.get("label") != null) {
                var labels = mapping(from.get("label"), path + ".optionsFrom.label", "label", Set.of("da", "en"));
                if (!labels.containsKey("da") || !labels.containsKey("en")) {
                    error(from.get("label"), "key.missing", labels.containsKey("da") ? "en" : "da", "label");
                }
                da = compile(labels, "da", null, option, "string");
                en = compile(labels, "en", null, option, "string");
                if (da != null) {
                    refuseOtherPersonsCpr(labels.get("da"), da);
                }
                if (en != null) {
                    refuseOtherPersonsCpr(labels.get("en"), en);
                }
            }
            if (items == null || value == null || da == null || en == null) {
                return null;
            }
            return new FieldType.OptionsFrom(items, value.expression(), da.expression(), en.expression());
        }

        List<Option> options(Map<String, Node> map, String path) {
            var options = new ArrayList<Option>();
            if (!map.containsKey("options")) {
                return options;
            }
            var nodes = sequence(map.get("options"), "options");
            var values = new LinkedHashSet<String>();
            for (int i = 0; i < nodes.size(); i++) {
                var optionPath = path + ".options[" + i + "]";
                var option = mapping(nodes.get(i), optionPath, "option", Set.of("value", "label"));
                var value = required(option, "value", nodes.get(i), "option");
                if (value != null && !values.add(value)) {
                    error(nodes.get(i), "option.duplicate", value);
                }
                var label = text(option, "label", optionPath);
                if (label == null) {
                    error(nodes.get(i), "key.missing", "label", "option");
                    label = new LocalizedText(value, value);
                }
                options.add(new Option(value, label));
            }
            return options;
        }

        List<String> accept(Map<String, Node> map) {
            if (!map.containsKey("accept")) {
                return List.of("pdf", "jpg", "jpeg", "png");
            }
            return sequence(map.get("accept"), "accept").stream()
                    .filter(ScalarNode.class::isInstance)
                    .map(n ->
                            ((ScalarNode) n).getValue().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                    .toList();
        }
    }
}

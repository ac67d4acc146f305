package dk.indgang.definition;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expression language of a form: CEL with one variable per field (typed by the field's type),
 * {@code today} and, inside a repeating group, {@code item}. Dates are ISO strings, so they compare
 * with {@code <} and {@code >}; {@code yearsBetween} and {@code daysBetween} do date arithmetic.
 */
public final class Expressions {

    /** Variables every form has besides its fields. */
    public static final String TODAY = "today";

    /** An assessment's rate table: {@code rates.<name>} as a double. */
    public static final String RATES = "rates";

    public static final String ITEM = "item";

    /** Inside a choice's {@code optionsFrom}: the item an option is made from. */
    public static final String OPTION = "option";

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(DecimalArithmetic.standardFunctions())
            .addFunctionBindings(DecimalArithmetic.bindings())
            .addLibraries(CelExtensions.strings(), CelExtensions.math())
            .addFunctionBindings(
                    CelFunctionBinding.from(
                            "years_between_string_string",
                            String.class,
                            String.class,
                            (a, b) -> ChronoUnit.YEARS.between(answeredDate(a), answeredDate(b))),
                    CelFunctionBinding.from(
                            "days_between_string_string",
                            String.class,
                            String.class,
                            (a, b) -> ChronoUnit.DAYS.between(answeredDate(a), answeredDate(b))),
                    CelFunctionBinding.from("sum_list", List.class, Expressions::sum),
                    CelFunctionBinding.from("no_value", List.of(), args -> {
                        throw new Expression.Unanswered();
                    }),
                    CelFunctionBinding.from("round_double_int", Double.class, Long.class, Expressions::round))
            .build();

    private static final List<CelFunctionDecl> FUNCTIONS = List.of(
            CelFunctionDecl.newFunctionDeclaration(
                    "yearsBetween",
                    CelOverloadDecl.newGlobalOverload(
                            "years_between_string_string", SimpleType.INT, SimpleType.STRING, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "daysBetween",
                    CelOverloadDecl.newGlobalOverload(
                            "days_between_string_string", SimpleType.INT, SimpleType.STRING, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "sum",
                    CelOverloadDecl.newGlobalOverload("sum_list", SimpleType.DOUBLE, ListType.create(SimpleType.DYN))),
            // an explicit "no value": a computed value is empty, a condition false (never a sentinel such as -1)
            CelFunctionDecl.newFunctionDeclaration(
                    "noValue", CelOverloadDecl.newGlobalOverload("no_value", SimpleType.DYN)),
            CelFunctionDecl.newFunctionDeclaration(
                    "round",
                    CelOverloadDecl.newGlobalOverload(
                            "round_double_int", SimpleType.DOUBLE, SimpleType.DOUBLE, SimpleType.INT)));

    /**
     * The sum of a list of numbers ({@code sum(husstand.members.map(m, m.income))}), added as the
     * decimals they are written as, so {@code sum([0.1, 0.2])} is 0.3 and not 0.30000000000000004.
     * A double, 0.0 for an empty list; {@code int(sum(…))} for a count.
     */
    private static Double sum(List<?> values) {
        var total = java.math.BigDecimal.ZERO;
        for (var value : values) {
            total = total.add(
                    switch (value) {
                        case Long l -> java.math.BigDecimal.valueOf(l);
                        case Integer i -> java.math.BigDecimal.valueOf(i);
                        case Double d -> java.math.BigDecimal.valueOf(d);
                        default -> throw new IllegalArgumentException("sum() takes numbers, not " + value);
                    });
        }
        return total.doubleValue();
    }

    /**
     * {@code x} rounded to {@code n} decimals, half up (away from zero at 5), on the decimal the
     * number is written as: {@code round(1920.0 * (1.0 - 0.55), 0)} is 864, where floating point
     * arithmetic has 863.9999999999999. A negative {@code n} rounds to tens, hundreds, …
     */
    private static Double round(Double x, Long n) {
        var places = (int) Math.max(-15, Math.min(15, n));
        return java.math.BigDecimal.valueOf(x)
                .setScale(places, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * A date argument of a date function. An unanswered date ({@code ""}) has no days to count: the
     * expression is undetermined ({@link Expression.Undetermined}) until the citizen answers.
     */
    private static LocalDate answeredDate(String value) {
        if (value == null || value.isBlank()) {
            throw new Expression.Unanswered();
        }
        return LocalDate.parse(value);
    }

    private final CelCompiler topLevel;
    private final java.util.Set<String> declared;
    private final LookupKeys keys;
    private final Map<String, CelCompiler> perGroup = new LinkedHashMap<>();

    /**
     * @param fields every top-level field of the form, keyed by id
     * @param lookups the ids of the form's register lookups: each is a map of what the register said
     */
    Expressions(Map<String, Field> fields, List<Lookup> lookups) {
        this(fields, lookups, false);
    }

    /**
     * @param rates whether the form has a rate table (its assessment names one): then {@code rates.x}
     *     is a number in every expression, so a figure has one source for rules and calculations alike
     */
    Expressions(Map<String, Field> fields, List<Lookup> lookups, boolean rates) {
        var byId = new LinkedHashMap<String, Lookup>();
        lookups.forEach(l -> byId.putIfAbsent(l.id(), l));
        var groups = new LinkedHashMap<String, Set<String>>();
        fields.values().stream()
                .filter(f -> f.type() instanceof FieldType.Group)
                .forEach(f -> groups.put(
                        f.id(),
                        ((FieldType.Group) f.type())
                                .fields().stream().map(Field::id).collect(Collectors.toUnmodifiableSet())));
        keys = new LookupKeys(byId, groups);
        var variables = new LinkedHashMap<String, CelType>();
        fields.values().stream()
                .filter(f -> f.type() != null && f.type().holdsValue())
                .forEach(f -> variables.put(f.id(), celType(f.type())));
        byId.keySet().forEach(id -> variables.putIfAbsent(id, MapType.create(SimpleType.STRING, SimpleType.DYN)));
        variables.put(TODAY, SimpleType.STRING);
        if (rates) {
            variables.put(RATES, MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
        }
        declared = java.util.Set.copyOf(variables.keySet());
        topLevel = compiler(variables);
        for (var field : fields.values()) {
            if (field.type() instanceof FieldType.Group) {
                var withItem = new LinkedHashMap<>(variables);
                withItem.put(ITEM, MapType.create(SimpleType.STRING, SimpleType.DYN));
                perGroup.put(field.id(), compiler(withItem));
            }
        }
    }

    private static CelCompiler compiler(Map<String, CelType> variables) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(FUNCTIONS)
                .addLibraries(CelExtensions.strings(), CelExtensions.math());
        variables.forEach(builder::addVar);
        return builder.build();
    }

    /** The CEL type of a field's value as expressions see it. */
    public static CelType celType(FieldType type) {
        return switch (type) {
            case FieldType.Text t -> SimpleType.STRING;
            case FieldType.TextArea t -> SimpleType.STRING;
            case FieldType.Cpr t -> SimpleType.STRING;
            case FieldType.Date t -> SimpleType.STRING;
            case FieldType.Email t -> SimpleType.STRING;
            case FieldType.Phone t -> SimpleType.STRING;
            case FieldType.Choice t -> SimpleType.STRING;
            case FieldType.Int t -> SimpleType.INT;
            case FieldType.Decimal t -> SimpleType.DOUBLE;
            case FieldType.Money t -> SimpleType.DOUBLE;
            case FieldType.YesNo t -> SimpleType.BOOL;
            case FieldType.MultiChoice t -> ListType.create(SimpleType.STRING);
            case FieldType.Address t -> MapType.create(SimpleType.STRING, SimpleType.STRING);
            case FieldType.Attachment t -> ListType.create(SimpleType.STRING);
            case FieldType.Group t -> ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN));
            case FieldType.Info t -> SimpleType.NULL_TYPE;
        };
    }

    /** The value an unanswered field has in expressions, so expressions never see "unbound". */
    public static Object emptyValue(FieldType type) {
        return switch (type) {
            case FieldType.Int t -> 0L;
            case FieldType.Decimal t -> 0.0;
            case FieldType.Money t -> 0.0;
            case FieldType.YesNo t -> false;
            case FieldType.MultiChoice t -> List.of();
            case FieldType.Attachment t -> List.of();
            case FieldType.Group t -> List.of();
            case FieldType.Address t -> Map.of();
            case FieldType.Text t -> "";
            case FieldType.TextArea t -> "";
            case FieldType.Cpr t -> "";
            case FieldType.Date t -> "";
            case FieldType.Email t -> "";
            case FieldType.Phone t -> "";
            case FieldType.Choice t -> "";
            case FieldType.Info t -> "";
        };
    }

    /** The result of compiling one expression: either an expression or located problems. */
    record Compiled(Expression expression, CelType resultType, List<Problem> problems, CelExpr ast) {

        Compiled(Expression expression, CelType resultType, List<Problem> problems) {
            this(expression, resultType, problems, null);
        }
    }

    /**
     * Compiles and type-checks; {@code groupId} is the repeating group the expression lives in, or
     * null. {@code columnOffset} maps CEL's columns onto the YAML line the expression starts on.
     */
    Compiled compile(String source, Location location, String groupId, int columnOffset, boolean sameLine) {
        return compile(source, location, groupId, columnOffset, sameLine, Map.of());
    }

    /** As above, with extra variables (an assessment's rates and earlier steps). */
    Compiled compile(
            String source,
            Location location,
            String groupId,
            int columnOffset,
            boolean sameLine,
            Map<String, CelType> extra) {
        var base = groupId == null ? topLevel : perGroup.getOrDefault(groupId, topLevel);
        CelCompiler compiler = base;
        if (!extra.isEmpty()) {
            var builder = base.toCompilerBuilder();
            extra.forEach((name, type) -> {
                if (!declared.contains(name)) {
                    builder.addVar(name, type);
                }
            });
            compiler = builder.build();
        }
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            var names = new java.util.LinkedHashSet<>(declared);
            names.addAll(extra.keySet());
            if (groupId != null) {
                names.add(ITEM);
            }
            var problems = result.getErrors().stream()
                    .map(issue -> {
                        var at = issue.getSourceLocation();
                        var line = sameLine ? location.line() : location.line() + Math.max(0, at.getLine() - 1);
                        var column = sameLine
                                ? location.column() + columnOffset + Math.max(0, at.getColumn())
                                : location.column();
                        return ExpressionErrors.problem(
                                new Location(location.file(), line, column), source, issue.getMessage(), names);
                    })
                    .toList();
            return new Compiled(null, null, problems);
        }
        try {
            var ast = result.getAst();
            var unknownKeys = keys.unknown(ast.getExpr());
            if (!unknownKeys.isEmpty()) {
                return new Compiled(
                        null,
                        null,
                        unknownKeys.stream()
                                .map(u -> {
                                    var closest = ExpressionErrors.closest(u.key(), u.known());
                                    var known = String.join(", ", new java.util.TreeSet<>(u.known()));
                                    return closest == null
                                            ? Problem.error(
                                                    location,
                                                    "expression.key.unknown",
                                                    source,
                                                    u.key(),
                                                    u.what(),
                                                    known)
                                            : Problem.error(
                                                    location,
                                                    "expression.key.unknown.suggest",
                                                    source,
                                                    u.key(),
                                                    u.what(),
                                                    known,
                                                    closest);
                                })
                                .toList());
            }
            Set<String> references = CelNavigableAst.fromAst(ast)
                    .getRoot()
                    .allNodes()
                    .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.IDENT)
                    .map(node -> node.expr().ident().name())
                    .collect(Collectors.toUnmodifiableSet());
            var program = RUNTIME.createProgram(ast);
            return new Compiled(
                    new Expression(source, location, references, program),
                    ast.getResultType(),
                    List.of(),
                    ast.getExpr());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compiled(
                    null, null, List.of(Problem.error(location, "expression.invalid", source, e.getMessage())));
        }
    }

    /** The type of a value read straight from a lookup, which CEL knows only as {@code dyn}. */
    java.util.Optional<String> lookupValueType(CelExpr expr) {
        return keys.kind(expr);
    }

    static String typeName(CelType type) {
        return type == null ? "?" : type.name();
    }
}

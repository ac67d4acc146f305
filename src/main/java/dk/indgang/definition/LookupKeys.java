package dk.indgang.definition;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each lookup's value holds, key by key — the register data an expression can read
 * (docs/form-definition-language.md, "Register lookups") — and a load-time check of every key an
 * expression reads from it: a lookup's own keys ({@code bolig.areaa}), a household member's or a
 * child's inside a macro ({@code husstand.members.map(m, m.navn)}), and a repeating group's item
 * inside a macro ({@code faste.map(f, f.beloebb)}). CEL types these maps as {@code dyn}, so without
 * this a misspelt key would fail only at run time and a value would quietly be missing.
 */
public final class LookupKeys {

    /** The keys of a household member. */
    static final Set<String> MEMBER = Set.of("cpr", "name", "age", "protected");

    /** The keys of a child from the children lookup. */
    static final Set<String> CHILD =
            Set.of("cpr", "name", "age", "livesWithApplicant", "sharedResidence", "custody", "protected");

    private static final Set<String> ALL = Set.of("found", "outcome", "unavailable");

    /** The keys of each lookup type (besides found, outcome and unavailable). */
    public static Set<String> keys(Lookup.Type type) {
        var keys = new java.util.TreeSet<>(ALL);
        keys.addAll(
                switch (type) {
                    case PERSON ->
                        Set.of(
                                "cpr",
                                "name",
                                "firstName",
                                "lastName",
                                "birthDate",
                                "age",
                                "status",
                                "civilStatus",
                                "digitalPost",
                                "children",
                                "sharedResidence",
                                "protected",
                                "hasAddress",
                                "address",
                                "street",
                                "houseNumber",
                                "floor",
                                "door",
                                "postcode",
                                "city",
                                "addressValue");
                    case HOUSEHOLD -> Set.of("members", "count", "adults");
                    case CHILDREN -> Set.of("children", "count");
                    case INCOME -> Set.of("total", "monthlyAverage", "reports");
                    case DWELLING ->
                        Set.of("area", "residentialArea", "rooms", "ownKitchen", "yearRound", "usage", "housingType");
                });
        return keys;
    }

    /**
     * Each key of a lookup type with the value it has before (or without) an answer: {@code ""},
     * {@code 0}, {@code 0.0}, {@code false}, an empty list or map — the one list of what a lookup's
     * value holds, for the engine (engine.LookupValues) and the loader's checks alike.
     */
    public static Map<String, Object> emptyValues(Lookup.Type type) {
        var values = new LinkedHashMap<String, Object>();
        for (var key : keys(type)) {
            values.put(
                    key,
                    switch (KINDS.getOrDefault(key, "string")) {
                        case "bool" -> false;
                        case "int" -> 0L;
                        case "double" -> 0.0;
                        case "list" -> List.of();
                        case "map" -> Map.of();
                        default -> "";
                    });
        }
        return values;
    }

    /** The type of each key as CEL names it (the value is {@code dyn} to the type checker). */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("found", "bool"),
            Map.entry("outcome", "string"),
            Map.entry("unavailable", "bool"),
            Map.entry("age", "int"),
            Map.entry("status", "int"),
            Map.entry("digitalPost", "bool"),
            Map.entry("sharedResidence", "bool"),
            Map.entry("protected", "bool"),
            Map.entry("hasAddress", "bool"),
            Map.entry("addressValue", "map"),
            Map.entry("members", "list"),
            Map.entry("children", "list"),
            Map.entry("count", "int"),
            Map.entry("adults", "int"),
            Map.entry("total", "double"),
            Map.entry("monthlyAverage", "double"),
            Map.entry("reports", "int"),
            Map.entry("area", "int"),
            Map.entry("residentialArea", "int"),
            Map.entry("rooms", "int"),
            Map.entry("ownKitchen", "bool"),
            Map.entry("yearRound", "bool"));

    /**
     * The type of a value read straight from a lookup ({@code bolig.area}: int, {@code
     * husstand.members}: list), so a prefill of the wrong type is a load error, not a prefill that
     * never comes; empty for anything else. Keys not listed are text.
     */
    java.util.Optional<String> kind(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT
                || expr.select().operand().getKind() != CelExpr.ExprKind.Kind.IDENT
                || !lookupIds.contains(expr.select().operand().ident().name())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(KINDS.getOrDefault(expr.select().field(), "string"));
    }

    private final Set<String> lookupIds = new java.util.HashSet<>();

    /** A map whose keys are known, and what it is called in a message. */
    private record Shape(String what, Set<String> keys, Map<String, Shape> items) {}

    private final Map<String, Shape> roots = new HashMap<>();

    /**
     * @param lookups the form's lookups by id
     * @param groups the form's repeating groups: id → the ids of an item's fields
     */
    LookupKeys(Map<String, Lookup> lookups, Map<String, Set<String>> groups) {
        lookupIds.addAll(lookups.keySet());
        lookups.forEach((id, lookup) -> {
            var items = new HashMap<String, Shape>();
            if (lookup.type() == Lookup.Type.HOUSEHOLD) {
                items.put("members", new Shape(id + ".members", MEMBER, Map.of()));
            }
            if (lookup.type() == Lookup.Type.CHILDREN) {
                items.put("children", new Shape(id + ".children", CHILD, Map.of()));
            }
            roots.put(id, new Shape(id, keys(lookup.type()), Map.copyOf(items)));
        });
        groups.forEach(
                (id, fields) -> roots.put(id, new Shape(id, Set.of(), Map.of("", new Shape(id, fields, Map.of())))));
    }

    /** A key read that the value does not have: what it is read from, the key, and what it has. */
    record Unknown(String what, String key, Set<String> known) {}

    /** Every unknown key the expression reads, in the order written. */
    List<Unknown> unknown(CelExpr expr) {
        var found = new ArrayList<Unknown>();
        walk(expr, Map.of(), found);
        return found;
    }

    /** The shape of what the expression gives: a lookup, a list's items (as a shape under ""), or null. */
    private Shape walk(CelExpr expr, Map<String, Shape> scope, List<Unknown> found) {
        switch (expr.getKind()) {
            case IDENT -> {
                var name = expr.ident().name();
                return scope.containsKey(name) ? scope.get(name) : roots.get(name);
            }
            case SELECT -> {
                var select = expr.select();
                var of = walk(select.operand(), scope, found);
                if (of == null || of.keys().isEmpty() || select.testOnly()) {
                    return null;
                }
                if (!of.keys().contains(select.field())) {
                    found.add(new Unknown(of.what(), select.field(), of.keys()));
                    return null;
                }
                var items = of.items().get(select.field());
                // a list of maps: its items have the shape
                return items == null ? null : new Shape(items.what(), Set.of(), Map.of("", items));
            }
            case CALL -> {
                var call = expr.call();
                call.target().ifPresent(t -> walk(t, scope, found));
                var args = new ArrayList<Shape>();
                call.args().forEach(a -> args.add(walk(a, scope, found)));
                if (call.function().equals("_[_]") && !args.isEmpty() && args.getFirst() != null) {
                    return args.getFirst().items().get("");
                }
                if (call.function().equals("_?_:_") && args.size() == 3) {
                    return args.get(1) != null ? args.get(1) : args.get(2);
                }
                return null;
            }
            case LIST -> {
                expr.list().elements().forEach(e -> walk(e, scope, found));
                return null;
            }
            case MAP -> {
                expr.map().entries().forEach(e -> {
                    walk(e.key(), scope, found);
                    walk(e.value(), scope, found);
                });
                return null;
            }
            case COMPREHENSION -> {
                var c = expr.comprehension();
                var range = walk(c.iterRange(), scope, found);
                var inner = new LinkedHashMap<>(scope);
                inner.put(c.iterVar(), range == null ? null : range.items().get(""));
                inner.put(c.accuVar(), null);
                walk(c.accuInit(), inner, found);
                walk(c.loopCondition(), inner, found);
                walk(c.loopStep(), inner, found);
                walk(c.result(), inner, found);
                // filter keeps the items' shape; map and the tests do not
                return isFilter(c) ? range : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The filter macro's expansion: {@code p ? accu + [x] : accu}, a step that appends the iteration
     * variable itself (map appends a transform of it, so its items have another shape).
     */
    private static boolean isFilter(CelExpr.CelComprehension c) {
        var step = c.loopStep();
        if (step.getKind() != CelExpr.ExprKind.Kind.CALL
                || !step.call().function().equals("_?_:_")
                || step.call().args().size() != 3) {
            return false;
        }
        var append = step.call().args().get(1);
        if (append.getKind() != CelExpr.ExprKind.Kind.CALL
                || !append.call().function().equals("_+_")
                || append.call().args().size() != 2
                || append.call().args().get(1).getKind() != CelExpr.ExprKind.Kind.LIST) {
            return false;
        }
        var added = append.call().args().get(1).list().elements();
        return added.size() == 1
                && added.getFirst().getKind() == CelExpr.ExprKind.Kind.IDENT
                && added.getFirst().ident().name().equals(c.iterVar());
    }
}

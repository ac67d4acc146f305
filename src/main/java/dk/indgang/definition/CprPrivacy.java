package dk.indgang.definition;

import dev.cel.common.ast.CelExpr;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether an expression whose value the citizen sees (a computed value, a prefill, an assessment
 * step) can carry another person's CPR number: a co-resident's or a child's {@code cpr} from the
 * registers, or the list of her children's numbers. Such a value is refused when the form loads, at
 * the expression, so no definition can show it. Comparing with those numbers is allowed — {@code
 * m.cpr != ansoeger.cpr}, {@code barn in ansoeger.children}, {@code exists}, {@code size} give a
 * yes, a no or a count, never the number — as are the applicant's own number and the numbers the
 * citizen typed herself.
 *
 * <p>The check follows the value through the expression (a taint analysis on CEL's syntax tree):
 * an operator that compares, tests or counts ends the trail; a conditional, a concatenation, a
 * string function or a macro's transform carries it on.
 */
final class CprPrivacy {

    /**
     * Functions whose result says something about their arguments but never contains them (a yes, a
     * no, a count). A conversion is not among them: {@code int(m.cpr)} is the number all the same.
     */
    private static final Set<String> OPAQUE = Set.of(
            "_==_",
            "_!=_",
            "_<_",
            "_<=_",
            "_>_",
            "_>=_",
            "@in",
            "_&&_",
            "_||_",
            "!_",
            "@not_strictly_false",
            "size",
            "contains",
            "startsWith",
            "endsWith",
            "matches",
            "exists",
            "all",
            "exists_one",
            "has",
            "yearsBetween",
            "daysBetween");

    private final Map<String, Lookup> lookups;

    /** @param lookups the form's lookups by id */
    CprPrivacy(Map<String, Lookup> lookups) {
        this.lookups = lookups;
    }

    /** Whether the value of the expression may contain another person's CPR number. */
    boolean leaks(CelExpr expr) {
        return leaks(expr, Set.of());
    }

    private boolean leaks(CelExpr expr, Set<String> tainted) {
        return switch (expr.getKind()) {
            case IDENT -> tainted.contains(expr.ident().name());
            case SELECT -> sensitive(expr.select()) || leaks(expr.select().operand(), tainted);
            case CALL -> {
                var call = expr.call();
                if (OPAQUE.contains(call.function())) {
                    yield false;
                }
                if (call.function().equals("_?_:_")) {
                    yield leaks(call.args().get(1), tainted)
                            || leaks(call.args().get(2), tainted);
                }
                yield call.target().map(t -> leaks(t, tainted)).orElse(false)
                        || call.args().stream().anyMatch(a -> leaks(a, tainted));
            }
            case LIST -> expr.list().elements().stream().anyMatch(e -> leaks(e, tainted));
            case MAP -> expr.map().entries().stream().anyMatch(e -> leaks(e.value(), tainted));
            case COMPREHENSION -> {
                var c = expr.comprehension();
                var inner = new HashSet<>(tainted);
                if (leaks(c.iterRange(), tainted)) {
                    inner.add(c.iterVar());
                    if (!c.iterVar2().isEmpty()) {
                        inner.add(c.iterVar2());
                    }
                }
                if (leaks(c.accuInit(), inner) || leaks(c.loopStep(), inner)) {
                    inner.add(c.accuVar());
                }
                yield leaks(c.result(), inner);
            }
            default -> false;
        };
    }

    /**
     * {@code x.cpr} where x is not the applicant's own person lookup (a household member, a child, a
     * person looked up by a field), or {@code p.children} of a person lookup (her children's numbers).
     */
    private boolean sensitive(CelExpr.CelSelect select) {
        var field = select.field();
        if (!field.equals("cpr") && !field.equals("children")) {
            return false;
        }
        var operand = select.operand();
        var lookup = operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                ? lookups.get(operand.ident().name())
                : null;
        if (field.equals("cpr")) {
            // the applicant's own number is hers to see
            return lookup == null || !(lookup.type() == Lookup.Type.PERSON && lookup.keyedByApplicant());
        }
        return lookup != null && lookup.type() == Lookup.Type.PERSON;
    }
}

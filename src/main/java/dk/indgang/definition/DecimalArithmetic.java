package dk.indgang.definition;

import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.standard.AddOperator;
import dev.cel.runtime.standard.CelStandardOverload;
import dev.cel.runtime.standard.DivideOperator;
import dev.cel.runtime.standard.MultiplyOperator;
import dev.cel.runtime.standard.SubtractOperator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

/**
 * Decimal arithmetic for CEL's {@code double}: {@code +}, {@code -}, {@code *} and {@code /} on two
 * numbers with a fraction compute on the decimals the operands are written as, not in binary
 * floating point, so {@code 1920.0 * (1.0 - 0.55)} is 864 and {@code 0.1 + 0.2 == 0.3}.
 *
 * <p>CEL has no decimal type, so a money or decimal value travels through an expression as the
 * {@code double} nearest to it; every operation reads its operands back as their shortest decimal
 * ({@link BigDecimal#valueOf(double)}), computes exactly and hands on the nearest {@code double} of
 * the exact result. Every value of at most 15 significant digits — any amount in kroner and øre below
 * ten thousand billion — survives that round trip unchanged, so sums, differences and products of
 * amounts and rates are exact; a quotient is rounded to 34 significant digits first. Dividing by zero
 * is a run-time failure (no value), not infinity. See docs/adr/0013-exact-decimals-in-expressions.md.
 */
final class DecimalArithmetic {

    /** The standard overloads this class replaces. */
    private static final Set<CelStandardOverload> REPLACED = Set.of(
            AddOperator.AddOverload.ADD_DOUBLE,
            SubtractOperator.SubtractOverload.SUBTRACT_DOUBLE,
            MultiplyOperator.MultiplyOverload.MULTIPLY_DOUBLE,
            DivideOperator.DivideOverload.DIVIDE_DOUBLE);

    private DecimalArithmetic() {}

    /** CEL's standard functions without the binary floating point arithmetic on doubles. */
    static CelStandardFunctions standardFunctions() {
        return CelStandardFunctions.newBuilder()
                .filterFunctions((function, overload) -> !REPLACED.contains(overload))
                .build();
    }

    /** The decimal arithmetic, bound to the standard overload ids it replaces. */
    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("add_double", Double.class, Double.class, DecimalArithmetic::add),
                CelFunctionBinding.from("subtract_double", Double.class, Double.class, DecimalArithmetic::subtract),
                CelFunctionBinding.from("multiply_double", Double.class, Double.class, DecimalArithmetic::multiply),
                CelFunctionBinding.from("divide_double", Double.class, Double.class, DecimalArithmetic::divide));
    }

    static Double add(Double a, Double b) {
        return finite(a, b) ? decimal(a).add(decimal(b)).doubleValue() : a + b;
    }

    static Double subtract(Double a, Double b) {
        return finite(a, b) ? decimal(a).subtract(decimal(b)).doubleValue() : a - b;
    }

    static Double multiply(Double a, Double b) {
        return finite(a, b) ? decimal(a).multiply(decimal(b)).doubleValue() : a * b;
    }

    static Double divide(Double a, Double b) {
        if (b == 0.0) {
            throw new ArithmeticException("division by zero");
        }
        return finite(a, b)
                ? decimal(a).divide(decimal(b), MathContext.DECIMAL128).doubleValue()
                : a / b;
    }

    /** The decimal a double stands for: its shortest representation, 0.55 for the double nearest 0.55. */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static boolean finite(double a, double b) {
        return Double.isFinite(a) && Double.isFinite(b);
    }
}

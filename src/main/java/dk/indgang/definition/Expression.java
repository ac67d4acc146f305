package dk.indgang.definition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Set;

/**
 * A CEL expression from a definition, compiled and type-checked when the definition loaded. Its
 * program is a pure function of the variables it is given, so one instance serves every session.
 *
 * @param source the expression as written
 * @param location where it is written
 * @param references the form's field ids it reads (for dependency order and cycle checks)
 */
public record Expression(String source, Location location, Set<String> references, CelRuntime.Program program) {

    public Object evaluate(Map<String, ?> variables) {
        try {
            return program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ExpressionFailure(this, e);
        }
    }

    public boolean test(Map<String, ?> variables) {
        return Boolean.TRUE.equals(evaluate(variables));
    }

    @Override
    public String toString() {
        return source;
    }

    /** A run-time failure (e.g. division by zero) of an expression that type-checked. */
    public static final class ExpressionFailure extends RuntimeException {
        private final transient Expression expression;

        ExpressionFailure(Expression expression, Throwable cause) {
            super(expression.location() + ": " + expression.source() + ": " + cause.getMessage(), cause);
            this.expression = expression;
        }

        public Expression expression() {
            return expression;
        }
    }
}

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

    /**
     * Evaluates over the variables as they are: CEL reads each name it needs through a resolver, so
     * no copy of the map is made per evaluation (cel-java copies a {@code Map} it is given into an
     * immutable one, which made a form's validation cost fields × expressions).
     */
    public Object evaluate(Map<String, ?> variables) {
        try {
            return program.eval(name -> java.util.Optional.ofNullable(variables.get(name)));
        } catch (CelEvaluationException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Unanswered) {
                    throw new Undetermined(this, e);
                }
            }
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
    public static sealed class ExpressionFailure extends RuntimeException permits Undetermined {
        private final transient Expression expression;

        ExpressionFailure(Expression expression, Throwable cause) {
            super(expression.location() + ": " + expression.source() + ": " + cause.getMessage(), cause);
            this.expression = expression;
        }

        public Expression expression() {
            return expression;
        }
    }

    /**
     * Not a failure: the expression needs a value the citizen has not given yet (a date function on
     * an unanswered date). A condition that is undetermined is false; a computed value has no value.
     */
    public static final class Undetermined extends ExpressionFailure {
        Undetermined(Expression expression, Throwable cause) {
            super(expression, cause);
        }
    }

    /** Thrown by a function given an unanswered value; {@link #evaluate} turns it into {@link Undetermined}. */
    static final class Unanswered extends RuntimeException {
        Unanswered() {
            super("a value it needs is not answered yet", null, false, false);
        }
    }
}

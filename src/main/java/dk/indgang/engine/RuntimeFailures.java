package dk.indgang.engine;

import dk.indgang.definition.Expression;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An expression that type-checked at load and still failed at run time (a rate key that is not in
 * the table, a field missing inside a macro, a division by zero): never silent, logged once per
 * form version and expression with where it is written — not on every keystroke that evaluates it
 * again. An expression waiting for an answer ({@link Expression.Undetermined}) is no failure.
 */
public final class RuntimeFailures {

    private static final Logger LOG = Logger.getLogger(RuntimeFailures.class.getName());
    private static final int REMEMBERED = 10_000;
    private static final Set<String> reported = ConcurrentHashMap.newKeySet();

    private RuntimeFailures() {}

    /** Logs the failure the first time this form version's expression fails; ignores the undetermined. */
    public static void report(String formKey, String what, Expression.ExpressionFailure failure) {
        if (failure instanceof Expression.Undetermined) {
            return;
        }
        if (reported.size() > REMEMBERED) {
            reported.clear();
        }
        if (reported.add(formKey + "|" + failure.expression().source())) {
            LOG.log(Level.WARNING, "{0}: {1} failed at run time and counts as no value: {2}", new Object[] {
                formKey, what, failure.getMessage()
            });
        }
    }
}

package dk.indgang.definition;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * CEL's compile errors in a form designer's words: an unknown name with the closest name the form
 * has ("did you mean …"), an operator or function on types it does not take, an expression that
 * ends too early or has a stray character — each a message key of its own, so it reads in the
 * chosen language, with no parser grammar, container names or overload ids in it. Anything else
 * keeps CEL's own sentence, tidied.
 */
final class ExpressionErrors {

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'.*");
    private static final Pattern OVERLOAD =
            Pattern.compile("found no matching overload for '([^']+)' applied to '\\(([^']*)\\)'.*");
    private static final Pattern SYNTAX_END = Pattern.compile(".*'<EOF>'.*");
    private static final Pattern SYNTAX_AT = Pattern.compile(
            ".*(?:mismatched input|extraneous input|no viable alternative at input|token recognition error at:"
                    + "|at) '([^']+)'.*");

    /** Names every expression may call, for suggestions. */
    private static final java.util.List<String> FUNCTIONS = java.util.List.of(
            "size",
            "int",
            "double",
            "string",
            "has",
            "exists",
            "all",
            "filter",
            "map",
            "sum",
            "round",
            "yearsBetween",
            "daysBetween",
            "noValue",
            "math",
            "matches",
            "contains",
            "startsWith",
            "endsWith");

    private ExpressionErrors() {}

    /**
     * The problem for one CEL error.
     *
     * @param names the names the expression could have used (the form's fields, lookups, today, …)
     */
    static Problem problem(Location at, String source, String celMessage, Collection<String> names) {
        var message = celMessage == null
                ? ""
                : celMessage.lines().findFirst().orElse("").strip();
        var m = UNDECLARED.matcher(message);
        if (m.matches()) {
            var name = m.group(1);
            var all = new java.util.ArrayList<String>(names);
            all.addAll(FUNCTIONS);
            var closest = closest(name, all);
            return closest == null
                    ? Problem.error(at, "expression.unknown.name", source, name)
                    : Problem.error(at, "expression.unknown.name.suggest", source, name, closest);
        }
        m = OVERLOAD.matcher(message);
        if (m.matches()) {
            var function = m.group(1);
            var operator = function.startsWith("_") || function.startsWith("!") || function.startsWith("@")
                    ? function.replace("_", "").replace("@", "").strip()
                    : function + "()";
            return Problem.error(at, "expression.operator", source, operator, m.group(2));
        }
        if (SYNTAX_END.matcher(message).matches()) {
            return Problem.error(at, "expression.syntax.end", source);
        }
        m = SYNTAX_AT.matcher(message);
        if (m.matches()) {
            return Problem.error(at, "expression.syntax.at", source, m.group(1));
        }
        if (message.contains("Syntax error")) {
            return Problem.error(at, "expression.syntax", source);
        }
        return Problem.error(
                at,
                "expression.invalid",
                source,
                message.replaceAll(" \\(in container '[^']*'\\)", "").replaceFirst("^ERROR: [^:]*:\\d+:\\d+: ", ""));
    }

    /** The name closest to {@code typed} by edit distance, if it is close enough to be a slip. */
    static String closest(String typed, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var name : names) {
            var distance = distance(typed.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, typed.length() / 3)) ? best : null;
    }

    private static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

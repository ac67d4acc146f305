package dk.indgang.engine;

import dk.indgang.definition.Severity;
import java.util.List;

/**
 * A finding about answers: at which path ({@code field} or {@code group[0].field}), which message
 * (a key into {@code engine-messages}, or a rule's own text when {@code ruleId} is set), its
 * arguments and severity.
 */
public record Violation(String path, String messageKey, List<Object> args, Severity severity, String ruleId) {

    public Violation {
        args = List.copyOf(args);
    }

    static Violation error(String path, String key, Object... args) {
        return new Violation(path, key, List.of(args), Severity.ERROR, null);
    }

    public boolean isRule() {
        return ruleId != null;
    }

    /** The field id the path starts with: the top-level field the finding belongs to. */
    public String fieldId() {
        return FieldPath.topLevel(path);
    }
}

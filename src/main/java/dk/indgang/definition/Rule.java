package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A cross-field rule: when {@code when} is true the message is shown at the named fields, with the
 * rule's severity. It is checked on the step of its last field, and again before submit. A warning's
 * {@code explain} labels the citizen's explanation field; null for the default.
 */
public record Rule(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = "id.pattern")
        String id,

        @NotNull Severity severity,
        @NotNull Expression when,
        @NotNull List<String> fields,
        @Valid @NotNull LocalizedText message,
        @Valid LocalizedText explain,
        Location location) {

    /** Whether the rule compares an answer with what a register says (it reads a lookup). */
    public boolean readsRegister(java.util.Set<String> lookupIds) {
        return when.references().stream().anyMatch(lookupIds::contains);
    }
}

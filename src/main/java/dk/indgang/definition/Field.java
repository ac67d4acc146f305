package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One question in a step.
 *
 * @param requiredWhen makes the field required while it is true (overrides {@code required})
 * @param visibleWhen shows the field only while it is true; a hidden field's answer neither counts
 *     nor is submitted
 * @param compute makes the field a computed value: read-only, recomputed from other answers
 * @param computeEn a computed text's English wording ({@code compute: {da: …, en: …}}); the Danish
 *     one is the value (the application document's); null when the text is the same in both
 * @param prefill fills the field from register data (an expression over lookups) when the lookup
 *     answers; the citizen may change the value, which is then flagged as changed
 * @param decisiveOnDeclaration the citizen's own statement decides (no register can verify it, and
 *     the law lets her declaration stand, e.g. "I am a single parent"), so an assessment that decides
 *     automatically may rest on it
 */
public record Field(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = "id.pattern")
        String id,

        @Valid @NotNull FieldType type,
        @Valid @NotNull LocalizedText label,
        @Valid LocalizedText help,
        boolean required,
        Expression requiredWhen,
        Expression visibleWhen,
        boolean readOnly,
        Expression compute,
        Expression computeEn,
        Expression prefill,
        boolean decisiveOnDeclaration,
        Location location,
        boolean internal) {

    /** The same field with another type (a choice with the options a session made from data). */
    public Field withType(FieldType other) {
        return new Field(
                id,
                other,
                label,
                help,
                required,
                requiredWhen,
                visibleWhen,
                readOnly,
                compute,
                computeEn,
                prefill,
                decisiveOnDeclaration,
                location,
                internal);
    }

    public boolean isComputed() {
        return compute != null;
    }

    public boolean isGroup() {
        return type instanceof FieldType.Group;
    }
}

package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A register lookup a form may make, declared up front (data minimisation): what it asks, keyed by
 * what, and why. Its result is a variable named by its id in expressions.
 *
 * @param key {@code applicant} (the citizen the application is for), a {@code cpr} field's id (another
 *     person: only confirmed or not, never their data), for {@code household}, {@code children} and
 *     {@code dwelling} the id of the applicant's {@code person} lookup whose address or children they
 *     follow, and for {@code dwelling} also an {@code address} field (an address the citizen enters,
 *     found in DAR, then its unit in BBR)
 * @param purpose why the data is needed; written to the audit log with every lookup
 * @param when optional condition on the answers (e.g. the citizen's consent): the lookup runs only
 *     while it holds, and its result is dropped when it stops holding
 */
public record Lookup(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = "id.pattern")
        String id,

        @NotNull Type type,
        @NotBlank(message = "lookup.key.blank") String key,
        @Valid @NotNull LocalizedText purpose,
        Expression when,
        Location location) {

    public static final String APPLICANT = "applicant";

    /** What a lookup asks, and which register answers it. */
    public enum Type {
        PERSON(Register.CPR),
        HOUSEHOLD(Register.CPR),
        /** The applicant's children in CPR, each with residence and custody (one CPR call per child). */
        CHILDREN(Register.CPR),
        INCOME(Register.EINDKOMST),
        DWELLING(Register.BBR);

        private final Register register;

        Type(Register register) {
            this.register = register;
        }

        /** The id of the register that answers it. */
        public String register() {
            return register.id();
        }
    }

    /** Whether the lookup is about the applicant themselves (or their own address). */
    public boolean keyedByApplicant() {
        return APPLICANT.equals(key);
    }
}

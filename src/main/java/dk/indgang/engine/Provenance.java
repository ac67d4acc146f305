package dk.indgang.engine;

import java.time.Instant;

/**
 * Where an answer came from. No provenance means the citizen (or the caseworker) entered it.
 *
 * @param register the register that gave or should have verified the value
 * @param fetchedAt when the register answered (null when it did not)
 * @param registerValue what the register said, kept when the citizen changes it
 * @param changedBy the caseworker who changed the register's value on the citizen's behalf; null when
 *     the citizen changed it (or it is unchanged)
 */
public record Provenance(Source source, String register, Instant fetchedAt, Object registerValue, String changedBy) {

    public enum Source {
        /** Prefilled from a register and unchanged. */
        REGISTER,
        /** Prefilled from a register, then changed by the citizen: flagged for the caseworker. */
        CHANGED,
        /** The register that would have verified it was unavailable: a caseworker must check it. */
        NOT_VERIFIED
    }

    public Provenance(Source source, String register, Instant fetchedAt, Object registerValue) {
        this(source, register, fetchedAt, registerValue, null);
    }

    /** A value a register gave at {@code fetchedAt}, unchanged. */
    public static Provenance fromRegister(String register, Instant fetchedAt, Object value) {
        return new Provenance(Source.REGISTER, register, fetchedAt, value, null);
    }

    /** Changed by the citizen herself. */
    public Provenance changed() {
        return changedBy(null);
    }

    /** Changed by {@code caseworker} on the citizen's behalf, or by the citizen when null. */
    public Provenance changedBy(String caseworker) {
        return new Provenance(Source.CHANGED, register, fetchedAt, registerValue, caseworker);
    }

    public Provenance restored() {
        return new Provenance(Source.REGISTER, register, fetchedAt, registerValue, null);
    }

    /** Whether a caseworker, not the citizen, changed the register's value. */
    public boolean changedByCaseworker() {
        return source == Source.CHANGED && changedBy != null;
    }

    /** A register's id as citizens and caseworkers know it ({@code cpr} → CPR). */
    public static String registerName(String register) {
        return dk.indgang.definition.Register.displayName(register);
    }
}

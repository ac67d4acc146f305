package dk.indgang.engine;

import java.time.Instant;

/**
 * Where an answer came from. No provenance means the citizen (or the caseworker) entered it.
 *
 * @param register the register that gave or should have verified the value
 * @param fetchedAt when the register answered (null when it did not)
 * @param registerValue what the register said, kept when the citizen changes it
 */
public record Provenance(Source source, String register, Instant fetchedAt, Object registerValue) {

    public enum Source {
        /** Prefilled from a register and unchanged. */
        REGISTER,
        /** Prefilled from a register, then changed by the citizen: flagged for the caseworker. */
        CHANGED,
        /** The register that would have verified it was unavailable: a caseworker must check it. */
        NOT_VERIFIED
    }

    public Provenance changed() {
        return new Provenance(Source.CHANGED, register, fetchedAt, registerValue);
    }

    public Provenance restored() {
        return new Provenance(Source.REGISTER, register, fetchedAt, registerValue);
    }

    /** A register's id as citizens and caseworkers know it ({@code cpr} → CPR). */
    public static String registerName(String register) {
        return dk.indgang.definition.Register.displayName(register);
    }
}

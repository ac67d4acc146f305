package dk.indgang.casework;

/**
 * A fact a decision relies on, with where it came from. A refusal that rests on a fact the citizen
 * has not stated herself needs a hearing of that fact first (forvaltningsloven § 19).
 *
 * @param key a stable name of the fact, e.g. {@code indkomst}, to match it with the hearing of it
 * @param text the fact as the letter states it
 * @param source who stated it: the citizen, a register (and which), or someone else
 */
public record Fact(String key, String text, Source source, String sourceName) {

    public enum Source {
        CITIZEN,
        REGISTER,
        OTHER
    }

    public Fact {
        if (key == null || key.isBlank() || text == null || text.isBlank() || source == null) {
            throw new IllegalArgumentException("A fact needs a key, its text and its source");
        }
    }

    /** Stated by the citizen herself: she need not be heard on it. */
    public boolean statedByCitizen() {
        return source == Source.CITIZEN;
    }
}

package dk.indgang.definition;

/** Ids are CEL identifiers, so an expression can name a field directly. */
final class Ids {
    static final String PATTERN = "[a-zA-Z][a-zA-Z0-9_]{0,62}";

    private Ids() {}
}

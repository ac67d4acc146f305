package dk.indgang.definition;

/** Who may fill in a form: citizens online, or caseworkers at the counter on a citizen's behalf. */
public enum Audience {
    CITIZEN,
    COUNTER
}

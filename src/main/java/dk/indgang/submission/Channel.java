package dk.indgang.submission;

/** How an application came in. */
public enum Channel {
    ONLINE,
    COUNTER,
    PHONE;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

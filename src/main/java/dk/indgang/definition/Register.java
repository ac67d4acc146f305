package dk.indgang.definition;

/**
 * The national registers Indgang asks, by the one id each has everywhere: in a lookup's type, the
 * adapter's package and client, the configuration prefix ({@code indgang.registers.<id>}), the
 * stub folders ({@code stubs/mappings/<id>/}), the Resilience4j instances, the caches, the audit
 * log and a value's provenance.
 */
public enum Register {
    CPR("cpr", "CPR"),
    EINDKOMST("eindkomst", "eIndkomst"),
    BBR("bbr", "BBR"),
    DAR("dar", "DAR");

    private final String id;
    private final String displayName;

    Register(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    /** As citizens read it: "Fra eIndkomst". */
    public String displayName() {
        return displayName;
    }

    /** The display name of a register id; an unknown id as it is. */
    public static String displayName(String id) {
        for (var register : values()) {
            if (register.id.equals(id)) {
                return register.displayName;
            }
        }
        return id;
    }
}

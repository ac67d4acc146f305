package dk.indgang.security;

/** The roles, as Spring Security authorities ({@code ROLE_} + name) and in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CITIZEN = "CITIZEN";
    public static final String COUNTER = "COUNTER";
    public static final String DESIGNER = "DESIGNER";
    /** Benefits-centre caseworkers who process and decide the municipality's own cases. */
    public static final String CASEWORKER = "CASEWORKER";

    private Roles() {}
}

package dk.indgang.security;

/** The roles, as Spring Security authorities ({@code ROLE_} + name) and in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CITIZEN = "CITIZEN";
    public static final String COUNTER = "COUNTER";
    public static final String DESIGNER = "DESIGNER";

    private Roles() {}
}

/**
 * Logins, roles and access rules. Roles: CITIZEN (acts for themselves, identified by CPR), COUNTER
 * (caseworker filing on a citizen's behalf), CASEWORKER (benefits centre: processes and decides the
 * municipality's cases), DESIGNER (edits form definitions). In the dev mode a
 * simulated MitID login offers fictitious test persons; in production, OIDC by properties only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dk.indgang.security;

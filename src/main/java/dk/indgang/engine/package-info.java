/**
 * A running form: answers, visibility, computed values, field constraints, cross-field rules, step
 * completeness and the review model. Plain Java (no Vaadin, no HTTP, no Spring), so the wizard,
 * the API and the final verdict at submit all use the same rules: the server is the only authority.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"definition"})
package dk.indgang.engine;

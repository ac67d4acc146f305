/**
 * Straks afklaring: runs a form's declared assessment (calculation steps, outcomes) over the
 * answers, the register data and the dated rate table in force, and explains every step. The
 * result is always non-binding (vejledende).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"definition", "engine"})
package dk.indgang.assessment;

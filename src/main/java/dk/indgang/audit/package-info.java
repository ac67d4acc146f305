/**
 * The audit log of register lookups: who looked up whose data, on whose behalf, in which register,
 * why, with what outcome and when (GDPR art. 5(2) and 32; a citizen may ask to see it).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engine", "registers"})
package dk.indgang.audit;

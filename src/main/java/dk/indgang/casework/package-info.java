/**
 * Case processing inside Indgang, for the benefits the municipality decides itself (forms with
 * {@code processing: municipality}): the case aggregate and its lawful lifecycle — taking a case,
 * requests to the citizen and her answers, partshøring (forvaltningsloven § 19) before a refusal on
 * facts she has not stated herself, decisions with reasons (§§ 22–24) and appeal guidance (§ 25),
 * appeals and reconsideration — and deadlines on Danish working days. See docs/case-processing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"definition", "engine", "receipt", "submission"})
package dk.indgang.casework;

/**
 * Form definitions: the declarative language designers write in {@code forms/*.yaml}, its loader
 * (YAML to an immutable, type-checked model with located problems), expressions (CEL) and the lint
 * command. Plain Java: no Spring, no UI, no persistence.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dk.indgang.definition;

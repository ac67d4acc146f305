/**
 * The form designer's services: design drafts of definitions (checked by the same loader and linter
 * as the build), scenarios run against a draft, publishing as a new version with its hash written to
 * the forms folder, a plain-words diff between versions, and the publish audit.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assessment", "catalog", "definition", "engine", "registers"})
package dk.indgang.design;

/**
 * The forms being served: loads {@code forms/}, keeps every version it has served (with its
 * SHA-256) in the database, re-reads the folder on change, and never lets a definition that fails
 * to load replace the version that is serving.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"definition"})
package dk.indgang.catalog;

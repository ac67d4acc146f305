/**
 * Drafts and (later) submitted applications: storage, access rules, and the hand-over of a running
 * form between sessions. A draft stays on the definition version it began with.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assessment", "catalog", "definition", "engine", "receipt", "security"})
package dk.indgang.submission;

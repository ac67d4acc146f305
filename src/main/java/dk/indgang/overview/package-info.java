/**
 * "Mine sager", the citizen's overview: her drafts, her applications with their status history,
 * receipts and delivery, and who has looked up her data and why. A read model over the
 * submission and audit modules, so the view calls one service.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "casework", "definition", "engine", "submission"})
package dk.indgang.overview;

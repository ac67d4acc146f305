/**
 * Delivery of receipts after submit: an outbox worker sends each receipt to the citizen's Digital
 * Post, or, for citizens CPR says are exempt, through the central print route. Every message has a
 * stable id (the application's), so a retry or a resumed job never reaches the citizen twice.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engine", "registers", "submission"})
package dk.indgang.delivery;

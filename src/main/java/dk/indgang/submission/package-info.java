/**
 * Drafts and (later) submitted applications: storage, access rules, and the hand-over of a running
 * form between sessions. A draft stays on the definition version it began with.
 */
package dk.indgang.submission;

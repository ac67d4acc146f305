/**
 * Assisted filing: the counter workspace of Borgerservice and the contact centre (role COUNTER).
 * A caseworker finds the citizen by CPR number with a stated purpose (audited), sees their drafts and
 * applications, and starts or continues an application in the same wizard, on the citizen's behalf.
 */
package dk.indgang.ui.counter;

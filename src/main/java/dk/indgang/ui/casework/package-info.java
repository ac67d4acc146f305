/**
 * The benefits centre's screens (role CASEWORKER): the inbox of the unit's cases and the case file,
 * with the case's verbs as buttons. Views only: the rules are the case aggregate's, reached through
 * {@link dk.indgang.casework.Cases} and {@link dk.indgang.casework.CaseFiles}.
 */
package dk.indgang.ui.casework;

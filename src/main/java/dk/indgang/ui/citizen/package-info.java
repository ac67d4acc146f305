/** The citizen's pages: the (test) login, the list of forms and drafts, and the wizard. */
package dk.indgang.ui.citizen;

/**
 * The form designer (role DESIGNER): the forms with their versions and status, the editor with a
 * structure view and the YAML source kept in sync, located problems, a preview with a test person,
 * the form's scenarios, and publishing with a plain-words diff.
 */
package dk.indgang.ui.designer;

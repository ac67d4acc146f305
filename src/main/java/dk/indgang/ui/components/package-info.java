/** Reusable Vaadin pieces: one input component per field type, and the address field. */
package dk.indgang.ui.components;

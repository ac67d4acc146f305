/**
 * The Vaadin views: thin, they render what the engine says and call the services of the other
 * modules. Nothing else depends on this package.
 */
package dk.indgang.ui;

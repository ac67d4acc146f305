/**
 * The Vaadin views: thin, they render what the engine says and call the services of the other
 * modules. Nothing else depends on this package.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessment",
            "assisted",
            "audit",
            "casework",
            "catalog",
            "definition",
            "design",
            "engine",
            "overview",
            "security",
            "submission"
        })
package dk.indgang.ui;

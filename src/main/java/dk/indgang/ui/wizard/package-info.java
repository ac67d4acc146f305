/**
 * The wizard: the route {@link dk.indgang.ui.wizard.WizardView} and the components it composes, each
 * a small Vaadin component that renders one concern and emits events — the step's fields
 * ({@link dk.indgang.ui.wizard.StepForm}, also the designer's preview), live register lookups, the
 * error summary, the stepper, warnings, the review page, the assessment and the done panel. What
 * differs when a caseworker files for a citizen comes in through one interface,
 * {@link dk.indgang.ui.wizard.AssistanceMode}, implemented by the citizen's and the counter's
 * packages; this package depends on neither.
 */
package dk.indgang.ui.wizard;

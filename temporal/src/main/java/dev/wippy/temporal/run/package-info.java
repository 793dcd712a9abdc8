/**
 * Running workflows and activities inside Temporal workers: the dynamic workflow whose workflow thread drives a
 * run of the workflow core, the operations that turn the run's requests into Temporal commands, the dynamic
 * activity, and how values and errors cross Temporal's payloads and failures.
 */
package dev.wippy.temporal.run;

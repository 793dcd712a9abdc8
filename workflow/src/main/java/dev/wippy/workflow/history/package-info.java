/**
 * History, the provider-neutral way: the events and commands of a run ({@link dev.wippy.workflow.history.HistoryEvent}),
 * their encoding, and {@link dev.wippy.workflow.history.HistoryRun}, which replays recorded steps, runs live steps
 * producing new records, and detects non-determinism (spec 05 §6 G10). Storage is the provider's business: this
 * package never touches a database.
 */
package dev.wippy.workflow.history;

/**
 * The embedded workflow provider: the {@code workflow.worker} kind, history and pending work in SQLite (WAL, one
 * transaction per step, group commit across workflows), timers and activity attempts as rows with due times on an
 * injectable clock, and the engine that runs steps, starts children, closes runs and recovers after a crash. It
 * uses the workflow core for everything that happens inside a run.
 */
package dev.wippy.workflow.embedded;

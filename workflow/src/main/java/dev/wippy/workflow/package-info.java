/**
 * Durable workflows (spec 05): the {@code workflow.lua} and {@code workflow.worker} kinds as a runtime extension.
 * {@link dev.wippy.workflow.core} runs workflow Lua deterministically and turns its operations into commands,
 * independent of storage; {@link dev.wippy.workflow.embedded} is the provider that keeps history in SQLite and
 * needs no server. The runtime core never imports this module.
 */
package dev.wippy.workflow;

/**
 * The live web console: pages served from the jar, snapshots of the runtime as JSON, live updates over Server-Sent
 * Events that never wait for a browser, and token-guarded, logged actions.
 */
package dev.wippy.observability.console;

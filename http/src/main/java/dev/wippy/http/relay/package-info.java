/**
 * Relays that hand a connection to processes (spec 07 §5.2, §5.3): the {@code sse_relay} middleware keeps a
 * Server-Sent-Events stream open after the handler returned, with a pseudo-process (PID on the service's host) that
 * processes send to; it joins, monitors and leaves a target process. Relays use the node's messaging only; they must
 * not run Lua.
 */
package dev.wippy.http.relay;

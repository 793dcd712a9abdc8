/**
 * Relays that hand a connection to processes (spec 07 §5.2, §5.3): {@code websocket_relay} turns a WebSocket
 * handshake whose handler named a target into a connection joined to that process, and {@code sse_relay} keeps a
 * Server-Sent-Events stream open after the handler returned. Each connection has a pseudo-process (a PID on the
 * service's host) that processes send to; it joins, monitors and leaves its target. Relays use the node's messaging
 * only; they must not run Lua.
 */
package dev.wippy.http.relay;

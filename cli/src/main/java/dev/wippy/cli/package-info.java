/**
 * The {@code wippy} command: parses the command line (picocli), configures logging, and hands everything else to
 * the runtime's application and the Lua engine's standalone runner. No runtime logic lives here.
 */
package dev.wippy.cli;

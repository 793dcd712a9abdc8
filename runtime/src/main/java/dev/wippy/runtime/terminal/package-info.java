/**
 * The {@code terminal.host} and the {@code io} module: one process at a time gets the runtime's standard input,
 * output, error and command-line arguments. Everything else is denied terminal I/O. This package must not decide
 * exit codes or shutdown; the application does.
 */
package dev.wippy.runtime.terminal;

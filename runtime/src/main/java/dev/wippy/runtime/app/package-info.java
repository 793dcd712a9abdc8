/**
 * A booted application: turns a loaded registry into a running node (compiled Lua entries, process and terminal
 * hosts, supervised services), runs a process on a terminal and shuts everything down gracefully. It owns the
 * boot pipeline's checks that need more than one entry (references, kinds); it must not parse YAML or know about
 * the command line.
 */
package dev.wippy.runtime.app;

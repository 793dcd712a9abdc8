/**
 * The JMH suite of the hot paths: messaging, spawning, Lua tables and calls, {@code funcs.call}. Compiled with the
 * module, run only by {@code bench/jmh.sh}. Each benchmark loops inside Lua (or inside a process) and reports time
 * per operation through {@code @OperationsPerInvocation}: a single operation is far shorter than a call from Java
 * into Lua or than starting a process, which would otherwise be what is measured.
 */
package dev.wippy.bench.jmh;

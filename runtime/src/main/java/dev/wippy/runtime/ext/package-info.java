/**
 * The extension interface: how a subsystem (queues, the environment, workflows, HTTP, SQL, the console) plugs into
 * the runtime. An {@link dev.wippy.runtime.ext.Extension} is found with {@link java.util.ServiceLoader}, declares
 * the entry kinds it runs, boots from the registry through a {@link dev.wippy.runtime.ext.Boot} (registering its
 * Lua modules) and returns a {@link dev.wippy.runtime.ext.Subsystem} that the application starts and stops in
 * order. The core never imports an extension; this package must not import any of them either.
 */
package dev.wippy.runtime.ext;

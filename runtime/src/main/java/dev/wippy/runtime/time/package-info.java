/**
 * The {@code time} module (spec 02 §5): Duration, Time and Location values, Go's duration syntax and reference
 * layouts, and the waiting operations {@code sleep}, {@code after}, timers and tickers. Everything pure lives here;
 * waiting and the clock go through a {@link dev.wippy.runtime.time.TimeHost}, so the context that runs the code
 * (a process, a function, later a workflow) decides what waiting and "now" mean.
 */
package dev.wippy.runtime.time;

package dev.wippy.bench;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Where the bytes of idle processes go: the JVM's class histogram of live objects, keeping the classes with at
 * least one instance per process, as bytes per process. Printed to stderr so that the figures on stdout stay
 * machine-readable.
 */
final class IdleHistogram {
    private IdleHistogram() {}

    static void print(int processes) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        System.err.printf("%10s %10s  %s%n", "bytes/proc", "objs/proc", "class");
        double total = 0;
        for (String line : histogram.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            long instances = Long.parseLong(f[1]);
            long bytes = Long.parseLong(f[2]);
            if (instances >= processes) {
                total += bytes / (double) processes;
                System.err.printf("%10.0f %10.1f  %s%n", bytes / (double) processes, instances / (double) processes,
                        f[3]);
            }
        }
        System.err.printf("%10.0f %10s  (classes with at least one instance per process)%n", total, "");
    }
}

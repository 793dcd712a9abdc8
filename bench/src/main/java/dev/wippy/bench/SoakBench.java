package dev.wippy.bench;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The soak test of bench/soak.sh: spawns and ends processes, streams messages and calls functions in waves in one
 * booted app, measures the live heap after each wave, writes the figures as CSV and a plot, and fails (exit status
 * 1) when the heap after the last wave is more than 10% above the heap after the first: what the runtime keeps of
 * finished work must not grow.
 *
 * <p>Usage: {@code SoakBench PROCESSES MESSAGES CALLS WAVES MINUTES CSV PNG}: the totals are spread over
 * {@code WAVES} waves, and waves of the same size go on until {@code MINUTES} have passed, so that a fast machine
 * still soaks for that long.
 */
public final class SoakBench {
    private static final double ALLOWED_GROWTH = 0.10;

    public static void main(String[] args) throws Exception {
        long processes = Long.parseLong(args[0]);
        long messages = Long.parseLong(args[1]);
        long calls = Long.parseLong(args[2]);
        int waves = Integer.parseInt(args[3]);
        long minNanos = (long) (Double.parseDouble(args[4]) * 60e9);
        Path csv = Path.of(args[5]);
        Path png = Path.of(args[6]);

        Application app = BenchApp.boot("soak-bench", SoakApp.files());
        HeapSampler heap = new HeapSampler();
        List<SoakSample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int wave = 1; wave <= waves || System.nanoTime() - t0 < minNanos; wave++) {
            int part = (wave - 1) % waves + 1;
            long p = share(processes, waves, part);
            long m = share(messages, waves, part);
            long c = share(calls, waves, part);
            runWave(app, p, m, c);
            SoakSample previous = samples.isEmpty() ? new SoakSample(0, 0, 0, 0, 0, 0) : samples.getLast();
            SoakSample s = new SoakSample(wave, (System.nanoTime() - t0) / 1e9, previous.processes() + p,
                    previous.messages() + m, previous.calls() + c, heap.liveBytes());
            samples.add(s);
            System.out.printf(Locale.ROOT, "wave %d: %.0f s, live heap %.1f MiB%n", wave, s.elapsedSeconds(),
                    s.heapMiB());
        }
        app.shutdown(Duration.ofSeconds(5));

        SoakSample first = samples.getFirst();
        SoakSample last = samples.getLast();
        String totals = String.format(Locale.ROOT, "%,d processes, %,d messages, %,d funcs.call in %d waves, %.0f s",
                last.processes(), last.messages(), last.calls(), samples.size(), last.elapsedSeconds());
        Files.createDirectories(csv.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>(List.of(SoakSample.CSV_HEADER));
        samples.forEach(s -> lines.add(s.csvLine()));
        Files.write(csv, lines);
        Files.createDirectories(png.toAbsolutePath().getParent());
        SoakPlot.write(samples, ALLOWED_GROWTH, totals, png);

        double growth = (double) last.heapBytes() / first.heapBytes() - 1;
        System.out.println(totals);
        System.out.printf(Locale.ROOT, "live heap after the first wave %.1f MiB, after the last %.1f MiB (%+.1f%%)%n",
                first.heapMiB(), last.heapMiB(), growth * 100);
        if (growth > ALLOWED_GROWTH) {
            System.out.printf(Locale.ROOT, "FAILED: the live heap grew by more than %.0f%%%n", ALLOWED_GROWTH * 100);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Wave {@code wave}'s part of {@code total}: equal parts, the remainder spread over the first waves. */
    private static long share(long total, int waves, int wave) {
        return total / waves + (wave <= total % waves ? 1 : 0);
    }

    private static void runWave(Application app, long processes, long messages, long calls) throws Exception {
        ExitResult r = app.run(app.target(SoakApp.WAVE, null),
                        List.of(Long.toString(processes), Long.toString(messages), Long.toString(calls)))
                .done().get(30, TimeUnit.MINUTES);
        if (r.isAbnormal()) {
            throw new IllegalStateException("a soak wave failed: " + r.error().fullText());
        }
    }
}

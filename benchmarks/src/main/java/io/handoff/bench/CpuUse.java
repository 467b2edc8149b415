package io.handoff.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU time goes during a phase: each service process, this JVM (which also runs
 * the broker, the SMTP server and the webhook receiver) and the rest (PostgreSQL, the kernel), read
 * from {@code /proc} as the processes' user and system time, and the part of each process's time that
 * its JIT compiler threads used.
 */
final class CpuUse {

    static final String OTHER = "other (PostgreSQL, kernel, ...)";

    /** USER_HZ: the unit of the times in {@code /proc}, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * CPU time so far, in ticks, of each named process, of its JIT compiler threads, and of the whole
     * machine (busy, all cores).
     */
    record Snapshot(long nanoTime, Map<String, Long> ticks, Map<String, Long> compilerTicks, long machineBusyTicks) {
    }

    /** CPU seconds per name over a period (of which the JIT compilers'), and the period's length. */
    record Period(double seconds, Map<String, Double> cpuSeconds, Map<String, Double> compilerSeconds) {

        /** Share of one core, in percent (200% is both cores of a two-core machine). */
        double percentOfCore(String name) {
            return 100 * cpuSeconds.get(name) / seconds;
        }

        /** The part of {@link #percentOfCore} that the process's JIT compiler threads used. */
        double compilerPercentOfCore(String name) {
            return 100 * compilerSeconds.getOrDefault(name, 0.0) / seconds;
        }

        double totalPercentOfCore() {
            return 100 * cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / seconds;
        }
    }

    private CpuUse() {
    }

    /** @param pids the processes to account for, by name */
    static Snapshot take(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> compilers = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            ticks.put(name, processTicks(pid));
            compilers.put(name, compilerTicks(pid));
        });
        return new Snapshot(System.nanoTime(), ticks, compilers, machineBusyTicks());
    }

    static Period between(Snapshot from, Snapshot to) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> compilerSeconds = new LinkedHashMap<>();
        long named = 0;
        for (String name : from.ticks().keySet()) {
            long used = to.ticks().get(name) - from.ticks().get(name);
            named += used;
            seconds.put(name, used / TICKS_PER_SECOND);
            // a compiler thread that ended between the snapshots takes its time with it: at least 0
            compilerSeconds.put(name, Math.max(0, to.compilerTicks().get(name) - from.compilerTicks().get(name))
                    / TICKS_PER_SECOND);
        }
        long other = (to.machineBusyTicks() - from.machineBusyTicks()) - named;
        seconds.put(OTHER, Math.max(0, other) / TICKS_PER_SECOND);
        return new Period((to.nanoTime() - from.nanoTime()) / 1e9, seconds, compilerSeconds);
    }

    /** utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}): every thread of the process. */
    private static long processTicks(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * utime + stime of the process's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2
     * CompilerThread1}, ..., whose names {@code /proc} cuts to 15 characters).
     */
    private static long compilerTicks(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        sum += ticks(task.resolve("stat"));
                    }
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return sum;
    }

    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** user + nice + system + irq + softirq of the first line of {@code /proc/stat}: all cores. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

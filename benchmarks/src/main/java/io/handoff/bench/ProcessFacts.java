package io.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux's {@code /proc} says about a process: its resident memory and when it started. */
final class ProcessFacts {

    /** The unit of the start time in {@code /proc/<pid>/stat}: USER_HZ, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");

    private ProcessFacts() {
    }

    /** Resident memory (VmRSS) in MiB, or -1 when the process is gone. */
    static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * When the process started, to a hundredth of a second: its age is the system's uptime now minus
     * its start time since boot (both in {@code /proc}, both in the same clock), taken from the wall
     * clock now. ({@code ProcessHandle.Info#startInstant} adds the boot time, which {@code /proc}
     * gives only in whole seconds.)
     */
    static Instant started(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            Instant now = Instant.now();
            String uptime = Files.readString(Path.of("/proc/uptime"));
            // the command name (field 2) may contain spaces; fields after it are space-separated from field 3 on
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedSecondsAfterBoot = Long.parseLong(fields[22 - 3]) / TICKS_PER_SECOND;
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return now.minus(Duration.ofNanos((long) ((upSeconds - startedSecondsAfterBoot) * 1e9)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the start time of process " + pid, e);
        }
    }

    /** The start-up time Quarkus logs ("started in 4.321s"), or null when the log does not say. */
    static Duration quarkusStartedIn(Path log) {
        try {
            Matcher matcher = QUARKUS_STARTED.matcher(Files.readString(log));
            return matcher.find() ? Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}

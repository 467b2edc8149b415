package io.handoff.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and ChromeDriver for browser tests. A fresh CI machine has neither, so
 * {@link #ensureInstalled()} installs them with {@code apt-get} (CI runs as root) and fails the test
 * with the reason when it cannot: a browser test never skips itself silently.
 *
 * <p>apt-get's output goes to standard output line by line, so it ends up in the test's log.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> INSTALL = List.of(
            "apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver");
    private static final List<String> UPDATE = List.of("apt-get", "update");
    private static final long APT_TIMEOUT_MINUTES = 15;

    private Chromium() {
    }

    /**
     * Returns once both {@link #BROWSER} and {@link #DRIVER} are there, installing Debian's
     * {@code chromium} and {@code chromium-driver} first when one is missing.
     *
     * @throws IllegalStateException when they are missing and cannot be installed, saying why
     */
    public static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException(missing() + " and only root can install it; run as root: "
                    + String.join(" ", INSTALL));
        }
        System.out.println("[chromium] " + missing() + "; installing Debian's chromium and chromium-driver");
        int exit = run(INSTALL);
        if (exit != 0) {
            // A fresh machine has no package lists yet; with them the same install can succeed.
            System.out.println("[chromium] apt-get install exited with " + exit + "; updating the package lists and trying again");
            int updated = run(UPDATE);
            if (updated != 0) {
                throw new IllegalStateException("apt-get update exited with " + updated
                        + " (its output is above); cannot install Chromium for the browser test");
            }
            exit = run(INSTALL);
        }
        if (exit != 0 || !installed()) {
            throw new IllegalStateException(missing() + " after " + String.join(" ", INSTALL) + " (exit "
                    + exit + "; its output is above)");
        }
        System.out.println("[chromium] installed " + BROWSER + " and " + DRIVER);
    }

    /**
     * Command-line switches for a headless Chromium that stays off the network (this machine's closed
     * network refuses Chromium's background connections) and keeps its profile in {@code userDataDir}.
     */
    public static List<String> headlessArguments(Path userDataDir) {
        return List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + userDataDir);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static String missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(BROWSER)) {
            absent.add(BROWSER.toString());
        }
        if (!Files.isExecutable(DRIVER)) {
            absent.add(DRIVER.toString());
        }
        return String.join(" and ", absent) + (absent.size() == 1 ? " is" : " are") + " not installed";
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs an apt-get command without a terminal, echoing its output; returns its exit code. */
    private static int run(List<String> command) {
        System.out.println("[chromium] $ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[apt-get] " + line);
                }
            }
            if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + APT_TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }
}

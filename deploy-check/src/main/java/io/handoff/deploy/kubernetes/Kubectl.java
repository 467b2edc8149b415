package io.handoff.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kubectl} that renders the Kustomize directories: the one on the PATH, else the one
 * {@code deploy/tools/ensure-kubectl} installs (Debian's kubernetes-client). Never absent without a
 * failure: a check that cannot render must not pass.
 */
public record Kubectl(Path executable) {

    /** Finds (or installs) kubectl with {@code deploy/tools/ensure-kubectl} of the repository at {@code root}. */
    public static Kubectl locate(Path root) {
        Result result = run(List.of(root.resolve("deploy/tools/ensure-kubectl").toString()), root, 600);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("deploy/tools/ensure-kubectl failed (" + result.exitCode() + "): " + result.stderr());
        }
        String path = result.stdout().strip();
        return new Kubectl(Path.of(path.substring(path.lastIndexOf('\n') + 1)));
    }

    /** {@code kubectl kustomize <directory>}: the YAML documents it renders. */
    public String kustomize(Path directory) {
        Result result = run(List.of(executable.toString(), "kustomize", directory.toString()), directory, 120);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kubectl kustomize " + directory + " failed (" + result.exitCode() + "): "
                    + result.stderr());
        }
        return result.stdout();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds) {
        try {
            // stderr to a file, so that neither pipe can fill up while the other is read.
            Path stderr = Files.createTempFile("kubectl", ".stderr");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr));
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

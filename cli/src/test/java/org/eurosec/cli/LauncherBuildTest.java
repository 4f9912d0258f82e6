package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./eurosec launcher rebuilds the jar without disturbing a Maven build running at the same time:
 * it never runs {@code clean}, builds into a private folder (-Deurosec.build.root) and moves the
 * finished jar into cli/target. The launcher runs for real in a copy of the project's layout, with a
 * stand-in {@code mvnw} that does what Maven would with the arguments it gets ({@code clean} empties the
 * modules' target/ folders; the build root decides where the jar is written) and a stand-in {@code java}.
 */
class LauncherBuildTest {

    private static final String FAKE_MVNW = """
            #!/usr/bin/env bash
            echo "$*" >> "$(dirname "$0")/mvnw.args"
            root=""
            for a in "$@"; do
              case "$a" in
                clean) rm -rf core/target cli/target ;;
                -Deurosec.build.root=*) root="${a#*=}" ;;
              esac
            done
            if [ -n "$root" ]; then
              mkdir -p "$root/eurosec-cli" "$root/eurosec-core"; echo fresh > "$root/eurosec-cli/eurosec.jar"
            else
              mkdir -p cli/target; echo fresh > cli/target/eurosec.jar
            fi
            """;

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            for a in "$@"; do [ "$a" = org.eurosec.cli.Main ] && { echo ran-main; exit 0; }; done
            exit 1
            """;

    /** The project's layout in {@code dir}/project with the launcher and the stand-in mvnw, and the stand-in java in {@code dir}/bin. */
    private static Path project(Path dir) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.copy(Path.of("..", "eurosec"), project.resolve("eurosec"));
        executable(project.resolve("eurosec"), null);
        executable(project.resolve("mvnw"), FAKE_MVNW);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("java"), FAKE_JAVA);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        for (String d : new String[] {"app", "store", "server", "data", "regimes", "scenarios", "cli/src"}) {
            Files.createDirectories(project.resolve(d));
        }
        return project;
    }

    /** Runs the launcher in {@code project} with the stand-in java first on the PATH; returns what it printed. */
    private static String launch(Path project) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("eurosec").toString(), "validate").directory(project.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", project.resolveSibling("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A fresh clone (no cli/target yet) is built by its first run only: the second finds the jar fresh. */
    @Test
    void aFreshCloneIsBuiltOnce(@TempDir Path dir) throws Exception {
        Path project = project(dir);
        assertThat(launch(project)).contains("building the jar").contains("ran-main");
        assertThat(launch(project)).doesNotContain("building the jar").contains("ran-main");
        assertThat(Files.readAllLines(project.resolve("mvnw.args"))).hasSize(1);
    }

    @Test
    void rebuildLeavesTheModulesTargetFoldersAlone(@TempDir Path dir) throws Exception {
        Path project = project(dir);
        // A Maven build in progress: its compiled classes and an old jar.
        Path classes = Files.createDirectories(project.resolve("core/target/classes"));
        Files.writeString(classes.resolve("Compiled.class"), "in use by another build");
        Path jar = Files.createDirectories(project.resolve("cli/target")).resolve("eurosec.jar");
        Files.writeString(jar, "stale");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Files.writeString(project.resolve("data/meta.yaml"), "changed: after the jar\n");

        assertThat(launch(project)).contains("building the jar").contains("ran-main");

        String args = Files.readString(project.resolve("mvnw.args"));
        assertThat(args).doesNotContain("clean").contains("-Deurosec.build.root=").contains("package");
        assertThat(classes.resolve("Compiled.class")).as("another build's output").exists();
        assertThat(Files.readString(jar)).isEqualToIgnoringWhitespace("fresh");
        try (Stream<Path> left = Files.list(project)) {
            assertThat(left.filter(f -> Files.isDirectory(f) && f.getFileName().toString().startsWith(".eurosec-build")))
                    .as("the private build folder is removed").isEmpty();
        }
    }

    private static void executable(Path f, String text) throws IOException {
        if (text != null) {
            Files.writeString(f, text);
        }
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package org.eurosec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --regimes-dir, for the commands that read regimes (read through {@link Options#regimesDir()}). */
final class RegimesDirOption {

    @Option(names = "--regimes-dir", paramLabel = "DIR",
            description = "Read regimes from DIR (every *.yaml in it) instead of the regimes embedded in the build.")
    Path regimesDir;
}

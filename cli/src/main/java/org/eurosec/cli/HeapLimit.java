package org.eurosec.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The heap ceiling a long-running {@code serve} should have. The {@code eurosec} launcher gives every
 * command {@code -Xmx512m} (its {@link #DEFAULT_MIB}); a jar's manifest cannot set heap options, so
 * {@code java -jar eurosec.jar serve} runs with the JVM's own default, a quarter of the machine's
 * memory, and a server that is never short of heap lets its resident memory grow to that. When no
 * heap option was given and the ceiling is above the default, serve says so once at its start, with
 * the command that sets one.
 */
final class HeapLimit {

    static final long DEFAULT_MIB = 512;

    private HeapLimit() {
    }

    /** Whether one of the JVM's arguments sets the heap ceiling (or the share of memory it is computed from). */
    static boolean explicit(List<String> jvmArguments) {
        return jvmArguments.stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.startsWith("-xmx") || a.startsWith("-xx:maxheapsize=")
                || a.startsWith("-xx:maxrampercentage=") || a.startsWith("-xx:maxramfraction=") || a.startsWith("-xx:maxram="));
    }

    /** The warning to print for a JVM started with {@code jvmArguments} whose heap ceiling is {@code maxBytes}; empty when none is due. */
    static Optional<String> warning(List<String> jvmArguments, long maxBytes) {
        long mib = maxBytes / (1024 * 1024);
        if (explicit(jvmArguments) || maxBytes == Long.MAX_VALUE || mib <= DEFAULT_MIB) {
            return Optional.empty();
        }
        return Optional.of("eurosec: serve runs with the JVM's default heap ceiling of " + mib + " MiB (no -Xmx given), so its memory may grow to that;"
                + " start it through ./eurosec (-Xmx" + DEFAULT_MIB + "m) or as java -Xmx" + DEFAULT_MIB + "m -jar eurosec.jar serve");
    }

    /** The warning for this JVM. */
    static Optional<String> warning() {
        return warning(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory());
    }
}

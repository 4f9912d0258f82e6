package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** serve warns of a heap ceiling above the launcher's only when none was asked for. */
class HeapLimitTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void warnsOfTheJvmsDefaultCeilingOnly() {
        assertThat(HeapLimit.warning(List.of(), 6144 * MIB)).hasValueSatisfying(w -> assertThat(w).contains("6144 MiB").contains("-Xmx512m"));
        assertThat(HeapLimit.warning(List.of("-Dfile.encoding=UTF-8"), 1024 * MIB)).isPresent();
        // A ceiling asked for, whatever its size, is the user's choice.
        assertThat(HeapLimit.warning(List.of("-Xmx2g"), 2048 * MIB)).isEmpty();
        assertThat(HeapLimit.warning(List.of("-XX:MaxHeapSize=4g"), 4096 * MIB)).isEmpty();
        assertThat(HeapLimit.warning(List.of("-XX:MaxRAMPercentage=50"), 4096 * MIB)).isEmpty();
        // The JVM's default on a small machine is within the launcher's.
        assertThat(HeapLimit.warning(List.of(), 512 * MIB)).isEmpty();
        assertThat(HeapLimit.warning(List.of(), 256 * MIB)).isEmpty();
    }
}

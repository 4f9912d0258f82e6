package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/** The snapshot the build makes of the embedded data and regimes is the YAML load, value for value and in the same order. */
class DataSnapshotTest {

    private static final Path DATA = Path.of("..", "data");
    private static final Path REGIMES = Path.of("..", "regimes");

    @Test
    void theBuildsSnapshotEqualsTheRepositorysYaml() {
        Optional<DataSnapshot.Contents> snapshot = EmbeddedData.snapshot();
        assertThat(snapshot).as("the build (process-classes) writes " + DataSnapshot.RESOURCE).isPresent();
        Architecture yaml = ArchitectureLoader.load(DATA, "data");
        assertThat(snapshot.get().architecture()).isEqualTo(yaml);
        assertThat(snapshot.get().architecture().toString()).isEqualTo(yaml.toString());
        Map<String, Regime> regimes = RegimeLoader.load(REGIMES, "regimes", yaml);
        assertThat(snapshot.get().regimes()).contains(regimes);
        assertThat(snapshot.get().regimes().orElseThrow().toString()).isEqualTo(regimes.toString());
        assertThat(EmbeddedData.load()).isEqualTo(yaml);
        assertThat(EmbeddedData.regimes(EmbeddedData.load())).isEqualTo(regimes);
    }

    @Test
    void writingAndReadingBackKeepsEveryValueAndOrder() throws Exception {
        Architecture yaml = ArchitectureLoader.load(DATA, "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataSnapshot.write(new DataSnapshot.Contents(yaml, Optional.empty()), out);
        DataSnapshot.Contents read = DataSnapshot.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.regimes()).isEmpty();
        Architecture back = read.architecture();
        assertThat(back).isEqualTo(yaml);
        assertThat(back.toString()).isEqualTo(yaml.toString());
        assertThat(back.states().keySet()).containsExactlyElementsOf(yaml.states().keySet());
        assertThat(back.instruments().keySet()).containsExactlyElementsOf(yaml.instruments().keySet());
    }

    @Test
    void somethingElseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataSnapshot.read(new ByteArrayInputStream("states: []\n".getBytes())))
                .hasMessageContaining("not a eurosec data snapshot");
    }
}

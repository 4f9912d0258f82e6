package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.junit.jupiter.api.Test;

/** The snapshot the build makes of the embedded data is the YAML load, value for value and in the same order. */
class DataSnapshotTest {

    private static final Path DATA = Path.of("..", "data");

    @Test
    void theBuildsSnapshotEqualsTheRepositorysYaml() {
        Optional<Architecture> snapshot = EmbeddedData.snapshot();
        assertThat(snapshot).as("the build (process-classes) writes " + DataSnapshot.RESOURCE).isPresent();
        Architecture yaml = ArchitectureLoader.load(DATA, "data");
        assertThat(snapshot.get()).isEqualTo(yaml);
        assertThat(snapshot.get().toString()).isEqualTo(yaml.toString());
        assertThat(EmbeddedData.load()).isEqualTo(yaml);
    }

    @Test
    void writingAndReadingBackKeepsEveryValueAndOrder() throws Exception {
        Architecture yaml = ArchitectureLoader.load(DATA, "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataSnapshot.write(yaml, out);
        Architecture back = DataSnapshot.read(new ByteArrayInputStream(out.toByteArray()));
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

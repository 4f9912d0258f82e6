package org.eurosec.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The declared parameters, the typed records and the regimes README say the same: each parameter
 * the engine reads is a component of its kind's record, each component is such a parameter, and the
 * README's table is the one generated from the declarations.
 */
class ProvisionTermsRecordsTest {

    private static String camel(String key) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    @Test
    void everyReadParameterIsAComponentOfItsKindsRecordAndNoComponentIsUndeclared() {
        Map<Class<?>, Set<String>> declaredByRecord = new java.util.HashMap<>();
        for (ProvisionKind k : ProvisionKind.values()) {
            Class<?> type = ProvisionTerms.of(k, Map.of()).getClass();
            assertThat(type.isRecord()).isTrue();
            Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
            for (ProvisionParameters.Param p : ProvisionParameters.read(k)) {
                if (p.type() == ProvisionParameters.Type.DEFENCE) {
                    Set<String> defence = new HashSet<>(Arrays.stream(DefenceTerms.class.getRecordComponents()).map(RecordComponent::getName).toList());
                    assertThat(defence).as(k.id() + " " + p.key()).contains(camel(p.key()));
                    continue;
                }
                assertThat(components).as(k.id() + " params." + p.key() + " in " + type.getSimpleName()).contains(camel(p.key()));
                declaredByRecord.computeIfAbsent(type, x -> new TreeSet<>()).add(camel(p.key()));
            }
        }
        for (Class<?> type : ProvisionTerms.class.getPermittedSubclasses()) {
            Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
            assertThat(declaredByRecord.getOrDefault(type, Set.of())).as(type.getSimpleName()).isEqualTo(components);
        }
    }

    @Test
    void theRegimesReadmeTableIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(Path.of("..", "regimes", "README.md"));
        assertThat(readme).as("regimes/README.md must contain the table ProvisionParameters.markdownTable() generates")
                .contains(ProvisionParameters.markdownTable());
    }

    @Test
    void everyKindRefusesAnUnknownKeyAndNamesTheKnownOnes() {
        for (ProvisionKind k : ProvisionKind.values()) {
            assertThat(ProvisionParameters.problem(k, "no_such_key", true)).get().asString()
                    .startsWith("unknown parameter 'no_such_key' for kind " + k.id() + "; known: ").contains("unconfirmed");
            ProvisionParameters.of(k).forEach(p -> assertThat(ProvisionParameters.unknownKey(k, p.key())).isEmpty());
        }
    }
}

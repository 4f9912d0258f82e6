package org.eurosec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eurosec.model.Event;
import org.junit.jupiter.api.Test;

/** The scenario engine cannot pass over an event: every permitted event type has exactly one handler. */
class EventHandlersTest {

    @Test
    void eventIsSealedAndEveryPermittedTypeHasAHandler() {
        assertThat(Event.class.isSealed()).isTrue();
        Set<Class<?>> permitted = Arrays.stream(Event.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertThat(permitted).isNotEmpty();
        Set<Class<?>> handled = Set.copyOf(EventHandlers.handled());
        assertThat(handled).isEqualTo(permitted);
    }
}

package org.eurosec.mechanism;

/** Who acts in an exercise: a state's delegation, the depositary (secretariat), an observer, or the clock. */
public sealed interface Actor permits Actor.Delegation, Actor.Depositary, Actor.Observer, Actor.Clock {

    /** {@code delegation:RUS}, {@code depositary}, {@code observer}, {@code clock}. */
    String id();

    record Delegation(String state) implements Actor {
        public String id() {
            return "delegation:" + state;
        }
    }

    record Depositary() implements Actor {
        public String id() {
            return "depositary";
        }
    }

    record Observer() implements Actor {
        public String id() {
            return "observer";
        }
    }

    /** Deadlines passing: the only actor that is no one. */
    record Clock() implements Actor {
        public String id() {
            return "clock";
        }
    }

    static Actor parse(String id) {
        if (id.startsWith("delegation:")) {
            return new Delegation(id.substring("delegation:".length()));
        }
        return switch (id) {
            case "depositary" -> new Depositary();
            case "observer" -> new Observer();
            case "clock" -> new Clock();
            default -> throw new IllegalArgumentException("unknown actor '" + id + "'");
        };
    }
}

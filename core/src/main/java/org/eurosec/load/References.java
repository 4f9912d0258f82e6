package org.eurosec.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Organisation;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionParameters;
import org.eurosec.model.State;

/**
 * References between files (a member's state, a rule's provision, an option's condition), recorded
 * where they are read and resolved once every file is read, so the order of files does not matter.
 */
final class References {

    enum Kind { STATE, ORGANISATION, INSTRUMENT, PROVISION }

    private record Ref(Kind kind, String id, String file, int line, String context) {
    }

    /** An option's {@code set_params} for one provision, checked against the provision's kind once every provision is read. */
    private record SetParams(String provision, Map<String, Object> params, String file, int line, String context) {
    }

    private final List<Ref> refs = new ArrayList<>();
    private final List<SetParams> setParams = new ArrayList<>();
    /** The conditions the provisions' {@code params.conditions} name, and the references to them. */
    private final Set<String> conditions = new HashSet<>();
    private final List<Ref> conditionRefs = new ArrayList<>();

    void add(Kind kind, String id, String file, int line, String context) {
        refs.add(new Ref(kind, id, file, line, context));
    }

    void state(String id, String file, int line, String context) {
        add(Kind.STATE, id, file, line, context);
    }

    void organisation(String id, String file, int line, String context) {
        add(Kind.ORGANISATION, id, file, line, context);
    }

    void instrument(String id, String file, int line, String context) {
        add(Kind.INSTRUMENT, id, file, line, context);
    }

    void provision(String id, String file, int line, String context) {
        add(Kind.PROVISION, id, file, line, context);
    }

    /** A condition a provision defines (in its {@code params.conditions}). */
    void conditionDefined(String condition) {
        conditions.add(condition);
    }

    /** A reference to a condition, which some provision must define. */
    void condition(String id, String file, int line, String context) {
        conditionRefs.add(new Ref(Kind.PROVISION, id, file, line, context));
    }

    /** Parameters set for a provision, checked against its kind once it is known. */
    void setParams(String provision, Map<String, Object> params, String file, int line, String context) {
        setParams.add(new SetParams(provision, params, file, line, context));
    }

    /** Checks what was read so far against a loaded architecture plus {@code extra} instruments (a regime's). */
    void resolveAgainst(List<Problem> problems, Architecture base, Map<String, Instrument> extra) {
        Map<String, Instrument> all = new TreeMap<>(base.instruments());
        all.putAll(extra);
        base.instruments().values().forEach(i -> i.provisions().forEach(p -> p.defence().ifPresent(d -> conditions.addAll(d.conditions()))));
        resolve(problems, base.states(), base.organisations(), all);
    }

    /** Every reference must name something read; every problem is added to {@code problems}. */
    void resolve(List<Problem> problems, Map<String, State> states, Map<String, Organisation> orgs, Map<String, Instrument> instruments) {
        Map<String, Provision> provisions = new HashMap<>();
        instruments.values().forEach(i -> i.provisions().forEach(p -> provisions.put(p.id(), p)));
        for (SetParams sp : setParams) {
            Provision p = provisions.get(sp.provision());
            if (p == null) {
                continue; // reported as an unknown provision below
            }
            sp.params().forEach((k, v) -> ProvisionParameters.problem(p.kind(), k, v).ifPresent(msg -> problems.add(new Problem(sp.file(),
                    sp.line(), sp.context() + " set_params." + p.id() + ": " + msg))));
        }
        for (Ref r : refs) {
            boolean known = switch (r.kind()) {
                case STATE -> states.containsKey(r.id());
                case ORGANISATION -> orgs.containsKey(r.id());
                case INSTRUMENT -> instruments.containsKey(r.id());
                case PROVISION -> provisions.containsKey(r.id());
            };
            if (!known) {
                problems.add(new Problem(r.file(), r.line(), r.context() + ": unknown "
                        + r.kind().name().toLowerCase(Locale.ROOT) + " id '" + r.id() + "'"));
            }
        }
        for (Ref r : conditionRefs) {
            if (!conditions.contains(r.id())) {
                problems.add(new Problem(r.file(), r.line(), r.context() + ": condition '" + r.id()
                        + "' appears in no provision's params.conditions"));
            }
        }
    }
}

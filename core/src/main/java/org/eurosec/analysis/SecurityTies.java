package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.PartySpell;
import org.eurosec.engine.Snapshot;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.jgrapht.Graph;
import org.jgrapht.graph.SimpleGraph;

/**
 * The undirected graph of ties between states on one day (a JGraphT {@link SimpleGraph}): vertices
 * are the given states, an edge joins two of them when a tie of the chosen kind links them. Each
 * edge keeps the provisions and the organisations or instruments that make it, and whether the
 * obligation runs both ways.
 */
public final class SecurityTies {

    private SecurityTies() {
    }

    /** One tie between two states, with what makes it. Identity equality, as JGraphT edges need. */
    public static final class Tie {
        private final String a;
        private final String b;
        private final Set<String> through = new TreeSet<>();
        private final Set<String> provisions = new TreeSet<>();
        private boolean aToB;
        private boolean bToA;

        Tie(String a, String b) {
            this.a = a;
            this.b = b;
        }

        public String a() {
            return a;
        }

        public String b() {
            return b;
        }

        /** The organisations (or, where none, instruments) whose provisions make the tie. */
        public Set<String> through() {
            return Set.copyOf(through);
        }

        public Set<String> provisions() {
            return Set.copyOf(provisions);
        }

        /** For defence ties: each is obliged to assist the other. Security-treaty ties are always mutual. */
        public boolean mutual() {
            return aToB && bToA;
        }

        @Override
        public String toString() {
            return a + (mutual() ? " <-> " : " -- ") + b + " " + through;
        }
    }

    /** The tie graph among {@code states} on {@code day}. */
    public static Graph<String, Tie> graph(SnapshotBuilder builder, Snapshot snap, Collection<String> states, TieKind kind) {
        Graph<String, Tie> g = new SimpleGraph<>(null, null, false);
        Set<String> in = new TreeSet<>(states);
        in.forEach(g::addVertex);
        LocalDate day = snap.day();
        if (kind == TieKind.DEFENCE) {
            for (String beneficiary : in) {
                for (GuaranteeGroup gg : snap.guaranteesOf(beneficiary)) {
                    for (String guarantor : gg.guarantorIds()) {
                        if (in.contains(guarantor) && !guarantor.equals(beneficiary)) {
                            Tie t = tie(g, guarantor, beneficiary);
                            t.through.add(gg.throughId());
                            t.provisions.add(gg.provision().id());
                            if (t.a.equals(guarantor)) {
                                t.aToB = true;
                            } else {
                                t.bToA = true;
                            }
                        }
                    }
                }
            }
            return g;
        }
        for (Instrument i : builder.architecture().instruments().values()) {
            if (i.legalForce() != LegalForce.BINDING || !i.inForceOn(day)) {
                continue;
            }
            List<String> linking = new ArrayList<>();
            for (Provision p : i.provisions()) {
                boolean kindLinks = p.kind().canGuarantee() || p.kind() == ProvisionKind.INDIVISIBILITY;
                if (kindLinks && i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)) {
                    linking.add(p.id());
                }
            }
            if (linking.isEmpty()) {
                continue;
            }
            Map<String, PartySpell> parties = new TreeMap<>(builder.partiesOn(i.id(), day));
            parties.keySet().retainAll(in);
            List<String> ids = new ArrayList<>(parties.keySet());
            for (int x = 0; x < ids.size(); x++) {
                for (int y = x + 1; y < ids.size(); y++) {
                    Tie t = tie(g, ids.get(x), ids.get(y));
                    String via = parties.get(ids.get(x)).via();
                    t.through.add(via.equals(parties.get(ids.get(y)).via()) ? via : i.id());
                    t.provisions.addAll(linking);
                    t.aToB = true;
                    t.bToA = true;
                }
            }
        }
        return g;
    }

    private static Tie tie(Graph<String, Tie> g, String x, String y) {
        Tie t = g.getEdge(x, y);
        if (t == null) {
            String a = x.compareTo(y) < 0 ? x : y;
            String b = a.equals(x) ? y : x;
            t = new Tie(a, b);
            g.addEdge(a, b, t);
        }
        return t;
    }
}

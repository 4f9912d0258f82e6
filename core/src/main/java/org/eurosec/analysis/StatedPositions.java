package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eurosec.model.Architecture;
import org.eurosec.model.Organisation;
import org.eurosec.model.Positions;
import org.eurosec.model.Positions.Statement;

/**
 * The actors' positions on the brief's four questions as of a day (each actor's latest statement
 * per question), and what follows for a regime: who would accept it, who would block an OSCE
 * consensus (any participating State whose stated position contradicts one of the regime's
 * answers), and which combination of the four answers the fewest would block. An actor with no
 * statement is unknown, never counted as agreeing.
 */
public final class StatedPositions {

    private StatedPositions() {
    }

    /**
     * An actor's position on a question: its latest statement, or, when asked, its organisation's.
     * {@code supersedes}: the actor's most recent earlier statement on the question that gave another
     * answer, which the latest one replaces (the latest statement is what counts).
     */
    public record Held(String actor, String question, Statement statement, Optional<String> inheritedFrom, Optional<Statement> supersedes) {
        public String answer() {
            return statement.answer();
        }
    }

    public enum Stance { ACCEPTS, NO_OBJECTION_KNOWN, BLOCKS, UNKNOWN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What an actor's positions say about a set of answers: its objections and agreements. For the
     * proposer of a regime read as accepting its own proposal, the objections its statements would
     * raise are {@code setAside} and it accepts.
     */
    public record Verdict(String actor, Stance stance, List<Held> objections, List<Held> agreements, List<Held> setAside) {
    }

    /** One combination of the four answers and who would block it. */
    public record Variant(Map<String, String> answers, List<String> blockers) {
    }

    /**
     * Positions held on {@code day} by {@code actors} (states or organisations), question by question.
     * With {@code inherit}, a state with no statement of its own on a question takes the answer of the
     * organisations it belongs to that day, if those that spoke agree.
     */
    public static Map<String, Map<String, Held>> on(Architecture a, LocalDate day, Collection<String> actors, boolean inherit) {
        Map<String, Map<String, Held>> own = latest(a.positions(), day);
        Map<String, Map<String, Held>> out = new TreeMap<>();
        for (String actor : actors) {
            Map<String, Held> m = new TreeMap<>(own.getOrDefault(actor, Map.of()));
            if (inherit && a.state(actor).isPresent()) {
                for (Positions.Question q : a.positions().questions()) {
                    if (m.containsKey(q.id())) {
                        continue;
                    }
                    Held found = null;
                    boolean conflict = false;
                    for (Organisation o : a.organisations().values()) {
                        boolean member = o.members().stream().anyMatch(x -> x.actor().equals(actor) && x.span().contains(day)
                                && x.status() == org.eurosec.model.MembershipStatus.MEMBER);
                        Held h = own.getOrDefault(o.id(), Map.of()).get(q.id());
                        if (member && h != null) {
                            conflict |= found != null && !found.answer().equals(h.answer());
                            found = found == null ? h : found;
                        }
                    }
                    if (found != null && !conflict) {
                        m.put(q.id(), new Held(actor, q.id(), found.statement(), Optional.of(found.actor()), found.supersedes()));
                    }
                }
            }
            out.put(actor, m);
        }
        return out;
    }

    private static Map<String, Map<String, Held>> latest(Positions p, LocalDate day) {
        Map<String, Map<String, Held>> out = new TreeMap<>();
        Comparator<Statement> order = Comparator.comparing(Statement::date).thenComparing(s -> s.strength() == Positions.Strength.STATED);
        for (Statement s : p.statements()) {
            if (s.date().isAfter(day)) {
                continue;
            }
            Map<String, Held> m = out.computeIfAbsent(s.actor(), k -> new TreeMap<>());
            Held h = m.get(s.question());
            if (h == null || order.compare(s, h.statement()) > 0) {
                m.put(s.question(), new Held(s.actor(), s.question(), s, Optional.empty(), Optional.empty()));
            }
        }
        // What each latest statement replaces: the most recent earlier one on the question with another answer.
        for (Statement s : p.statements()) {
            if (s.date().isAfter(day)) {
                continue;
            }
            Held h = out.get(s.actor()).get(s.question());
            if (s != h.statement() && !s.answer().equals(h.answer()) && order.compare(s, h.statement()) < 0
                    && (h.supersedes().isEmpty() || order.compare(s, h.supersedes().get()) > 0)) {
                out.get(s.actor()).put(s.question(), new Held(h.actor(), h.question(), h.statement(), h.inheritedFrom(), Optional.of(s)));
            }
        }
        return out;
    }

    /** Each actor's verdict on a set of answers (question id to answer). */
    public static List<Verdict> judge(Map<String, Map<String, Held>> held, Map<String, String> answers) {
        return judge(held, answers, Optional.empty());
    }

    /**
     * Each actor's verdict on a regime's answers, {@code proposer} (the state that proposed the
     * regime, when the reading says a proposer accepts its own proposal) accepting it: the objections
     * its statements would raise are kept as set aside.
     */
    public static List<Verdict> judge(Map<String, Map<String, Held>> held, Map<String, String> answers, Optional<String> proposer) {
        List<Verdict> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Held>> e : held.entrySet()) {
            List<Held> objections = new ArrayList<>();
            List<Held> agreements = new ArrayList<>();
            for (Map.Entry<String, String> q : answers.entrySet()) {
                Held h = e.getValue().get(q.getKey());
                if (h == null || h.answer().equals(Positions.OPEN)) {
                    continue;
                }
                (h.answer().equals(q.getValue()) ? agreements : objections).add(h);
            }
            if (proposer.isPresent() && proposer.get().equals(e.getKey())) {
                out.add(new Verdict(e.getKey(), Stance.ACCEPTS, List.of(), List.copyOf(agreements), List.copyOf(objections)));
                continue;
            }
            boolean allKnown = answers.keySet().stream().allMatch(q -> e.getValue().containsKey(q));
            Stance s = !objections.isEmpty() ? Stance.BLOCKS : e.getValue().isEmpty() ? Stance.UNKNOWN
                    : allKnown ? Stance.ACCEPTS : Stance.NO_OBJECTION_KNOWN;
            out.add(new Verdict(e.getKey(), s, List.copyOf(objections), List.copyOf(agreements), List.of()));
        }
        return List.copyOf(out);
    }

    /** All combinations of the questions' answers, fewest blockers among {@code held}'s actors first. */
    public static List<Variant> variants(List<Positions.Question> questions, Map<String, Map<String, Held>> held) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Positions.Question q : questions) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String ans : q.answers()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(q.id(), ans);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Variant> out = new ArrayList<>();
        for (Map<String, String> c : combos) {
            List<String> blockers = judge(held, c).stream().filter(v -> v.stance() == Stance.BLOCKS).map(Verdict::actor).toList();
            out.add(new Variant(java.util.Collections.unmodifiableMap(c), blockers));
        }
        out.sort(Comparator.comparingInt((Variant v) -> v.blockers().size()));
        return List.copyOf(out);
    }
}

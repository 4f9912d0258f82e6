package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The blocs the binding ties between states draw on a day: groups in which every state is tied to
 * every other (a bloc), the connected systems those blocs form, the states tied to no one (the
 * buffer zone) and the states that sit in several blocs.
 */
public interface BlocAnalysis {

    /** Blocs among the states of {@code universe} on {@code day}; {@link Unknown} outside the data. */
    BlocResult blocs(LocalDate day, Universe universe, TieKind ties);

    sealed interface BlocResult permits Blocs, Unknown {
        LocalDate day();
    }

    /** The data says nothing about the day. */
    record Unknown(LocalDate day, String message) implements BlocResult {
    }

    /**
     * @param states     the states considered (the universe that day)
     * @param ties       how many pairs are tied
     * @param blocs      maximal groups of two or more states each tied to every other, largest first
     * @param systems    connected groups of tied states (two or more), largest first: blocs that share
     *                   a member, or are chained by a tie, form one system
     * @param buffer     states tied to no one
     * @param inSeveral  each state in more than one bloc, with the labels of its blocs
     */
    record Blocs(LocalDate day, TieKind kind, List<String> states, int ties, List<Bloc> blocs, List<Bloc> systems,
            List<String> buffer, Map<String, List<String>> inSeveral) implements BlocResult {
    }

    /**
     * A group of states. {@code label} names what ties it (the organisations or instruments shared by
     * every tie inside it, else the most frequent ones); {@code through} counts ties per organisation
     * or instrument; {@code provisions} are the provisions behind its ties.
     */
    record Bloc(String label, List<String> members, Map<String, Integer> through, List<String> provisions) {
    }
}

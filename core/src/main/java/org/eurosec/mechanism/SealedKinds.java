package org.eurosec.mechanism;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The concrete kinds of a sealed hierarchy, for dispatch tables that must cover every one. */
public final class SealedKinds {

    private SealedKinds() {
    }

    /** Every concrete class permitted under {@code root}, directly or through sealed sub-interfaces. */
    public static <T> List<Class<? extends T>> of(Class<T> root) {
        List<Class<? extends T>> out = new ArrayList<>();
        collect(root, root, out);
        return out;
    }

    private static <T> void collect(Class<T> root, Class<?> c, List<Class<? extends T>> out) {
        if (!c.isSealed()) {
            out.add(c.asSubclass(root));
            return;
        }
        for (Class<?> sub : c.getPermittedSubclasses()) {
            collect(root, sub, out);
        }
    }

    /**
     * A dispatch table: {@code handlers} keyed by the kind each handles ({@code kindOf}), one per
     * concrete kind of {@code root}, checked when it is built (a kind twice or a kind missing fails,
     * naming it, so a new kind without a handler stops the program at once, never silently).
     */
    @SafeVarargs
    public static <R, H> Map<Class<? extends R>, H> table(Class<R> root, String name, Function<H, Class<? extends R>> kindOf, H... handlers) {
        Map<Class<? extends R>, H> m = new LinkedHashMap<>();
        for (H h : handlers) {
            if (m.put(kindOf.apply(h), h) != null) {
                throw new IllegalStateException(name + " has two handlers for " + kindOf.apply(h).getSimpleName());
            }
        }
        requireAll(root, m.keySet(), name);
        return Map.copyOf(m);
    }

    /**
     * Fails when {@code handled} misses a kind of {@code root}, naming the kinds missing.
     */
    public static <T> void requireAll(Class<T> root, java.util.Collection<? extends Class<?>> handled, String table) {
        List<String> missing = of(root).stream().filter(k -> !handled.contains(k)).map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(table + " has no handler for " + String.join(", ", missing));
        }
    }
}

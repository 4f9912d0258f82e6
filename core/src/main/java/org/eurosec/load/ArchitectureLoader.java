package org.eurosec.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Interpretation;
import org.eurosec.model.Organisation;
import org.eurosec.model.Positions;
import org.eurosec.model.Provenance;
import org.eurosec.model.Recognitions;
import org.eurosec.model.State;

/**
 * Reads a data directory ({@code meta.yaml}, {@code states.yaml}, {@code organisations/*.yaml},
 * {@code instruments/*.yaml}, {@code interpretations.yaml}, {@code recognitions.yaml},
 * {@code positions.yaml}) into an {@link Architecture}, checking every fact: a source on each, known
 * ids, spells that end after they start and do not overlap, and spells that fall within their
 * actor's existence. Either every check passes or the caller gets every problem, each with its file
 * and line.
 *
 * <p>Each kind of file has its reader ({@link MetaReader}, {@link StatesReader},
 * {@link OrganisationReader}, {@link InstrumentReader} with {@link ProvisionReader},
 * {@link InterpretationsReader}, {@link RecognitionsReader}, {@link PositionsReader}); they share a
 * {@link LoadContext} that collects problems and {@link References} between files, resolved here once
 * every file is read, followed by the {@link Existence} checks.
 */
public final class ArchitectureLoader {

    private ArchitectureLoader() {
    }

    /** Loads a directory, naming files in messages as {@code displayRoot/relative/path}. */
    public static Architecture load(Path dir, String displayRoot) {
        LoadContext ctx = new LoadContext(displayRoot);
        Optional<Architecture> result = read(ctx, dir);
        ctx.failIfProblems();
        return result.orElseThrow(() -> new DataException(List.of()));
    }

    /** Every problem in a directory; empty when it loads cleanly. */
    public static List<Problem> check(Path dir, String displayRoot) {
        try {
            load(dir, displayRoot);
            return List.of();
        } catch (DataException e) {
            return e.problems();
        }
    }

    private static Optional<Architecture> read(LoadContext ctx, Path dir) {
        if (!Files.isDirectory(dir)) {
            ctx.problems().add(new Problem(ctx.displayRoot(), 0, "not a data directory"));
            return Optional.empty();
        }
        Optional<MetaReader.Coverage> meta = new MetaReader(ctx).read(dir.resolve("meta.yaml"));
        Map<String, State> states = new LinkedHashMap<>();
        new StatesReader(ctx).read(dir.resolve("states.yaml"), states);
        Map<String, Organisation> orgs = new TreeMap<>();
        OrganisationReader organisations = new OrganisationReader(ctx);
        for (Path f : ctx.yamlFiles(dir.resolve("organisations"))) {
            organisations.read(f).ifPresent(o -> putUnique(ctx, orgs, o.id(), o, o.provenance()));
        }
        Map<String, Instrument> instruments = new TreeMap<>();
        InstrumentReader instrumentReader = new InstrumentReader(ctx);
        for (Path f : ctx.yamlFiles(dir.resolve("instruments"))) {
            instrumentReader.read(f).ifPresent(i -> putUnique(ctx, instruments, i.id(), i, i.provenance()));
        }
        Map<String, Interpretation> interpretations = new LinkedHashMap<>();
        Path interpretationsFile = dir.resolve("interpretations.yaml");
        if (Files.exists(interpretationsFile)) {
            new InterpretationsReader(ctx).read(interpretationsFile, interpretations);
        }
        Path recognitionsFile = dir.resolve("recognitions.yaml");
        Recognitions recognitions = Files.exists(recognitionsFile) ? new RecognitionsReader(ctx).read(recognitionsFile) : Recognitions.NONE;
        Path positionsFile = dir.resolve("positions.yaml");
        Positions positions = Files.exists(positionsFile) ? new PositionsReader(ctx).read(positionsFile) : Positions.NONE;
        ctx.references().resolve(ctx.acrossFiles(), states, orgs, instruments);
        Existence.check(ctx.acrossFiles(), ctx.beforeStatehood(), states, orgs, instruments);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Architecture(meta.get().from(), meta.get().factsCheckedThrough(), Collections.unmodifiableMap(states),
                Collections.unmodifiableMap(orgs), Collections.unmodifiableMap(instruments),
                Collections.unmodifiableMap(interpretations), recognitions, positions));
    }

    private static <T> void putUnique(LoadContext ctx, Map<String, T> map, String id, T value, Provenance at) {
        if (map.putIfAbsent(id, value) != null) {
            ctx.problems().add(new Problem(at.file(), at.line(), "id '" + id + "' is defined twice"));
        }
    }
}

package org.eurosec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.store.BadInput;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Journal;
import org.eurosec.store.JournalKey;
import org.eurosec.store.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "journal", description = "Read or verify an exercise's hash-chained, signed journal.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Show.class},
        footer = {"", "Examples:", "  eurosec journal verify ex-ab12cd", "  eurosec journal show ex-ab12cd"})
final class JournalCommand implements Runnable {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The exercise's journal checked a page at a time, or a one-line error naming the exercise. */
    static Exercises.JournalCheck verified(Options options, Database db, String id, JournalKey key, java.util.Set<Long> keep) {
        try {
            return ExerciseCommand.exercises(options, db).verifyJournal(id, key, keep);
        } catch (BadInput e) {
            throw new UserError(e.getMessage() + " in " + db.url() + " (`eurosec exercise list` shows them)");
        }
    }

    /** The exercise's journal as stored, or a one-line error naming the exercise. */
    static List<Journal.Entry> entries(Options options, Database db, String id) {
        try {
            return ExerciseCommand.exercises(options, db).journal(id);
        } catch (BadInput e) {
            throw new UserError(e.getMessage() + " in " + db.url() + " (`eurosec exercise list` shows them)");
        }
    }

    @Command(name = "verify",
            description = {"Check the hash chain and the entries' signatures: names every edited, removed, inserted or reordered entry.",
                    "With --receipts, also check receipts a delegation kept (JSON lines, as the API gave them): an entry missing, "
                        + "changed or moved since it was acknowledged is named, even if the whole chain was recomputed or cut short.",
                    "Exit 4 when the journal is not intact or a receipt is not honoured."},
                    footer = {"", "Examples:", "  eurosec journal verify ex-ab12cd", "  eurosec journal verify ex-ab12cd --receipts receipts.jsonl"})
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        RecordFormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE")
        String id;

        @Option(names = "--receipts", paramLabel = "FILE",
                description = "Receipts to hold the journal to: one JSON object a line ({\"exercise\", \"seq\", \"hash\", \"signature\", \"key_id\"}, or a whole 201 answer).")
        Path receiptsFile;

        @Option(names = "--public-key", paramLabel = "BASE64",
                description = "Check signatures against this public key (as GET .../journal/key gives it) instead of the server's key file.")
        String publicKey;

        @Override
        public Integer call() {
            List<Receipt> receipts = receiptsFile == null ? List.of() : readReceipts(receiptsFile);
            try (Database db = service.open()) {
                JournalKey key = publicKey != null ? JournalKey.ofPublic(publicKey) : db.key();
                // A page of the journal at a time (see Exercises.verifyJournal), keeping only the hashes of the receipts' entries.
                java.util.Set<Long> wanted = new java.util.HashSet<>();
                receipts.forEach(r -> wanted.add(r.seq()));
                Exercises.JournalCheck v = verified(options, db, id, key, wanted);
                long count = v.entries();
                String lastHash = v.lastHash();
                boolean lastSigned = v.lastSigned();
                List<String> problems = new ArrayList<>(v.problems());
                List<String> broken = Receipt.check(id, v.kept(), v.lastSeq(), receipts, key);
                problems.addAll(broken);
                PrintWriter out = spec.commandLine().getOut();
                if (options.format() == Format.JSON) {
                    Map<String, Object> m = Json.obj();
                    m.put("exercise", id);
                    m.put("entries", count);
                    m.put("key_id", key.id());
                    m.put("receipts", receipts.size());
                    m.put("receipts_honoured", receipts.size() - broken.size());
                    m.put("intact", problems.isEmpty());
                    m.put("problems", problems);
                    out.print(Json.write(m));
                } else {
                    out.println(id + ": " + count + " entries" + (receipts.isEmpty() ? "" : ", " + receipts.size() + " receipt(s)") + "; "
                            + (problems.isEmpty() ? "the chain is intact (last hash " + lastHash.substring(0, 16) + "...)"
                                    + (receipts.isEmpty() ? "" : " and every receipt is honoured") + (lastSigned
                                            ? "; signed by key " + key.id() : "; entries unsigned (written before signatures)")
                                    : "NOT intact:"));
                    problems.forEach(p -> out.println("  " + p));
                }
                return problems.isEmpty() ? 0 : 4;
            } catch (BadInput e) {
                throw new UserError((e.field().equals("public-key") ? "--public-key: " : "") + e.getMessage());
            }
        }

        /** The receipts in {@code file}, one JSON object a line (blank lines skipped); a bad line is a user error naming it. */
        static List<Receipt> readReceipts(Path file) {
            List<String> lines = UserFiles.text(file, "--receipts").lines().toList();
            List<Receipt> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    out.add(Receipt.fromJson(ActionCodec.JSON.readTree(lines.get(i))));
                } catch (IOException | BadInput e) {
                    throw new UserError("--receipts: " + file + " line " + (i + 1) + ": " + (e instanceof BadInput ? e.getMessage() : "not JSON"));
                }
            }
            return out;
        }
    }

    @Command(name = "show", description = "List the journal's entries.",
        footer = {"", "Examples:", "  eurosec journal show ex-ab12cd", "  eurosec journal show ex-ab12cd --format csv"})
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE")
        String id;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                Table t = new Table("seq", "at", "actor", "kind", "body", "hash");
                for (Journal.Entry e : entries(options, db, id)) {
                    t.row(e.seq(), e.atExercise(), e.actor(), e.kind(), e.body().length() > 100 ? e.body().substring(0, 97) + "..." : e.body(),
                            e.hash().substring(0, 12));
                }
                spec.commandLine().getOut().print(options.format() == Format.CSV ? t.csv() : t.text());
                return 0;
            }
        }
    }
}

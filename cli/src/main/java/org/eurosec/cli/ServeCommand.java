package org.eurosec.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eurosec.model.Architecture;
import org.eurosec.server.ApiServer;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve",
        description = {"Start the web page and the HTTP API on localhost:7070 (the analyses, exercises, their procedures and journals); stop with Ctrl-C.",
                "The API is described at /api/openapi.json. Exercises are created with `eurosec exercise new` or by the administrator over HTTP:",
                "on its first start on a database, serve prints the administrator's credential once."},
                footer = {"", "Examples:", "  eurosec serve", "  eurosec serve --port 8080 --db jdbc:postgresql://localhost/eurosec?user=eurosec"})
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;

    @Mixin
    ServiceOptions service;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", description = "The port (default 7070; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "A host name requests may be addressed to besides localhost, 127.0.0.1, ::1 and --host (e.g. the name behind a proxy). "
                    + "Requests for any other Host are refused (421), so a page on another site cannot reach this server by DNS rebinding.")
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(names = "--max-entries-in-memory", paramLabel = "N",
            description = "How many journal entries the exercises held in memory may have between them before the least recently used ones"
                    + " idle for 10 s are let go (read again from their snapshot when next used, or when a deadline of theirs passes)."
                    + " Default: a third of the heap's ceiling at about 450 bytes an entry (about 397,000 under the launcher's 512 MiB).")
    Long maxEntriesInMemory;

    /** A started server with what it holds open; {@link #close()} stops it and closes them. */
    record Started(ApiServer server, Exercises exercises, Database db) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            exercises.close();
            db.close();
        }
    }

    /**
     * Opens the database and starts the server. Today, for the analyses and for the exercises' real
     * time, comes from one clock: {@link Main}'s (the system's, or a fixed one in tests), so the page
     * and the API never read the machine's clock behind it.
     */
    Started start() {
        if (port < 0 || port > 65535) {
            throw new UserError("--port: " + port + " is not a port");
        }
        if (maxEntriesInMemory != null && maxEntriesInMemory < 0) {
            throw new UserError("--max-entries-in-memory: " + maxEntriesInMemory + " is not a number of entries (0 or more)");
        }
        Architecture base = options.architecture();
        Clock clock = options.clock();
        Database db = service.open();
        Exercises exercises = new Exercises(db, base, options.regimes(base), clock);
        if (maxEntriesInMemory != null) {
            exercises.memoryBudget(maxEntriesInMemory, Exercises.MIN_IDLE);
        }
        try {
            ApiServer server = new ApiServer(exercises, new org.eurosec.query.Eurosec(new org.eurosec.query.Eurosec.Sources(
                    java.util.Optional.ofNullable(options.data), java.util.Optional.ofNullable(options.regimesDir()), options.interpretations()), clock))
                    .allowHosts(allowHosts).start(host, port);
            return new Started(server, exercises, db);
        } catch (RuntimeException e) {
            exercises.close();
            db.close();
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        HeapLimit.warning().ifPresent(w -> {
            spec.commandLine().getErr().println(w);
            spec.commandLine().getErr().flush();
        });
        Started started = start();
        ApiServer server = started.server();
        Exercises exercises = started.exercises();
        Database db = started.db();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            stop.countDown();
        }));
        java.util.Optional<String> admin;
        try {
            admin = exercises.adminToken(false);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        if (admin.isPresent()) {
            spec.commandLine().getOut().println("eurosec: the administrator's credential (shown this once, stored only as a hash; "
                    + "for /api/admin and the page's admin view; `eurosec exercise admin-token --replace` makes a new one):");
            spec.commandLine().getOut().println(admin.get());
        }
        spec.commandLine().getOut().println("eurosec: serving http://" + host + ":" + server.port() + "/ (the page) and /api (database " + db.url() + "; journal key " + db.key().id() + ")");
        spec.commandLine().getOut().flush();
        stop.await();
        return 0;
    }
}

package org.eurosec.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;

/** A server in a process of its own, for the test that kills it: args are the JDBC URL, a file to write the port to and the journal key's file. */
public final class ServerProcessMain {

    private ServerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], Database.Settings.defaults().withKeyFile(Path.of(args[2])));
        Architecture base = EmbeddedData.load();
        ApiServer server = new ApiServer(new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC())).start("127.0.0.1", 0);
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, String.valueOf(server.port()));
        Files.move(tmp, Path.of(args[1]));
        Thread.currentThread().join();
    }
}

package org.eurosec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eurosec.load.Utf8Text;

/** Text files the user names on the command line, read strictly as UTF-8 (a leading byte-order mark taken off). */
final class UserFiles {

    private UserFiles() {
    }

    /**
     * The file's text. A file that cannot be read or is not UTF-8 is a {@link UserError} that begins
     * with {@code label} (the option, or nothing for an argument) and names the file and, for bytes
     * that are not UTF-8, the line.
     */
    static String text(Path file, String label) {
        String prefix = label.isEmpty() ? "" : label + ": ";
        try {
            return Utf8Text.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError(prefix + "cannot read " + file + ": " + e.getMessage());
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new UserError(prefix + file + ":" + e.where().line() + ": " + e.getMessage());
        }
    }

    /** The file's first line ("" for an empty file). */
    static String firstLine(Path file, String label) {
        return text(file, label).lines().findFirst().orElse("");
    }
}

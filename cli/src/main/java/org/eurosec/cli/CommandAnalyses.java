package org.eurosec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.server.Analyses;
import org.eurosec.store.BadInput;

/**
 * The server's analyses, run by the command line itself with {@code --format json}: the API and
 * the web page answer with exactly what {@code eurosec COMMAND --format json} prints. The
 * options every command shares ({@code --data}, {@code --regimes-dir}, {@code -I}) are passed
 * through from {@code serve}; the request's own {@code -I} choices come after them and so win.
 */
final class CommandAnalyses implements Analyses {

    private final List<String> shared;

    CommandAnalyses(List<String> shared) {
        this.shared = List.copyOf(shared);
    }

    @Override
    public String run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(shared);
        all.add("--format");
        all.add("json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        if (code == 0) {
            return out.toString();
        }
        String message = apiWords(err.toString());
        if (code == 1) {
            throw new IllegalStateException(message);
        }
        boolean aboutRequestFile = args.stream().anyMatch(a -> a.endsWith(".yaml") && a.contains("/") && message.contains(a));
        if (message.contains("problem(s); nothing was computed") && !aboutRequestFile) {
            // The server's own data or regimes are broken: not the request's fault (a broken uploaded
            // scenario is, and stays a 400). Each problem names its file and line.
            throw new BadInput(503, "data", message);
        }
        String first = message.lines().findFirst().orElse("");
        throw new BadInput(400, fieldOf(first), message.isEmpty() ? "the command failed (exit " + code + ")" : message);
    }

    /**
     * A command's message in the API's words: the usage text a terminal user gets is left out (it
     * lists options the API does not take), and an option is named as its query parameter
     * ("Missing required option: '--organisation=ID'" becomes "Missing required parameter: 'organisation'").
     */
    static String apiWords(String err) {
        String m = err.strip().replaceAll("(?m)^eurosec: ", "");
        int usage = m.indexOf("\nUsage:");
        if (usage >= 0) {
            m = m.substring(0, usage).strip();
        }
        java.util.regex.Matcher o = java.util.regex.Pattern.compile("'--([a-z][a-z-]*)(=[A-Z_.-]+)?'").matcher(m);
        StringBuilder sb = new StringBuilder();
        while (o.find()) {
            o.appendReplacement(sb, "'" + o.group(1).replace('-', '_') + "'");
        }
        o.appendTail(sb);
        // "--applicant: GEO does not exist on ..." → "applicant: GEO does not exist on ..."
        java.util.regex.Matcher lead = java.util.regex.Pattern.compile("(?m)^--([a-z][a-z-]*):").matcher(sb.toString());
        sb = new StringBuilder();
        while (lead.find()) {
            lead.appendReplacement(sb, lead.group(1).replace('-', '_') + ":");
        }
        lead.appendTail(sb);
        return sb.toString().replace("required option", "required parameter").replace("for option '", "for parameter '");
    }

    /** The query parameter a command's message is about, when it names an option (--date → date). */
    static String fieldOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:--|parameter:? '|^)([a-z][a-z_-]*)(?:'|:)").matcher(message);
        if (m.find()) {
            return m.group(1).replace('-', '_');
        }
        if (message.startsWith("unknown regime")) {
            return "regime";
        }
        return "query";
    }
}

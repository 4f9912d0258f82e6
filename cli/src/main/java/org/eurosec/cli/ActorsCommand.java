package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eurosec.analysis.RescanCoverage;
import org.eurosec.model.Architecture;
import org.eurosec.model.Organisation;
import org.eurosec.model.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "actors", mixinStandardHelpOptions = true,
        description = "The states and organisations that existed on a day, with their codes and memberships that day.")
final class ActorsCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class, description = "The day (default: the data's as-of date).")
    LocalDate date;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Architecture a = options.architecture();
        LocalDate day = date != null ? date : a.asOf();
        PrintWriter out = spec.commandLine().getOut();
        RescanCoverage c = RescanCoverage.of(a, options.reading(a));
        if (!a.covers(day)) {
            String msg = c.outside(day);
            if (options.format == Format.JSON) {
                out.print(Json.write(Json.unknown(day, msg)));
            } else {
                out.println(msg);
            }
            return 0;
        }
        Set<String> participants = c.participants(day);
        Table states = new Table("id", "iso3", "ccode", "name", "recognition", "tags", "osce", "memberships");
        List<Object> jsonStates = new ArrayList<>();
        for (State s : a.states().values()) {
            if (!s.existsOn(day) || s.tags().stream().anyMatch(exclude::contains)) {
                continue;
            }
            List<String> memberships = new ArrayList<>();
            for (Organisation o : a.organisations().values()) {
                o.members().stream().filter(m -> m.actor().equals(s.id()) && m.span().contains(day)).findFirst()
                        .ifPresent(m -> memberships.add(o.id() + (m.status().name().equals("MEMBER") ? "" : "(" + m.status().name().toLowerCase(java.util.Locale.ROOT) + ")")));
            }
            Object code = s.ccodeOn(day).isPresent() ? s.ccodeOn(day).getAsInt() : "";
            states.row(s.id(), s.iso3(), code, s.name(), s.recognition().name().toLowerCase(java.util.Locale.ROOT), String.join(",", s.tags()),
                    participants.contains(s.id()) ? "yes" : "no", String.join(" ", memberships));
            Map<String, Object> m = Json.obj();
            m.put("id", s.id());
            m.put("iso3", s.iso3());
            m.put("ccode", Json.code(s.ccodeOn(day)));
            m.put("name", s.name());
            m.put("recognition", s.recognition().name().toLowerCase(java.util.Locale.ROOT));
            m.put("tags", s.tags());
            m.put("osce_participant", participants.contains(s.id()));
            m.put("memberships", memberships);
            m.put("predecessors", s.predecessors());
            m.put("exists", s.exists().stream().map(e -> Json.span(e.span())).toList());
            jsonStates.add(m);
        }
        Table orgs = new Table("id", "name", "kind", "members");
        List<Object> jsonOrgs = new ArrayList<>();
        for (Organisation o : a.organisations().values()) {
            if (!o.exists().span().contains(day)) {
                continue;
            }
            long members = o.members().stream().filter(m -> m.span().contains(day) && m.status().name().equals("MEMBER")).count();
            orgs.row(o.id(), o.name(), o.kind(), members);
            Map<String, Object> m = Json.obj();
            m.put("id", o.id());
            m.put("name", o.name());
            m.put("kind", o.kind());
            m.put("member_count", members);
            jsonOrgs.add(m);
        }
        switch (options.format) {
            case JSON -> {
                Map<String, Object> root = Json.obj();
                root.put("as_of", day.toString());
                root.put("known", true);
                root.put("states", jsonStates);
                root.put("organisations", jsonOrgs);
                out.print(Json.write(root));
            }
            case CSV -> {
                Table t = new Table("type", "id", "iso3", "ccode", "name", "recognition", "tags", "osce", "memberships");
                for (Object o : jsonStates) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    t.row("state", m.get("id"), m.get("iso3"), m.get("ccode"), m.get("name"), m.get("recognition"),
                            String.join(";", (Set<String>) m.get("tags")), m.get("osce_participant"),
                            String.join(";", (List<String>) m.get("memberships")));
                }
                for (Object o : jsonOrgs) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    t.row("organisation", m.get("id"), "", "", m.get("name"), "", m.get("kind"), "", m.get("member_count") + " members");
                }
                out.print(t.csv());
            }
            default -> {
                out.println("States on " + day);
                out.print(states.text());
                out.println();
                out.println("Organisations on " + day);
                out.print(orgs.text());
            }
        }
        return 0;
    }
}

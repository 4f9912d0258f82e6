package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Event;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Organisation;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;

/** Military activities (prior notification, observation) and deployments on another state's territory. */
final class MilitaryEvents {

    private MilitaryEvents() {
    }

    static void activity(EngineRun r, int n, Event.MilitaryActivity m) {
        String what = "military activity of " + m.state() + " from " + m.starts() + " (" + m.troops() + " troops, "
                + m.battleTanks() + " battle tanks, " + m.acv() + " ACVs, " + m.artillery() + " artillery pieces)";
        boolean any = false;
        for (Provision p : r.provisions(ProvisionKind.CSBM_NOTIFICATION, m.on())) {
            ProvisionTerms.Thresholds t = r.terms(p, ProvisionTerms.Thresholds.class);
            if (t.thresholdTroops().isEmpty() || !r.parties(r.instrumentOf(p), m.on()).contains(m.state())) {
                continue;
            }
            any = true;
            List<String> over = over(t, m);
            Optional<Period> notice = t.noticeDays().isPresent() ? Optional.of(Period.ofDays((int) t.noticeDays().getAsLong())) : Optional.empty();
            LocalDate by = notice.map(x -> Deadlines.before(m.starts(), x)).orElse(m.starts());
            List<String> unconf = r.unconfirmed(p, "threshold_troops", "notice_days");
            if (over.isEmpty()) {
                r.add(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        "below every notification threshold (" + thresholds(t) + "): no prior notification required", unconf,
                        r.explain(p, m.on(), List.of()));
            } else if (m.notifiedOn().isPresent() && m.notifiedOn().get().isAfter(by)) {
                r.add(n, what, Finding.Effect.BREACHED, List.of(m.state()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                        "notification was due by " + by + " (" + notice.map(Deadlines::words).orElse("") + " before the start) because "
                                + String.join(", ", over) + "; it came on " + m.notifiedOn().get(), unconf, r.explain(p, m.on(), List.of()));
            } else {
                r.add(n, what, Finding.Effect.OBLIGED, List.of(m.state()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                        m.state() + " must notify all participating States by " + by + " (" + notice.map(Deadlines::words).orElse("")
                                + " before the start) because " + String.join(", ", over), unconf, r.explain(p, m.on(), List.of()));
            }
        }
        for (Provision p : r.provisions(ProvisionKind.OBSERVATION, m.on())) {
            ProvisionTerms.Thresholds t = r.terms(p, ProvisionTerms.Thresholds.class);
            if (t.thresholdTroops().isEmpty() || !r.parties(r.instrumentOf(p), m.on()).contains(m.state())) {
                continue;
            }
            any = true;
            List<String> over = over(t, m);
            List<String> unconf = r.unconfirmed(p, "threshold_troops", "threshold_battle_tanks");
            if (over.isEmpty()) {
                r.add(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        "below every observation threshold (" + thresholds(t) + "): no observers need be invited", unconf,
                        r.explain(p, m.on(), List.of()));
            } else {
                r.add(n, what, Finding.Effect.OBLIGED, List.of(m.state()), p, Optional.empty(), Optional.of(m.starts()), OptionalInt.empty(),
                        m.state() + " must invite observers from all participating States because " + String.join(", ", over), unconf,
                        r.explain(p, m.on(), List.of()));
            }
        }
        if (!any) {
            r.addPlain(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), "no notification or observation provision with thresholds binds "
                    + m.state() + " on " + m.on(), Explanation.of("no CSBM provision applies", List.of()));
        }
    }

    private static List<String> over(ProvisionTerms.Thresholds t, Event.MilitaryActivity m) {
        List<String> out = new ArrayList<>();
        check(out, t.thresholdTroops(), m.troops(), "troops");
        check(out, t.thresholdBattleTanks(), m.battleTanks(), "battle tanks");
        check(out, t.thresholdAcv(), m.acv(), "armoured combat vehicles");
        check(out, t.thresholdArtillery(), m.artillery(), "artillery pieces");
        return out;
    }

    private static void check(List<String> out, OptionalLong threshold, long value, String what) {
        if (threshold.isPresent() && value >= threshold.getAsLong()) {
            out.add(value + " " + what + " reach the threshold of " + threshold.getAsLong());
        }
    }

    private static String thresholds(ProvisionTerms.Thresholds t) {
        List<String> out = new ArrayList<>();
        t.thresholdTroops().ifPresent(v -> out.add(v + " troops"));
        t.thresholdBattleTanks().ifPresent(v -> out.add(v + " battle tanks"));
        t.thresholdAcv().ifPresent(v -> out.add(v + " ACVs"));
        t.thresholdArtillery().ifPresent(v -> out.add(v + " artillery pieces"));
        return String.join(", ", out);
    }

    static void deployment(EngineRun r, int n, Event.Deployment d) {
        String what = "deployment of " + d.troops() + " troops of " + d.state() + " on the territory of " + d.host()
                + (d.hostConsent() ? " with its consent" : " without its consent");
        boolean any = false;
        if (!d.hostConsent()) {
            for (Provision p : r.provisions(ProvisionKind.NON_USE_OF_FORCE, d.on())) {
                Instrument i = r.instrumentOf(p);
                if (i.legalForce() == LegalForce.BINDING && r.parties(i, d.on()).contains(d.state()) && r.parties(i, d.on()).contains(d.host())) {
                    any = true;
                    r.add(n, what, Finding.Effect.PROHIBITED, List.of(d.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            "stationing forces on another party's territory without its consent is contrary to " + p.id(), r.unconfirmed(p),
                            r.explain(p, d.on(), List.of()));
                }
            }
        }
        List<String> unchecked = new ArrayList<>();
        for (Provision p : r.provisions(ProvisionKind.DEPLOYMENT_LIMIT, d.on())) {
            Instrument i = r.instrumentOf(p);
            ProvisionTerms.DeploymentLimit t = r.terms(p, ProvisionTerms.DeploymentLimit.class);
            if (!r.parties(i, d.on()).contains(d.state())) {
                continue;
            }
            if (t.hostsJoinedAfter().isEmpty() || t.organisation().isEmpty()) {
                unchecked.add(p.id());
                continue;
            }
            LocalDate line = t.hostsJoinedAfter().get();
            String org = t.organisation().get();
            Organisation o = r.world.organisations().get(org);
            boolean hostIsNewMember = o != null && o.members().stream().anyMatch(m -> m.actor().equals(d.host()) && m.span().contains(d.on())
                    && m.span().from().isAfter(line));
            boolean hostOutside = o != null && o.members().stream().noneMatch(m -> m.actor().equals(d.host()) && m.span().contains(d.on()));
            boolean limited = hostIsNewMember || (hostOutside && t.includesNonMembers());
            any = true;
            r.add(n, what, limited ? Finding.Effect.PROHIBITED : Finding.Effect.NOT_REQUIRED, List.of(d.state()), p, Optional.empty(),
                    Optional.empty(), OptionalInt.empty(), limited
                            ? "no deployment on the territory of " + d.host() + ": " + (hostIsNewMember ? "it joined " + org + " after " + line
                                    : "it is not a member of " + org) + " (" + i.legalForce().id() + ")"
                            : d.host() + " was a member of " + org + " on " + line + ": the limit does not apply",
                    r.unconfirmed(p), r.explain(p, d.on(), List.of()));
        }
        if (!any) {
            r.addPlain(n, what, Finding.Effect.NOT_REQUIRED, List.of(d.state()), "no provision in force sets a limit the engine can apply to "
                    + "this deployment" + (unchecked.isEmpty() ? "" : "; limits stated in terms it cannot check (weapons, 'substantial' "
                    + "forces, intentions): " + String.join(", ", unchecked)), Explanation.of("no checkable deployment limit applies", List.of()));
        }
    }
}

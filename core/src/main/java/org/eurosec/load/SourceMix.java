package org.eurosec.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The kinds of source the data cites, by the domain of each {@code source:} URL. The rule is by
 * domain (see data/README.md, "Source classes"): a Wikipedia page or another encyclopedia is a
 * secondary source wherever it is cited, a treaty series or ministry is official, and so on. The
 * first matching rule wins; a domain no rule names is {@code other}.
 */
public final class SourceMix {

    /** Where a cited page comes from. */
    public enum SourceClass {
        /** Governments, parliaments, official gazettes and treaty series, depositaries, international organisations. */
        OFFICIAL,
        /** Scholarly editions, university and research institutes, archives and digital libraries. */
        SCHOLARLY,
        /** Newspapers, news agencies and magazines (including digitised old newspapers). */
        PRESS,
        /** Wikipedia, its mirrors and other encyclopedias: secondary, cited only where nothing better was found. */
        ENCYCLOPEDIA,
        /** Everything else: private sites, blogs, forums, document mirrors. */
        OTHER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One cited source: the URL, where it is cited, and its class. */
    public record Citation(String url, String file, int line, SourceClass kind) {
    }

    // Ordered: a more specific rule (a newspaper archive on a government domain) comes before a general one.
    private static final List<Map.Entry<String, SourceClass>> RULES = rules(
            SourceClass.PRESS, "paperspast.natlib.govt.nz", "rg.ru#official", "tass.com", "tass.ru", "itar-tass.com", "ria.ru",
            "interfax.com.ua", "interfax.ru", "interfax.com", "rferl.org", "reuters.com", "bbc.co.uk", "bbc.com", "theguardian.com",
            "irishtimes", "zeit.de", "nrc.nl", "derstandard.at", "ekathimerini.com", "euobserver.com", "kyivpost.com",
            "kyivindependent.com", "civil.ge", "rt.com", "sputnikglobe.com", "sputniknews", "lenta.ru", "ng.ru",
            "vedomosti.ru", "kommersant.ru", "trend.az", "panarmenian.net", "kavkaz-uzel.eu", "azertag.az", "belta.by",
            "bta.bg", "hina.hr", "astanatimes.com", "baltictimes.com", "thedailystar.net", "foreignaffairs.com",
            "deseret.com", "cbc.ca", "xinhuanet.com", "china.org.cn", "alarabiya.net", "pravda.ru", "dutchnews.nl",
            "expatica.com", "head-post.com", "eureporter.co", "georgiatimes.info", "ukrainianjournal.com", "ukrweekly.com",
            "lb.ua", "gazeta.ua", "glavnoe.in.ua", "b92.net", "telegrafi.com", "interia.pl", "delfi.ee", "news.lt",
            "elaph.com", "thenews.com.pk", "thefrontierpost.com", "twocircles.net", "topnews.in", "devdiscourse.com",
            "justthenews.com", "securityinfowatch.com", "presseportal.ch", "cyprusnews.eu", "girodivite.it",
            "italymagazine.com", "penzanews.ru", "regionsar.ru", "nakanune.ru", "newsdriver.ru", "narodinfo.ru",
            "vestikavkaza.ru", "news-pravda.com", "bruxelles2.eu", "stopfake.org", "fmgnews.info", "theasiatoday.org",
            "thenortheastaffairs.com", "diletant.media", "wikinews.org", "blaetter.de", "sanmarinortv.sm", "euractiv.com",
            "news.am", "armenpress.am", "apa.az", "ukrinform", "unian", "pap.pl", "ansa.it", "dw.com", "nytimes.com",
            "washingtonpost.com", "ft.com", "arcpublishing.com", "economist.com", "politico.eu", "reuters", "apnews.com",
            "time.com", "servimedia.es", "jungewelt.de", "regnum.ru", "asbarez.com", "imaeil.com", "radio.cz", "err.ee", "bnr.bg", "sta.si", "mia.mk", "souzveche.ru",
            "agenpress.it", "elperiodic.ad", "ca-news.info", "for-ua.com", "descopera.ro", "1news.az",
            SourceClass.ENCYCLOPEDIA, "wikipedia.org", "wikipedia.org.", "wikimili.com", "zxc.wiki", "academic.ru",
            "en-academic.com", "thefreedictionary.com", "newdu.com", "1slovar.ru", "memim.com", "britannica.com",
            "askwikinow.com", "kiwix", "vle.lt", "liquisearch.com#other",
            SourceClass.OFFICIAL, "un.org", "europa.eu", "nato.int", "coe.int", "cei.int", "osce.org", "odkb-csto.org",
            "odkb.gov.ru", "cis.minsk.by", "e-cis.info", "iacis.ru", "kremlin.ru", "mid.ru", "government.ru", "pravo.gov.ru",
            "publication.pravo.gov.ru", "admin.ch", "overheid.nl", "officielebekendmakingen.nl", "regjeringen.no",
            "bundestag.de", "bundesregierung.de", "auswaertiges-amt.de", "bpb.de", "gouv.fr", "gouvernement.lu",
            "parliament.uk", "legislation.gov.uk", "parlamento.pt", "senato.it", "vm.ee", "urm.lt", "am.gov.lv",
            "president.lv", "presidentti.fi", "formin.finland.fi", "finlex.fi", "valtioneuvosto.fi", "government.is", "njt.hu", "parlament.hu", "mnl.gov.hu", "psp.cz", "slov-lex.sk",
            "energycharter.org", "energy-community.org", "cbss.st", "bsec-organization.org", "guam-organization.org",
            "mfa-ks.net", "mfa.rsogov.org", "kazakhstanun.org", "turkmenistanun.org", "netherlandsandyou.nl",
            "franceintheus.org", "usembassy.it", "unric.org", "just.ro", "mfa.gov.md", "fao.org", "vestnesis.lv", "mvep.hr", "saeima.lv", "sabor.hr", "bundesarchiv.de", "state.gov", "state.gov.", "treaties.un.org", "gov", "govt", "gob", "gc.ca",
            "gv.at", "mfa", "president", "legislation", "zakon.rada.gov.ua", "rada.gov.ua", "sejm.gov.pl", "isap.sejm.gov.pl",
            "parlament.gv.at", "ris.bka.gv.at", "boe.es", "legifrance.gouv.fr", "gazzettaufficiale.it", "bgbl.de",
            "consilium.europa.eu", "eeas.europa.eu", "um.fi", "senat.fr", "arlis.am", "justice.md", "lrs.lt", "lrkt.lt", "zan.kz",
            "cvce.eu#scholarly",
            SourceClass.SCHOLARLY, "avalon.law.yale.edu", "edu", "ac.uk", "uni-rostock.de", "correlatesofwar.org",
            "atopdata.org", "qog.gu.se", "wilsoncenter.org", "fas.org", "jstor.org", "doi.org", "cambridge.org", "oup.com", "ouplaw.com",
            "tandfonline.com", "springer.com", "brill.com", "books.google", "hungaricana.hu", "uia.org", "jamestown.org",
            "cfr.org", "rusi.org", "atlanticcouncil.org", "sipri.org", "chathamhouse.org", "ulaval.ca", "hri.org",
            "wikisource.org#other", "archive.org#other", "researcher.life", "veblen-institute.org", "iiss.org",
            "armscontrol.org", "brookings.edu", "carnegieendowment.org", "osw.waw.pl", "swp-berlin.org", "ecfr.eu",
            "mprl.pl", "kylmasota.fi", "unirioja.es", "coldwar.hu", "adatbank.ro", "europeansources.info", "mruni.eu");

    private SourceMix() {
    }

    private static List<Map.Entry<String, SourceClass>> rules(Object... spec) {
        List<Map.Entry<String, SourceClass>> out = new ArrayList<>();
        SourceClass current = SourceClass.OTHER;
        for (Object o : spec) {
            if (o instanceof SourceClass c) {
                current = c;
            } else {
                String s = (String) o;
                int hash = s.indexOf('#');
                SourceClass kind = hash < 0 ? current : SourceClass.valueOf(s.substring(hash + 1).toUpperCase(Locale.ROOT));
                out.add(Map.entry(hash < 0 ? s : s.substring(0, hash), kind));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The class of a URL by its host: a rule matches the whole host, a dot-separated suffix of it
     * ({@code un.org} matches {@code treaties.un.org}), one dot-separated label of it ({@code gov}
     * matches {@code www.gov.pl}, {@code mfa} matches {@code www2.mfa.gr}), or a run of whole labels
     * within it ({@code books.google} matches {@code books.google.de}; {@code un.org} does not match
     * {@code fun.org.example}).
     */
    public static SourceClass classify(String url) {
        String host;
        try {
            host = URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            return SourceClass.OTHER;
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        List<String> labels = List.of(host.split("\\."));
        for (Map.Entry<String, SourceClass> r : RULES) {
            String d = r.getKey().replaceAll("\\.$", "");
            if (host.equals(d) || host.endsWith("." + d) || (!d.contains(".") && labels.contains(d))
                    || (d.contains(".") && ("." + host + ".").contains("." + d + "."))) {
                return r.getValue();
            }
        }
        return SourceClass.OTHER;
    }

    /** Every {@code source:} value in the YAML files under {@code dir}, with where it is cited. */
    public static List<Citation> citations(Path dir, String displayRoot) {
        List<Citation> out = new ArrayList<>();
        LoadContext loader = new LoadContext(displayRoot);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String shown = displayRoot + "/" + dir.relativize(f).toString().replace('\\', '/');
                loader.compose(f, shown).ifPresent(root -> collect(root, shown, out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The number of citations of each class, every class present (zero counts included). */
    public static Map<SourceClass, Integer> counts(List<Citation> citations) {
        Map<SourceClass, Integer> m = new EnumMap<>(SourceClass.class);
        for (SourceClass c : SourceClass.values()) {
            m.put(c, 0);
        }
        citations.forEach(c -> m.merge(c.kind(), 1, Integer::sum));
        return m;
    }

    /** The one-line summary {@code validate} prints and README.md quotes. */
    public static String summary(List<Citation> citations) {
        Map<SourceClass, Integer> m = counts(citations);
        StringBuilder b = new StringBuilder("sources: " + citations.size() + " citations (");
        for (SourceClass c : SourceClass.values()) {
            b.append(c.ordinal() == 0 ? "" : ", ").append(c.id()).append(' ').append(m.get(c));
        }
        return b.append(')').toString();
    }

    private static void collect(Node node, String file, List<Citation> out) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("source") && t.getValueNode() instanceof ScalarNode v) {
                    out.add(new Citation(v.getValue(), file, Nodes.line(v), classify(v.getValue())));
                } else {
                    collect(t.getValueNode(), file, out);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> collect(n, file, out));
        }
    }
}

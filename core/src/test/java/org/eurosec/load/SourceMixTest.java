package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.eurosec.load.SourceMix.SourceClass;
import org.junit.jupiter.api.Test;

/** The class of a cited page follows from its domain; a domain no rule names is "other". */
class SourceMixTest {

    @Test
    void ministriesParliamentsAndLegalRegistersAreOfficial() {
        // Finland's foreign ministry, the French Senate, Armenia's and Moldova's official legal
        // databases, Lithuania's parliamentary register of legal acts, Kazakhstan's legal database.
        for (String url : new String[] {
                "https://um.fi/tiedotteet/-/asset_publisher/x/content/y/35732",
                "https://senat.fr/rap/l95-049/l95-0494.html",
                "https://new.arlis.am/hy/acts/2884/print/act",
                "http://lex.justice.md/index.php?action=view&view=doc&lang=1&id=357324",
                "https://e-seimas.lrs.lt/portal/legalAct/lt/TAD/x",
                "https://adilet.zan.kz/rus/docs/Z000000001_",
                "https://www.parlament.hu/irom34/1265/1265.pdf"}) {
            assertThat(SourceMix.classify(url)).as(url).isEqualTo(SourceClass.OFFICIAL);
        }
        assertThat(SourceMix.classify("https://wetten.overheid.nl/BWBV0002009")).isEqualTo(SourceClass.OFFICIAL);
        // Spain's official gazette on the Spanish government's gob.es, and Canada's treaty series on the Government of Canada's gc.ca:
        // neither matched the "gov" label; a private site whose name merely contains the letters does not match either.
        assertThat(SourceMix.classify("https://boe.gob.es/buscar/doc.php?id=BOE-A-1976-22276&lang=es")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("https://www.treaty-accord.gc.ca/text-texte.aspx?id=101214")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("https://www.gobbler.example/x")).isEqualTo(SourceClass.OTHER);
        assertThat(SourceMix.classify("https://agc.ca.example.org/x")).isEqualTo(SourceClass.OTHER);
        // A rule of several labels matches whole labels only (it matched any text before: "un.org" in fun.org.example).
        assertThat(SourceMix.classify("https://fun.org.example/x")).isEqualTo(SourceClass.OTHER);
        assertThat(SourceMix.classify("https://books.google.de/books?id=1")).isEqualTo(SourceClass.SCHOLARLY);
        assertThat(SourceMix.classify("https://data.consilium.europa.eu/doc/document/ST-12594-2008-REV-2/en/pdf"))
                .isEqualTo(SourceClass.OFFICIAL);
    }

    @Test
    void newsAgenciesAndMagazinesArePressAndAUniversityPortalIsScholarly() {
        assertThat(SourceMix.classify("https://content.time.com/time/x.html")).isEqualTo(SourceClass.PRESS);
        assertThat(SourceMix.classify("https://www.servimedia.es/noticias/1")).isEqualTo(SourceClass.PRESS);
        assertThat(SourceMix.classify("https://www.jungewelt.de/artikel/1.html")).isEqualTo(SourceClass.PRESS);
        assertThat(SourceMix.classify("https://regnum.ru/news/1071837.html")).isEqualTo(SourceClass.PRESS);
        assertThat(SourceMix.classify("https://asbarez.com/x/")).isEqualTo(SourceClass.PRESS);
        assertThat(SourceMix.classify("https://www.vle.lt/straipsnis/x/")).isEqualTo(SourceClass.ENCYCLOPEDIA);
        assertThat(SourceMix.classify("https://dialnet.unirioja.es/servlet/articulo?codigo=1")).isEqualTo(SourceClass.SCHOLARLY);
    }

    @Test
    void publicBroadcastersAndAgenciesArePressGazettesAndMinistriesOfficialResearchCentresScholarly() {
        // Czech Radio, Estonian Public Broadcasting (ERR) and Bulgarian National Radio (BNR), the Slovenian,
        // Macedonian and an Italian press agency, an Andorran daily, a Central Asian, a Ukrainian and an
        // Azerbaijani news site, a Romanian history magazine, the
        // newspaper of the Parliamentary Assembly of the Union of Belarus and Russia.
        for (String url : new String[] {
                "https://cesky.radio.cz/pred-30-lety-se-ceskoslovensko-stalo-clenem-rady-evropy-8709924",
                "https://news.err.ee/1608123910/x",
                "https://bnr.bg/en/post/101078387/new-cei-secretary-general-visited-bulgaria",
                "https://www.agenpress.it/2025/05/16/x/",
                "https://www.elperiodic.ad/noticia/63825/x",
                "https://ca-news.info/2002/05/18/15",
                "https://for-ua.com/article/555765",
                "https://www.descopera.ro/istorie/15029946-x",
                "https://1news.az/news/20101228063237901-x",
                "https://english.sta.si/2527394/slovenia-observes-statehood-day",
                "https://www.mia.mk/en/Inside/RenderSingleNews/61/134444542",
                "https://www.souzveche.ru/news/98699/"}) {
            assertThat(SourceMix.classify(url)).as(url).isEqualTo(SourceClass.PRESS);
        }
        // Latvijas Vestnesis (Latvia's official gazette) and the Croatian foreign ministry's embassy pages.
        assertThat(SourceMix.classify("https://vestnesis.lv/ta/id/27248")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("http://al.mvep.hr/en/bilateral-relations/x/")).isEqualTo(SourceClass.OFFICIAL);
        // The CIS Interparliamentary Assembly, an organ of the CIS.
        assertThat(SourceMix.classify("http://iacis.ru/eng/pressroom/news/parliaments/x/")).isEqualTo(SourceClass.OFFICIAL);
        // The Saeima and the Sabor (the Latvian and Croatian parliaments) and Germany's Federal Archives (a federal agency).
        assertThat(SourceMix.classify("https://sabor.hr/index.php/en/about-parliament/x")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("https://bundesarchiv.de/themen-entdecken/x")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("https://21augusts.saeima.lv/en/about-21-august.html")).isEqualTo(SourceClass.OFFICIAL);
        // The Finnish Government (Valtioneuvosto) and the Constitutional Court of Lithuania.
        assertThat(SourceMix.classify("https://valtioneuvosto.fi/en/-/x")).isEqualTo(SourceClass.OFFICIAL);
        assertThat(SourceMix.classify("http://www.lrkt.lt/en/legal-information/x/365")).isEqualTo(SourceClass.OFFICIAL);
        // The Cold War History Research Center (Budapest), the Transylvanian Hungarian digital library
        // (Adatbank), European Sources Online (Cardiff University).
        assertThat(SourceMix.classify("http://coldwar.hu/chronologies/1945-1991/Chronology_1949.html")).isEqualTo(SourceClass.SCHOLARLY);
        assertThat(SourceMix.classify("https://udvardy.adatbank.ro/")).isEqualTo(SourceClass.SCHOLARLY);
        assertThat(SourceMix.classify("https://www.europeansources.info/record/x/?print")).isEqualTo(SourceClass.SCHOLARLY);
        // Mykolas Romeris University's journals (Vilnius).
        assertThat(SourceMix.classify("https://ojs.mruni.eu/ojs/jurisprudence/article/view/1047")).isEqualTo(SourceClass.SCHOLARLY);
    }

    @Test
    void mirrorsAndUnknownDomainsStayOther() {
        assertThat(SourceMix.classify("https://docslib.org/doc/1/x")).isEqualTo(SourceClass.OTHER);
        assertThat(SourceMix.classify("https://github.com/statengeneraal/laws-markdown")).isEqualTo(SourceClass.OTHER);
        assertThat(SourceMix.classify("https://forum.fi/thread/1")).isEqualTo(SourceClass.OTHER);
        assertThat(SourceMix.classify("not a url")).isEqualTo(SourceClass.OTHER);
    }
}

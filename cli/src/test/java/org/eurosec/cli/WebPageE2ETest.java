package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.server.ApiServer;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver; no browser is
 * downloaded), against a real server on a free port that runs the analyses and an exercise. Without
 * the browser the tests are skipped, unless EUROSEC_REQUIRE_BROWSER is set (CI sets it), in which
 * case its absence is a failure.
 */
class WebPageE2ETest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EUROSEC_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("EUROSEC_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "e2e");

    @TempDir
    static Path dir;

    static Database db;
    static Exercises exercises;
    static ApiServer server;
    static String base;
    static ChromeDriver browser;
    WebDriverWait wait;

    /** The server's today, fixed a month after the facts were last checked: the page must take today from the server, not the browser. */
    static final LocalDate CHECKED = EmbeddedData.load().factsCheckedThrough();
    static final LocalDate TODAY = CHECKED.plusDays(33);

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("EUROSEC_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("EUROSEC_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + DRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "no chromium / chromedriver: the browser tests are skipped");
        Architecture a = EmbeddedData.load();
        Map<String, Regime> regimes = EmbeddedData.regimes(a);
        db = Database.open(Database.defaultUrl(dir));
        exercises = new Exercises(db, a, regimes, Clock.systemUTC());
        server = new ApiServer(exercises, new org.eurosec.query.Eurosec(org.eurosec.query.Eurosec.Sources.embedded(),
                Clock.fixed(TODAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC))).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + "/";
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1050",
                "--lang=en-GB");
        // The browser's console is read after each test: a script error or a blocked load is a failure.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (exercises != null) {
            exercises.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static WebDriverWait stale(WebDriverWait w) {
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    @BeforeEach
    void waiter() {
        // A condition that reads elements while the page re-renders them (a table refreshed by a poll) may find one
        // replaced between the lookup and the read: that is "not yet", and the wait tries again. Without this, the
        // administrator test failed once on a landing run ("stale element reference") while checking revoked rows.
        wait = stale(new WebDriverWait(browser, Duration.ofSeconds(30)));
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
    }

    /**
     * No script errors and nothing blocked by the content policy. Refused API calls (a 4xx the test
     * provokes on purpose) are logged by the browser as failed loads and are not errors of the page.
     */
    @org.junit.jupiter.api.AfterEach
    void theConsoleIsClean() {
        List<String> severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> !m.matches("(?s).*/api/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .toList();
        assertThat(severe).isEmpty();
    }

    /** Opens the page and waits until the map shows the first day it asked for. */
    void open(String hash) {
        // Via a blank page, so that a new hash on the same page is a full load, not a hash change.
        browser.get("about:blank");
        browser.get(base + hash);
        wait.until(d -> !String.valueOf(js("return document.body.dataset.loaded || ''")).isEmpty());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void loaded(String prefix) {
        wait.until(d -> String.valueOf(js("return document.body.dataset.loaded || ''")).startsWith(prefix));
    }

    WebElement shape(String iso) {
        return browser.findElement(By.cssSelector("#map path[data-iso3='" + iso + "']"));
    }

    void shotQuietly(String name) {
        try {
            shot(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void shot(String name) throws Exception {
        js("window.scrollTo(0, 0)");
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSliderMovesTheMapTo2009WhereUkraineIsUncoveredAndPolandCovered() throws Exception {
        open("");
        // The slider, moved as a user drags it: the value changes and the browser fires input events.
        WebElement slider = browser.findElement(By.id("date-slider"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("1949-01-01"), LocalDate.parse("2008-12-01"));
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", slider, days);
        loaded("2008-12-01|status-quo");
        // Then by keyboard: Page Up moves it one year.
        slider.sendKeys(Keys.PAGE_UP);
        loaded("2009-12-01|status-quo");
        assertThat(browser.findElement(By.id("date-shown")).getText()).isEqualTo("2009-12-01");
        assertThat(slider.getAttribute("aria-valuetext")).isEqualTo("2009-12-01");

        // The slider's end is today by the server's clock (not the browser's); past the day the facts were
        // last checked the map answers from the facts as last checked (provisionally), so Ukraine, in no
        // alliance then, is not covered.
        slider.sendKeys(Keys.END);
        loaded(TODAY.toString());
        assertThat(shape("UKR").getAttribute("data-coverage")).isEqualTo("not-covered");
        WebElement typedDay = browser.findElement(By.id("date-input"));
        typedDay.clear();
        typedDay.sendKeys("2009-12-01", Keys.ENTER);
        loaded("2009-12-01|status-quo");
        // The status line links the API answer it summarises, and says what that answer says.
        String json = browser.findElement(By.cssSelector("#status a.json")).getAttribute("href");
        assertThat(json).isEqualTo(base + "api/coverage?date=2009-12-01&regime=status-quo");
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.URI.create(json).toURL());
        assertThat(browser.findElement(By.id("status")).getText())
                .contains(answer.get("covered_count").asInt() + " of " + answer.get("states").size() + " participating States covered");

        // A day that does not exist, typed in, is refused with a message; the map stays where it was.
        WebElement typed = browser.findElement(By.id("date-input"));
        typed.clear();
        typed.sendKeys("2009-02-30", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is not a day"));
        assertThat(String.valueOf(js("return document.body.dataset.loaded"))).startsWith("2009-12-01|");

        // Ukraine was in no alliance in 2009; Poland had been in NATO since 1999.
        assertThat(shape("UKR").getAttribute("data-coverage")).isEqualTo("not-covered");
        assertThat(shape("UKR").getAttribute("aria-label")).isEqualTo("Ukraine: not covered");
        assertThat(shape("POL").getAttribute("data-coverage")).isEqualTo("covered");
        assertThat(shape("POL").getAttribute("aria-label")).isEqualTo("Poland: covered");
        // Montenegro (NATO 2017) not yet; and Kosovo was not a participating State at all.
        assertThat(shape("MNE").getAttribute("data-coverage")).isEqualTo("not-covered");
        assertThat(shape("XKX").getAttribute("data-coverage")).isEqualTo("outside");
        // The two colours differ and both are in the legend.
        assertThat(shape("UKR").getAttribute("fill")).isNotEqualTo(shape("POL").getAttribute("fill"));
        assertThat(browser.findElement(By.id("legend")).getText()).contains("covered by a binding defence guarantee").contains("not covered");
        // North America is listed, not drawn.
        assertThat(browser.findElement(By.cssSelector("#north-america [data-iso3='USA']")).getAttribute("data-coverage")).isEqualTo("covered");
        // Coloured by bloc: the buffer is the states tied to no one, Ukraine among them, Poland not.
        new Select(browser.findElement(By.id("colour-by"))).selectByValue("bloc");
        loaded("2009-12-01|status-quo|bloc");
        assertThat(shape("UKR").getAttribute("data-status")).isEqualTo("buffer");
        assertThat(shape("POL").getAttribute("data-status")).startsWith("system ");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("buffer: tied to no one");
        new Select(browser.findElement(By.id("colour-by"))).selectByValue("coverage");
        loaded("2009-12-01|status-quo|coverage");

        // Finland, in the EU but not in NATO, is covered by Art. 42(7) TEU under the default reading (binds-all).
        assertThat(shape("FIN").getAttribute("data-coverage")).isEqualTo("covered");
        shape("UKR").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "Ukraine (UKR) on 2009-12-01"));
        WebElement details = browser.findElement(By.id("details-body"));
        wait.until(d -> details.findElements(By.id("details-coverage")).size() == 1);
        assertThat(details.findElement(By.id("details-coverage")).getAttribute("data-coverage")).isEqualTo("not-covered");
        // Its spells on that day: the OSCE and the CIS (left in 2018), each with its source.
        String text = details.getText();
        assertThat(text).contains("Organization for Security and Co-operation in Europe").contains("Commonwealth of Independent States").contains("2018-05-19");
        assertThat(details.findElements(By.cssSelector("table a[href^='http']"))).isNotEmpty();
        shot("map-2009.png");
    }

    /**
     * Where the places that bound Europe (Lisbon to the Urals, Crete to the North Cape) are on the
     * screen: [left, top, right, bottom]. The map's data projects them (tools/map/prepare-map.js); each
     * must lie inside the drawn shape of the state that holds it, so they are where the shapes put them.
     */
    @SuppressWarnings("unchecked")
    List<Number> europe() throws Exception {
        var places = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.URI.create(base + "api/map").toURL()).get("places");
        assertThat(places).as("the map's places").isNotNull();
        List<String> names = new java.util.ArrayList<>();
        places.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("lisbon", "urals", "crete", "north-cape");
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (String n : names) {
            var p = places.get(n);
            List<Number> at = (List<Number>) js("const path = document.querySelector(`#map g.states path[data-iso3='${arguments[0]}']`);"
                    + "const pt = new DOMPoint(arguments[1], arguments[2]); if (!path.isPointInFill(pt)) return null;"
                    + "const s = pt.matrixTransform(path.getScreenCTM()); return [s.x, s.y];",
                    p.get("state").asText(), p.get("x").asDouble(), p.get("y").asDouble());
            assertThat(at).as(p.get("name").asText() + " inside " + p.get("state").asText() + "'s shape").isNotNull();
            left = Math.min(left, at.get(0).doubleValue());
            right = Math.max(right, at.get(0).doubleValue());
            top = Math.min(top, at.get(1).doubleValue());
            bottom = Math.max(bottom, at.get(1).doubleValue());
        }
        return List.of(left, top, right, bottom);
    }

    /** Left, top, right, bottom of an element (or of the union of several) on the screen. */
    @SuppressWarnings("unchecked")
    List<Number> box(String selector) {
        return (List<Number>) js("const r = [...document.querySelectorAll(arguments[0])].map(e => e.getBoundingClientRect());"
                + "return [Math.min(...r.map(x => x.left)), Math.min(...r.map(x => x.top)), Math.max(...r.map(x => x.right)), Math.max(...r.map(x => x.bottom))];",
                selector);
    }

    @Test
    void thePageOpensOnTheWholeAreaWithEuropeLargeAndZoomsAboutTheViewsCentre() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            open("#date=2009-12-01");
            loaded("2009-12-01|status-quo|coverage");
            double height = ((Number) js("return window.innerHeight")).doubleValue();
            List<Number> map = box("#map");
            List<Number> states = box("#map g.states path");
            List<Number> europe = europe();
            // The whole area is in the window without scrolling: every state's shape inside the map, the map above the fold.
            assertThat(map.get(1).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(map.get(3).doubleValue()).isLessThanOrEqualTo(height);
            assertThat(states.get(0).doubleValue()).isGreaterThanOrEqualTo(map.get(0).doubleValue() - 1);
            assertThat(states.get(2).doubleValue()).isLessThanOrEqualTo(map.get(2).doubleValue() + 1);
            assertThat(states.get(1).doubleValue()).isGreaterThanOrEqualTo(map.get(1).doubleValue() - 1);
            assertThat(states.get(3).doubleValue()).isLessThanOrEqualTo(map.get(3).doubleValue() + 1);
            // Europe large: from Lisbon to the Urals at least half the map's width, in a map wider than tall
            // (the area is a band from Portugal to Chukotka; a square frame leaves a wide window's width unused).
            double mapWidth = map.get(2).doubleValue() - map.get(0).doubleValue();
            double mapHeight = map.get(3).doubleValue() - map.get(1).doubleValue();
            double europeWidth = europe.get(2).doubleValue() - europe.get(0).doubleValue();
            assertThat(europeWidth / mapWidth).as("Lisbon to the Urals, of the map's width").isGreaterThanOrEqualTo(0.5);
            assertThat(mapWidth / mapHeight).as("the map's width to its height").isGreaterThan(1.2);
            // The drawing fills its box: the states reach both sides of the map (the frame is their
            // bounding box), the map fills its figure's width, and the figure uses the window's height
            // (the map as large as the window allows, not a small square in a corner).
            assertThat((states.get(2).doubleValue() - states.get(0).doubleValue()) / mapWidth).isGreaterThanOrEqualTo(0.97);
            List<Number> figure = box("#map-figure");
            assertThat(mapWidth).isGreaterThanOrEqualTo(figure.get(2).doubleValue() - figure.get(0).doubleValue() - 20);
            assertThat(figure.get(3).doubleValue()).isGreaterThanOrEqualTo(height - 40).isLessThanOrEqualTo(height);
            assertThat(map.get(3).doubleValue() - map.get(1).doubleValue()).isGreaterThanOrEqualTo(0.6 * height);
            shot("map-whole-area.png");

            // The zoom buttons zoom about the centre of what is shown: that point stays where it is.
            browser.findElement(By.id("zoom-in")).click();
            wait.until(d -> ((Number) js("return d3.zoomTransform(document.getElementById('map')).k")).doubleValue() > 1.59);
            Thread.sleep(300); // the 200 ms transition ends
            @SuppressWarnings("unchecked")
            List<Number> t = (List<Number>) js("const s = document.getElementById('map'); const t = d3.zoomTransform(s); const v = s.viewBox.baseVal;"
                    + "return [t.x, t.y, t.k, v.x + v.width / 2, v.y + v.height / 2];");
            double k = t.get(2).doubleValue(), cx = t.get(3).doubleValue(), cy = t.get(4).doubleValue();
            assertThat(k).isCloseTo(1.6, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(t.get(0).doubleValue() + k * cx).isCloseTo(cx, org.assertj.core.api.Assertions.within(1.0));
            assertThat(t.get(1).doubleValue() + k * cy).isCloseTo(cy, org.assertj.core.api.Assertions.within(1.0));
            browser.findElement(By.id("zoom-reset")).click();
            wait.until(d -> ((Number) js("return d3.zoomTransform(document.getElementById('map')).k")).doubleValue() == 1.0);

            // The wheel too zooms about the centre of what is shown, wherever the pointer is (here near
            // the top left corner, over the Arctic): the centre stays where it is.
            @SuppressWarnings("unchecked")
            List<Number> w = (List<Number>) js("const s = document.getElementById('map'); const r = s.getBoundingClientRect();"
                    + "s.dispatchEvent(new WheelEvent('wheel', {deltaY: -400, deltaMode: 0, clientX: r.left + 15, clientY: r.top + 15, bubbles: true, cancelable: true}));"
                    + "const t = d3.zoomTransform(s); const v = s.viewBox.baseVal; return [t.x, t.y, t.k, v.x + v.width / 2, v.y + v.height / 2];");
            double wk = w.get(2).doubleValue();
            assertThat(wk).isGreaterThan(1.5);
            assertThat(w.get(0).doubleValue() + wk * w.get(3).doubleValue()).isCloseTo(w.get(3).doubleValue(), org.assertj.core.api.Assertions.within(1.0));
            assertThat(w.get(1).doubleValue() + wk * w.get(4).doubleValue()).isCloseTo(w.get(4).doubleValue(), org.assertj.core.api.Assertions.within(1.0));
            browser.findElement(By.id("zoom-reset")).click();
            wait.until(d -> ((Number) js("return d3.zoomTransform(document.getElementById('map')).k")).doubleValue() == 1.0);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1050));
        }
    }

    @Test
    void onAPhoneTheStatePanelFitsTheWidth() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("#date=2009-12-01&state=UKR");
            loaded("2009-12-01|status-quo");
            wait.until(d -> !d.findElements(By.cssSelector("#details-body table")).isEmpty());
            // Nothing wider than the window: no sideways scrolling, and the memberships table inside its panel.
            double width = ((Number) js("return document.documentElement.clientWidth")).doubleValue();
            assertThat(((Number) js("return document.documentElement.scrollWidth")).doubleValue()).isLessThanOrEqualTo(width);
            List<Number> panel = box("#details");
            List<Number> table = box("#details-body > table");
            assertThat(table.get(2).doubleValue()).isLessThanOrEqualTo(panel.get(2).doubleValue());
            // The panels follow the map and scroll with the page (no box scrolling inside the page).
            assertThat(js("const a = document.querySelector('.map-layout aside'); return a.scrollHeight <= a.clientHeight + 1")).isEqualTo(true);
            assertThat(browser.findElement(By.cssSelector("#details-body > table")).getText()).contains("Commonwealth of Independent States")
                    .contains("2018-05-19");
            // Every body and provision in the panel by its name, never by its id (the membership table's treaties too).
            assertThat(rawIds("#details-body")).isEmpty();
            js("document.querySelector('#details-body > h3:last-of-type').scrollIntoView()");
            Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SHOTS.resolve("phone-state.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1050));
        }
    }

    /**
     * Issue 15 point 8: at 1400x900, the state panel beside the map shows its membership table whole:
     * inside the panel, no cell cut off, nothing wider than the window; bodies, statuses and
     * guarantees in words.
     */
    @Test
    void atTheDesktopSizeTheStatePanelShowsItsMembershipTableWhole() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            open("#date=2009-12-01&state=UKR");
            loaded("2009-12-01|status-quo");
            wait.until(d -> !d.findElements(By.cssSelector("#details-body > table")).isEmpty());
            double width = ((Number) js("return document.documentElement.clientWidth")).doubleValue();
            assertThat(((Number) js("return document.documentElement.scrollWidth")).doubleValue()).isLessThanOrEqualTo(width);
            List<Number> panel = box("#details");
            List<Number> table = box("#details-body > table");
            assertThat(table.get(0).doubleValue()).isGreaterThanOrEqualTo(panel.get(0).doubleValue());
            assertThat(table.get(2).doubleValue()).isLessThanOrEqualTo(panel.get(2).doubleValue());
            // No cell of the table is cut: each shows all it holds.
            assertThat(js("return [...document.querySelectorAll('#details-body > table td, #details-body > table th')]"
                    + ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)")).asList().isEmpty();
            String memberships = browser.findElement(By.cssSelector("#details-body > table")).getText();
            assertThat(memberships).contains("Commonwealth of Independent States").contains("participant").contains("2018-05-19");
            assertThat(rawIds("#details-body")).isEmpty();
            assertThat(engineTerms(browser.findElement(By.id("details-body")).getText())).isEmpty();
            shot("desktop-state.png");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1050));
        }
    }

    @Test
    void theVetoApplicantIsAStateThatExistsOnTheDay() {
        // Georgia, the default applicant, did not exist in 1985: the page asks about the state that held
        // its territory, the USSR, and offers only the states of that day. No error.
        open("#date=1985-01-01&regime=status-quo&colour=veto&organisation=nato");
        loaded("1985-01-01|status-quo|veto|SUN|nato");
        assertThat(browser.findElements(By.cssSelector("#veto-body .error"))).isEmpty();
        assertThat(browser.findElement(By.id("veto-instead")).getText()).contains("Georgia does not exist on 1985-01-01");
        List<String> offered = new Select(browser.findElement(By.id("applicant"))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered).contains("SUN", "YUG", "POL").doesNotContain("GEO", "UKR", "HRV");
        assertThat(new Select(browser.findElement(By.id("applicant"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("SUN");
        // NATO had 16 members then (the twelve of 1949, Greece and Türkiye 1952, the Federal Republic 1955, Spain 1982).
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("16");
        assertThat(shape("GEO").getAttribute("data-status")).isEqualTo("applicant");
        // Back in 2009 the choice is Georgia again.
        WebElement typed = browser.findElement(By.id("date-input"));
        typed.clear();
        typed.sendKeys("2009-12-01", Keys.ENTER);
        loaded("2009-12-01|status-quo|veto|GEO|nato");
        assertThat(browser.findElements(By.id("veto-instead"))).isEmpty();
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("28");
        // The provision that gives the right to block, by its name.
        assertThat(browser.findElement(By.id("veto-list")).getText()).contains("North Atlantic Treaty (Washington Treaty), Art. 10");
        assertThat(rawIds("#veto-body")).isEmpty();
    }

    /** The legend's entries of the current colouring: label and the colour of its swatch as the browser draws it. */
    @SuppressWarnings("unchecked")
    List<List<String>> legend() {
        return (List<List<String>>) js("return [...document.querySelectorAll('#legend li')].map(li =>"
                + " [li.textContent.trim(), getComputedStyle(li.querySelector('.swatch')).backgroundColor]);");
    }

    @Test
    void everyLegendSaysWhatItShowsInWordsAndOppositeColoursStayApartForEveryColourVision() {
        String rawId = ".*\\b[a-z0-9]+(-[a-z0-9]+){2,}\\b.*|.*\\b(nato|eu|csto|mixed)\\b.*";
        Map<String, List<String[]>> opposites = new java.util.LinkedHashMap<>();
        for (String colouring : List.of("coverage", "bloc", "level", "veto")) {
            open("#date=2009-12-01&regime=status-quo&colour=" + colouring + "&applicant=GEO&organisation=nato");
            loaded("2009-12-01|status-quo|" + colouring);
            List<List<String>> entries = legend();
            assertThat(entries).as(colouring).hasSizeGreaterThanOrEqualTo(3);
            for (List<String> e : entries) {
                assertThat(e.get(0)).as(colouring + " legend").doesNotMatch(rawId);
            }
            java.util.function.Function<String, List<List<String>>> like = re -> entries.stream().filter(e -> e.get(0).matches(re)).toList();
            List<String[]> pairs = new java.util.ArrayList<>();
            java.util.function.BiConsumer<String, String> pair = (a, b) -> {
                assertThat(like.apply(a)).as(colouring + ": " + a).isNotEmpty();
                assertThat(like.apply(b)).as(colouring + ": " + b).isNotEmpty();
                for (List<String> x : like.apply(a)) {
                    for (List<String> y : like.apply(b)) {
                        pairs.add(new String[] {x.get(0), x.get(1), y.get(0), y.get(1)});
                    }
                }
            };
            switch (colouring) {
                case "coverage" -> pair.accept("covered by a binding defence guarantee", "not covered");
                case "bloc" -> pair.accept("system \\d.*", "buffer.*");
                case "level" -> pair.accept("no binding guarantee", "\\d+ binding guarantees?");
                default -> {
                    pair.accept("applicant: Georgia", "may block the accession");
                    pair.accept("applicant: Georgia", "cannot block");
                    pair.accept("may block the accession", "cannot block");
                }
            }
            opposites.put(colouring, pairs);
        }
        // The systems are named by what ties them, in words.
        open("#date=2009-12-01&regime=status-quo&colour=bloc");
        loaded("2009-12-01|status-quo|bloc");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("North Atlantic Treaty Organization").contains("Collective Security Treaty");
        // Opposite categories: CIEDE2000 of at least 20 between their colours, to normal vision and as
        // simulated for protanopia, deuteranopia and tritanopia (Machado et al. 2009).
        for (var e : opposites.entrySet()) {
            for (String[] p : e.getValue()) {
                for (ColourVision.Vision v : ColourVision.Vision.values()) {
                    assertThat(ColourVision.distance(p[1], p[3], v)).as(e.getKey() + ": '" + p[0] + "' " + p[1] + " against '" + p[2] + "' " + p[3] + ", " + v)
                            .isGreaterThanOrEqualTo(20);
                }
            }
        }
    }

    /**
     * The text of the elements (and of their tables) that reads as a raw id: a kebab-case id of three
     * parts or more (north-atlantic-treaty-1949) or a provision id (nato/art-5); a date is not one.
     */
    @SuppressWarnings("unchecked")
    List<String> rawIds(String selector) {
        List<String> texts = (List<String>) js("return [...document.querySelectorAll(arguments[0])].flatMap(e =>"
                + " [...e.querySelectorAll('td, th, li, dt, dd, p, h3')].map(c => c.textContent));", selector);
        return texts.stream().flatMap(t -> rawIdsIn(t).stream()).distinct().toList();
    }

    static final java.util.regex.Pattern RAW_ID = java.util.regex.Pattern.compile(
            "\\b(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+){2,}\\b|\\b[a-z][a-z0-9-]*/[a-z0-9-]+\\b");

    /**
     * The engine's ids of action and procedure kinds, statuses and rules that a text shows as they
     * are (one hyphen is enough to be one: "request-information", "no-response", "unanimous-invitation").
     */
    static List<String> engineTerms(String text) {
        List<String> terms = new java.util.ArrayList<>(org.eurosec.store.ActionCodec.kinds());
        terms.addAll(List.of("exercise-created", "exercise-closed", "information-request", "extraordinary-conference", "activity-notification",
                "annual-exchange", "not-counted"));
        for (org.eurosec.mechanism.Procedure.Status s : org.eurosec.mechanism.Procedure.Status.values()) {
            if (s.id().contains("-")) {
                terms.add(s.id());
            }
        }
        for (org.eurosec.model.RuleKind r : org.eurosec.model.RuleKind.values()) {
            if (r.id().contains("-")) {
                terms.add(r.id());
            }
        }
        return terms.stream().filter(t -> t.contains("-")).filter(t -> java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(t) + "(?![\\w-])").matcher(text).find()).toList();
    }

    /** The raw ids in a text (as {@link #rawIds}). */
    static List<String> rawIdsIn(String text) {
        return RAW_ID.matcher(text).results().map(java.util.regex.MatchResult::group).distinct().toList();
    }

    @Test
    void theOverlapMatrixShowsEveryLabelAndItsDiagonalAndNoTableRepeatsAnId() {
        open("#date=2009-12-01&regime=status-quo&view=panels");
        loaded("2009-12-01|status-quo");
        wait.until(d -> !d.findElements(By.cssSelector("#overlap-panel svg text")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("#positions-panel table")).size() >= 2);
        wait.until(d -> !d.findElements(By.cssSelector("#uniformity-panel table")).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) js("const svg = document.querySelector('#overlap-panel svg').getBoundingClientRect();"
                + "return [...document.querySelectorAll('#overlap-panel svg text')].filter(t => { const r = t.getBoundingClientRect();"
                + " return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5; })"
                + ".map(t => t.textContent);");
        assertThat(clipped).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#overlap-panel .legend-inline")).getText()).contains("the body itself (the diagonal)");
        // The rows by the bodies' names (the columns by their numbers), never by their ids.
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('#overlap-panel svg > text')].map(t => t.firstChild.textContent);");
        assertThat(labels).contains("11. North Atlantic Treaty Organization", "9. European Union", "11");
        assertThat(labels).noneMatch(l -> l.matches("(?:\\d+\\. )?(?=.*[a-z])[a-z0-9-]+"));
        // "eu (eu)" nowhere: an id is repeated in brackets only after a name.
        String panels = browser.findElement(By.id("view-panels")).getText();
        List<String> repeated = java.util.regex.Pattern.compile("(?<![\\w-])([\\w-]+) \\(\\1\\)").matcher(panels).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(repeated).isEmpty();
        // No raw ids in the tables: provisions, instruments, bodies and regimes by their names.
        assertThat(rawIds("#levels-panel, #overlap-panel, #positions-panel, #uniformity-panel")).isEmpty();
        assertThat(browser.findElement(By.id("levels-panel")).getText()).contains("North Atlantic Treaty (Washington Treaty), Art. 5");
        assertThat(browser.findElement(By.id("positions-panel")).getText()).containsPattern("European Union[^\\n]* \\(eu\\)")
                .containsPattern("North Atlantic Treaty Organization[^\\n]* \\(nato\\)");
        // Why a state blocks: the regime's answer and the latest statement that contradicts it, with the rule that the latest counts.
        assertThat(browser.findElement(By.id("positions-panel")).getText()).contains("Who would block status-quo, and why")
                .contains("its latest statement on it").contains("a later statement replaces an earlier one");
    }

    @Test
    void aDayAfterTheFactsWereLastCheckedCarriesAOneLineProvisionalNote() {
        LocalDate checked = CHECKED;
        LocalDate today = TODAY;
        open("#date=" + today + "&regime=status-quo");
        loaded(today + "|status-quo");
        WebElement note = browser.findElement(By.id("provisional"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).startsWith("Provisional: the facts were last checked on " + checked + "; this answer for " + today);
        // The map still answers (from the facts as last checked), never "unknown".
        assertThat(shape("POL").getAttribute("data-coverage")).isEqualTo("covered");
        // On the check date itself and before it, no note.
        WebElement typed = browser.findElement(By.id("date-input"));
        typed.clear();
        typed.sendKeys(checked.toString(), Keys.ENTER);
        loaded(checked + "|status-quo");
        assertThat(browser.findElement(By.id("provisional")).isDisplayed()).isFalse();
        typed.clear();
        typed.sendKeys("2009-12-01", Keys.ENTER);
        loaded("2009-12-01|status-quo");
        assertThat(browser.findElement(By.id("provisional")).isDisplayed()).isFalse();
    }

    /**
     * An address the page cannot follow in full (a link from another version, or edited by hand) says
     * so in one line, with what is shown instead. Before, a colouring the page did not know left the
     * map grey with an empty legend and an empty "Colour by", and an unknown regime or reading went
     * back to the default without a word.
     */
    @Test
    void anAddressThePageCannotFollowSaysWhatItShowsInstead() {
        open("#date=2009-12-01&regime=nope&colour=blocs&interpretation=nosuch=opt&interpretation=agreed-assistance=bogus");
        loaded("2009-12-01|status-quo|coverage|");
        wait.until(d -> "yes".equals(js("return document.body.dataset.addressChecked || ''")));
        WebElement note = browser.findElement(By.id("address-note"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).startsWith("Not followed from the address: ")
                .contains("regime \"nope\" (no such regime), status-quo shown")
                .contains("colour \"blocs\" (no such colouring), coverage by a guarantee shown")
                .contains("reading \"nosuch=opt\" (no such interpretation)")
                .contains("reading \"agreed-assistance=bogus\" (its options: not-a-guarantee, counts), not-a-guarantee (the default) shown")
                .doesNotContain("day \"");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("colour-by"))).getFirstSelectedOption().getText())
                .isEqualTo("coverage by a guarantee");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("covered by a binding defence guarantee");
        // The user's next change answers for itself: the line goes.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("colour-by"))).selectByValue("bloc");
        loaded("2009-12-01|status-quo|bloc|");
        assertThat(note.isDisplayed()).isFalse();
        // A day outside the slider, and an address followed in full has no line.
        open("#date=1900-01-01&regime=status-quo&colour=level");
        wait.until(d -> "yes".equals(js("return document.body.dataset.addressChecked || ''")));
        assertThat(browser.findElement(By.id("address-note")).getText()).startsWith("Not followed from the address: day \"1900-01-01\" (the slider runs from 1949-01-01 to ");
        open("#date=2009-12-01&regime=est-2009&colour=level&interpretation=agreed-assistance=counts&view=panels");
        wait.until(d -> "yes".equals(js("return document.body.dataset.addressChecked || ''")));
        assertThat(browser.findElement(By.id("address-note")).isDisplayed()).isFalse();
    }

    @Test
    void beforeTheDissolutionsAShapeShowsTheStateThatHeldIt() {
        // On 1985-01-01 Ukraine's and Croatia's territories were the USSR's and Yugoslavia's: the USSR
        // was covered (the Warsaw Treaty's Art. 4), non-aligned Yugoslavia was not.
        open("#date=1985-01-01&regime=status-quo&colour=coverage");
        loaded("1985-01-01|status-quo|coverage");
        assertThat(shape("UKR").getAttribute("data-holder")).isEqualTo("SUN");
        assertThat(shape("UKR").getAttribute("data-coverage")).isEqualTo("covered");
        assertThat(shape("UKR").getAttribute("aria-label"))
                .isEqualTo("Ukraine, part of Union of Soviet Socialist Republics on 1985-01-01: covered");
        assertThat(shape("HRV").getAttribute("data-holder")).isEqualTo("YUG");
        assertThat(shape("HRV").getAttribute("data-coverage")).isEqualTo("not-covered");
        // The GDR has no shape of its own (Germany's is the Federal Republic's): it is listed, not drawn.
        assertThat(shape("DEU").getAttribute("data-holder")).isEqualTo("DEU");
        assertThat(browser.findElement(By.cssSelector("#north-america [data-iso3='DDR']")).getAttribute("data-coverage")).isEqualTo("covered");
        // Clicking the shape opens the state that held it.
        shape("KAZ").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "Union of Soviet Socialist Republics (SUN) on 1985-01-01"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-body"), "(Warsaw Treaty), Art. 4"));
    }

    @Test
    void switchingTheRegimeChangesTheVetoPanel() throws Exception {
        open("#date=2009-12-01&regime=status-quo&colour=veto&applicant=GEO&organisation=nato");
        loaded("2009-12-01|status-quo|veto|GEO|nato");
        WebElement list = browser.findElement(By.id("veto-list"));
        // Under the status quo only NATO's 28 members on that day can block, by Art. 10.
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("28");
        assertThat(list.getText()).contains("North Atlantic Treaty (Washington Treaty), Art. 10").doesNotContain("(RUS)");
        // How each may block, in words: the accession rule too (its id in the tooltip).
        assertThat(list.getText()).contains("withholding its consent (unanimous invitation by the members)");
        assertThat(engineTerms(list.getText())).isEmpty();
        assertThat(shape("RUS").getAttribute("data-status")).isEqualTo("cannot block");
        assertThat(shape("GEO").getAttribute("data-status")).isEqualTo("applicant");

        new Select(browser.findElement(By.id("regime"))).selectByValue("est-2009");
        loaded("2009-12-01|est-2009|veto|GEO|nato");
        WebElement after = browser.findElement(By.id("veto-list"));
        // The draft lets every party object to a step that affects its security: Russia among them.
        assertThat(after.getText()).contains("Russian Federation (RUS)").contains("European Security Treaty (draft), Art. 1");
        assertThat(Integer.parseInt(browser.findElement(By.id("veto-count")).getText())).isGreaterThan(28);
        // The map's tooltip names the provisions (the ids only where a user types them, not here).
        assertThat(shape("RUS").getAttribute("data-status")).startsWith("may block (European Security Treaty (draft), Art. 1");
        assertThat(shape("RUS").findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Russian Federation: may block (European Security Treaty (draft), Art. 1)");
        // A NATO member may block twice over: by Art. 10 and by the draft.
        assertThat(shape("DEU").getAttribute("data-status")).contains("North Atlantic Treaty (Washington Treaty), Art. 10")
                .contains("European Security Treaty (draft), Art. 1");
        assertThat(rawIdsIn(js("return [...document.querySelectorAll('#map path title')].map(t => t.textContent).join('\\n')").toString())).isEmpty();
        shot("veto-est-2009.png");

        // Read the draft's Art. 1 literally (the named interpretation), and the objection right is gone.
        browser.findElement(By.cssSelector("#reading summary")).click();
        new Select(browser.findElement(By.cssSelector("select[data-interpretation='est-2009/indivisibility-veto']"))).selectByValue("literal-text");
        loaded("2009-12-01|est-2009|veto|GEO|nato|est-2009/indivisibility-veto=literal-text");
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("28");
        assertThat(browser.findElement(By.id("veto-list")).getText()).doesNotContain("(RUS)");
        // The address keeps the reading: opened afresh, the page shows the same answer.
        String shared = browser.getCurrentUrl();
        assertThat(shared).contains("interpretation=est-2009%2Findivisibility-veto%3Dliteral-text");
        browser.get("about:blank");
        browser.get(shared);
        loaded("2009-12-01|est-2009|veto|GEO|nato|est-2009/indivisibility-veto=literal-text");
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("28");
        assertThat(new Select(browser.findElement(By.cssSelector("select[data-interpretation='est-2009/indivisibility-veto']")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("literal-text");

        // Poland, already in NATO, has no accession to block.
        new Select(browser.findElement(By.id("applicant"))).selectByValue("POL");
        loaded("2009-12-01|est-2009|veto|POL|nato");
        assertThat(browser.findElement(By.id("veto-member")).getText()).contains("Poland is already a member of NATO");
        new Select(browser.findElement(By.id("applicant"))).selectByValue("GEO");
        loaded("2009-12-01|est-2009|veto|GEO|nato");

        new Select(browser.findElement(By.id("regime"))).selectByValue("esd-west");
        loaded("2009-12-01|esd-west|veto|GEO|nato");
        assertThat(browser.findElement(By.id("veto-count")).getText()).isEqualTo("28");
        assertThat(browser.findElement(By.id("veto-list")).getText()).doesNotContain("(RUS)");
    }

    @Test
    void theKeyboardReachesAStateAndEveryControlHasALabel() {
        open("#date=2009-12-01&regime=status-quo");
        loaded("2009-12-01|status-quo");
        Object unlabelled = js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id)");
        assertThat((List<?>) unlabelled).isEmpty();
        // From the state picker, Tab passes the three zoom buttons and goes into the map; Enter opens
        // the state that has the focus.
        browser.findElement(By.id("state-picker")).sendKeys(Keys.TAB);
        List<String> passed = new java.util.ArrayList<>();
        WebElement focused = browser.switchTo().activeElement();
        while (focused.getAttribute("data-iso3") == null && passed.size() < 5) {
            passed.add(focused.getAttribute("id"));
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(passed).containsExactly("zoom-in", "zoom-out", "zoom-reset");
        assertThat(focused.getAttribute("data-iso3")).isNotNull();
        String iso = focused.getAttribute("data-iso3");
        focused.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "(" + iso + ") on 2009-12-01"));
        // The tabs follow the arrow keys.
        WebElement mapTab = browser.findElement(By.id("tab-map"));
        mapTab.sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.findElement(By.id("tab-panels")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.findElement(By.id("view-panels")).isDisplayed()).isTrue();
        wait.until(d -> d.findElements(By.cssSelector("#levels-panel table")).size() == 1);
        // 14 levels on that day under the status quo (the levels analysis; the table lists one row each).
        assertThat(browser.findElements(By.cssSelector("#levels-panel tbody tr"))).hasSize(14);
        wait.until(d -> d.findElements(By.cssSelector("#timeline-chart svg path")).size() >= 3);
        wait.until(d -> d.findElements(By.cssSelector("#positions-panel table")).size() >= 2);
        // Double standards: 36 states side with a secession somewhere and with integrity elsewhere on
        // that day; with Kosovo set aside as sui generis, fewer do.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uniformity-panel"), "36 participating State(s)"));
        int rows = browser.findElements(By.cssSelector("#uniformity-panel tbody tr")).size();
        assertThat(rows).isEqualTo(36);
        browser.findElement(By.id("set-aside-xkx")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uniformity-panel"), "set aside: XKX"));
        assertThat(browser.findElements(By.cssSelector("#uniformity-panel tbody tr")).size()).isLessThan(36);
        shotQuietly("panels-2009.png");
        // Nothing came from anywhere but this server.
        Object foreign = js("return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(arguments[0]))", base);
        assertThat((List<?>) foreign).isEmpty();
    }

    @Test
    void aScenarioIsComparedUnderSeveralRegimes() {
        open("");
        browser.findElement(By.id("tab-compare")).click();
        new Select(browser.findElement(By.id("scenario"))).selectByValue("georgia-nato-2009");
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#compare-result table")).size() == 1);
        WebElement result = browser.findElement(By.cssSelector("#compare-result table"));
        List<String> heads = result.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        // Regimes, provisions and states by name, never by id.
        assertThat(heads).contains("Status quo", "European Security Treaty (Russian draft of 29 November 2009)",
                "European Security Dialogue (the Western proposal in the brief)");
        assertThat(result.getText()).contains("may block").contains("North Atlantic Treaty (Washington Treaty), Art. 10");
        assertThat(rawIdsIn(result.getText())).isEmpty();
        assertThat(result.getText()).doesNotContainPattern("\\b(GEO|RUS|UKR)\\b").contains("Georgia");
        assertThat(browser.findElement(By.id("compare-regimes")).getText()).doesNotContain("status-quo").contains("Status quo");
        // Rows where the regimes disagree are marked; NATO's Art. 10 decides alike under all of them.
        WebElement draft = result.findElement(By.xpath(".//tbody/tr[th[contains(., 'may block (European Security Treaty (draft), Art. 1)')]]"));
        WebElement art10 = result.findElement(By.xpath(".//tbody/tr[th[contains(., 'decides (North Atlantic Treaty (Washington Treaty), Art. 10)')]]"));
        assertThat(draft.getText()).contains("≠");
        assertThat(art10.getText()).doesNotContain("≠");
        shotQuietly("compare-georgia.png");
        browser.findElement(By.id("compare-only-differences")).click();
        assertThat(art10.isDisplayed()).isFalse();
        assertThat(draft.isDisplayed()).isTrue();
        // The address keeps the comparison, the status quo first, so that it can be shared.
        String hash = String.valueOf(js("return location.hash"));
        assertThat(hash).contains("view=compare").contains("scenario=georgia-nato-2009").contains("compare=status-quo%2Cesd-west%2Cest-2009%2Crussia-2021");
    }

    /**
     * A shared address of a comparison opens it run: the scenario and the regimes it names, no more.
     * Before, the address kept only view=compare, so a link to a comparison opened an empty form with
     * the first scenario chosen.
     */
    @Test
    void anAddressOfAComparisonOpensItRun() {
        open("#view=compare&scenario=withdrawal-2024&compare=status-quo,russia-2021");
        wait.until(d -> d.findElements(By.cssSelector("#compare-result table")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#compare-result h2")).getText()).contains("2024");
        List<String> heads = browser.findElements(By.cssSelector("#compare-result thead th")).stream().map(WebElement::getText).toList();
        assertThat(heads).hasSize(3).contains("Status quo").doesNotContain("European Security Treaty (Russian draft of 29 November 2009)");
        assertThat(new Select(browser.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("withdrawal-2024");
        // A scenario or regime the page does not know is said, and nothing is run for it.
        open("#view=compare&scenario=no-such-scenario&compare=status-quo,nope");
        wait.until(d -> "yes".equals(js("return document.body.dataset.addressChecked || ''")));
        assertThat(browser.findElement(By.id("address-note")).getText()).contains("scenario \"no-such-scenario\" (no such shipped scenario)")
                .contains("regime \"nope\" to compare (no such regime)");
        assertThat(browser.findElements(By.cssSelector("#compare-result table"))).isEmpty();
    }

    /** The API's answer to a reconciliation of {@code csv}, as the page would ask it (defence only). */
    static com.fasterxml.jackson.databind.JsonNode reconcileByApi(String csv, String... readings) throws Exception {
        StringBuilder q = new StringBuilder("api/reconcile/atop?kinds=defence");
        for (String r : readings) {
            q.append("&interpretation=").append(r);
        }
        java.net.URI uri = java.net.URI.create(base + q);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    static String thousands(long n) {
        return String.format(java.util.Locale.UK, "%,d", n);
    }

    /**
     * Reconcile with ATOP/COW: a hand-made ATOP file (ReconcileCliTest's rows: NATO's founders, Greece
     * from 1951, the USSR's pledge to Finland; no row for the Anglo-Soviet treaty of 1942) uploaded on
     * the page shows the API's figures for it, a group per cause and instrument, and the readings most
     * of the interpretation rows say would agree (adversary-specific-guarantees=general-only for the
     * treaty of 1942 the file leaves out, agreed-assistance=counts for the pledge to Finland);
     * reconciling again so read shows the API's figures under those readings, with fewer
     * interpretation rows. The disagreements download as CSV, a line per row.
     */
    @Test
    void aDatasetFileIsReconciledOnThePageWithTheApisFigures(@TempDir Path files) throws Exception {
        // And Slovakia (COW 317) in 1950, a state eurosec does not hold that year: a pledge not compared.
        String csv = ReconcileCliTest.rows() + "317,2,1950,1,0,0,0,0\n";
        Path f = files.resolve("my-atop.csv");
        Files.writeString(f, csv);
        com.fasterxml.jackson.databind.JsonNode first = reconcileByApi(csv);
        com.fasterxml.jackson.databind.JsonNode second = reconcileByApi(csv, "adversary-specific-guarantees=general-only", "agreed-assistance=counts");
        // Not vacuous: the file has interpretation rows under the default readings, fewer under the other ones.
        assertThat(first.at("/by_cause/convention").asLong()).isPositive();
        assertThat(second.at("/by_cause/interpretation").asLong()).isLessThan(first.at("/by_cause/interpretation").asLong());

        open("#view=reconcile");
        assertThat(browser.findElement(By.id("view-reconcile")).isDisplayed()).isTrue();
        browser.findElement(By.id("reconcile-file")).sendKeys(f.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#reconcile-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("reconcile-summary")).size() == 1);
        String summary = browser.findElement(By.id("reconcile-summary")).getText();
        assertThat(summary).contains(thousands(first.get("compared").asLong()) + " directed dyad-year cells compared: "
                + thousands(first.get("agree").asLong()) + " agree").contains(thousands(first.get("disagree").asLong()) + " disagree")
                .contains("with the default readings")
                .contains(first.get("not_compared").asLong() + " of the file's pledges fall on dyad-years eurosec does not list");
        assertThat(first.get("not_compared").asLong()).isEqualTo(1);
        assertThat(causeCell("interpretation")).isEqualTo(thousands(first.at("/by_cause/interpretation").asLong()));
        assertThat(causeCell("convention")).isEqualTo(thousands(first.at("/by_cause/convention").asLong()));
        List<String> groups = browser.findElements(By.cssSelector(".reconcile-group summary")).stream().map(WebElement::getText).toList();
        assertThat(groups).anyMatch(g -> g.startsWith("convention · defence · North Atlantic Treaty") && g.contains("Greece"));
        assertThat(groups).anyMatch(g -> g.startsWith("interpretation · defence · Agreement of Friendship, Co-operation and Mutual Assistance")
                && g.contains("agreed-assistance=counts would agree — 4 cells"));
        WebElement download = browser.findElement(By.id("reconcile-csv"));
        assertThat(download.getText()).contains("(CSV, " + thousands(first.get("rows").size()) + " rows)");
        assertThat(download.getAttribute("href")).startsWith("blob:");
        // What the link holds is made by the page's disagreementsCsv from the answer: the same text the command prints. Its
        // CRs are marked, since the driver drops a CR from a string it hands back.
        String made = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('./js/reconcile.js').then(async (m) => done(m.disagreementsCsv((await (await fetch('api/reconcile/atop?kinds=defence',"
                + " {method: 'POST', headers: {'Content-Type': 'text/csv'}, body: arguments[0]})).json()).rows).split(String.fromCharCode(13)).join('<CR>')));", csv);
        CliTest.Run command = CliTest.run("reconcile", "atop", f.toString(), "--kinds", "defence", "--format", "csv");
        assertThat(command.code()).as(command.err()).isZero();
        assertThat(made).isEqualTo(command.out().replace("\r", "<CR>"));
        assertThat(made.split("<CR>\n")).hasSize(first.get("rows").size() + 1);
        // A group's years over 300,000 cells (all kinds of a dataset can make groups of over a hundred thousand): a spread
        // of that many arguments into Math.min, as the page first did, throws "Maximum call stack size exceeded".
        Object span = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('./js/reconcile.js').then((m) => done(m.yearSpan(Array.from({length: 300000}, (_, i) => ({year: 1949 + i % 70}))).join('-')));");
        assertThat(span).isEqualTo("1949-2018");
        // Open a group: its cells are listed.
        WebElement group = browser.findElements(By.cssSelector(".reconcile-group")).get(0);
        group.findElement(By.tagName("summary")).click();
        wait.until(d -> !group.findElements(By.cssSelector("tbody tr")).isEmpty());

        assertThat(browser.findElement(By.id("reconcile-readings-hint")).getText())
                .contains("adversary-specific-guarantees=general-only (12 cells), agreed-assistance=counts (4 cells)");
        browser.findElement(By.id("reconcile-again")).click();
        wait.until(d -> d.findElement(By.id("reconcile-summary")).getText().contains("read adversary-specific-guarantees=general-only"));
        assertThat(browser.findElement(By.id("reconcile-readings")).getAttribute("value"))
                .isEqualTo("adversary-specific-guarantees=general-only, agreed-assistance=counts");
        assertThat(browser.findElement(By.id("reconcile-summary")).getText()).contains(thousands(second.get("agree").asLong()) + " agree");
        assertThat(causeCell("interpretation")).isEqualTo(thousands(second.at("/by_cause/interpretation").asLong()));
        shot("reconcile.png");

        // A mistake in the readings is the API's message, on the page.
        browser.findElement(By.id("reconcile-readings")).clear();
        browser.findElement(By.id("reconcile-readings")).sendKeys("agreed-assistance=perhaps");
        browser.findElement(By.cssSelector("#reconcile-form button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#reconcile-result .error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#reconcile-result .error")).getText()).contains("perhaps");
    }

    String causeCell(String cause) {
        for (WebElement row : browser.findElements(By.cssSelector("#reconcile-causes tbody tr"))) {
            if (row.findElement(By.tagName("th")).getText().equals(cause)) {
                return row.findElements(By.tagName("td")).get(0).getText();
            }
        }
        throw new AssertionError("no row for " + cause);
    }

    @Test
    void anUploadedScenarioIsComparedToo(@TempDir Path files) throws Exception {
        // Ukraine asks to join NATO on 2009-12-01: the same Art. 10 decides under the status quo, and
        // under the draft (its brief reading) every party may object, Russia among them.
        Path mine = files.resolve("ukraine.yaml");
        Files.writeString(mine, String.join("\n",
                "name: Ukraine asks to join NATO (my own file)",
                "date: 2009-12-01",
                "regimes: [status-quo, est-2009]",
                "events:",
                "  - accession-request: {applicant: UKR, organisation: nato}",
                ""));
        open("");
        browser.findElement(By.id("tab-compare")).click();
        browser.findElement(By.id("scenario-file")).sendKeys(mine.toAbsolutePath().toString());
        for (WebElement box : browser.findElements(By.cssSelector("#compare-regimes input[type=checkbox]"))) {
            boolean wanted = List.of("status-quo", "est-2009").contains(box.getAttribute("value"));
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compare-result"), "my own file"));
        WebElement table = browser.findElement(By.cssSelector("#compare-result table"));
        // The draft's row: no such finding under the status quo; under the draft the 55 other
        // participating States of 2009 (56 less the applicant) may each object, Russia among them.
        List<String> heads = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertThat(heads).containsExactly("finding", "Status quo", "European Security Treaty (Russian draft of 29 November 2009)");
        WebElement row = table.findElement(By.xpath(".//tbody/tr[th[contains(., 'may block (European Security Treaty (draft), Art. 1)')]]"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("—");
        assertThat(cells.get(1).getText()).contains("55 parties of European Security Treaty (draft) can each block");
        // The ids a scenario file uses are in the tooltip.
        assertThat(cells.get(1).findElement(By.tagName("span")).getAttribute("title")).contains("RUS");
        assertThat(rawIdsIn(table.getText())).isEmpty();
        WebElement nato = table.findElement(By.xpath(".//tbody/tr[th[contains(., 'may block (North Atlantic Treaty (Washington Treaty), Art. 10)')]]"));
        assertThat(nato.findElements(By.tagName("td"))).allSatisfy(c -> assertThat(c.getText()).contains("each of the 28 members can block"));
        // A broken file gets the server's message, naming the upload, not a path on the server.
        Files.writeString(mine, "name: [unclosed\n");
        browser.findElement(By.id("scenario-file")).sendKeys(mine.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compare-result p.error")));
        assertThat(browser.findElement(By.cssSelector("#compare-result p.error")).getText()).contains("uploaded scenario");
    }

    @Test
    void delegationsSignInAnswerARequestAndCannotActForAnother() throws Exception {
        Exercises.Created ex = exercises.create("est-2009", LocalDate.parse("2009-12-01"), "real", 1, ProcedureRules.Settings.defaults());
        open("");
        browser.findElement(By.id("tab-console")).click();

        signIn(ex.id(), ex.tokens().get("delegation:RUS"));
        assertThat(browser.findElement(By.id("whoami")).getText()).isEqualTo("You are the delegation of Russian Federation");
        new Select(browser.findElement(By.id("act-kind"))).selectByValue("request-information");
        browser.findElement(By.id("act-to")).sendKeys("GEO");
        browser.findElement(By.id("act-subject")).sendKeys("forces near the boundary line");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Accepted"));
        signOut();

        // Georgia sees the request in its inbox, with its deadline on the exercise clock, and replies.
        signIn(ex.id(), ex.tokens().get("delegation:GEO"));
        String request = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#inbox article[data-kind='information-request']")).getText());
        // States and provisions by name (the ids, which the action form takes, in the tooltips).
        assertThat(request).contains("Russian Federation").doesNotContainPattern("\\b(RUS|GEO)\\b").contains("forces near the boundary line").contains("deadline").contains("on the exercise clock");
        clickInInbox(1, "Reply…");
        browser.findElement(By.id("act-text")).sendKeys("Two brigades, on exercise until 20 December.");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Accepted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#inbox article[data-procedure='1']"), "answered"));
        assertThat(browser.findElement(By.id("act-result")).getText()).contains("Georgia replies to Russian Federation");
        assertThat(browser.findElement(By.id("console-status")).getText()).contains("Georgia’s delegation (delegation:GEO)");
        assertThat(rawIdsIn(browser.findElement(By.id("inbox")).getText())).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#inbox article[data-procedure='1'] h3")).getText()).isEqualTo("#1 information request answered");
        assertThat(engineTerms(browser.findElement(By.id("inbox")).getText())).isEmpty();
        shot("console-georgia.png");
        signOut();

        // Ukraine cannot answer for Georgia: the server refuses and says why.
        signIn(ex.id(), ex.tokens().get("delegation:UKR"));
        new Select(browser.findElement(By.id("act-kind"))).selectByValue("reply");
        browser.findElement(By.id("act-procedure")).sendKeys("1");
        browser.findElement(By.id("act-text")).sendKeys("Georgia has nothing to report.");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Refused"));
        assertThat(browser.findElement(By.id("act-result")).getText()).contains("Refused: ").contains(", HTTP 4");
        // Nor can it claim to be Georgia: the signed-in session's own call, with "as": "GEO", is a 403.
        Object claimed = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import(arguments[0] + 'js/console.js').then((m) => m.exApi('/actions', {method: 'POST',"
                        + " headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({kind: 'reply', procedure: 1, text: 'as Georgia', as: 'GEO'})}))"
                        + ".then(() => done('accepted'), (e) => done(e.status + ' ' + e.field + ': ' + e.message));", base);
        assertThat(String.valueOf(claimed)).isEqualTo("403 as: this credential acts for delegation:UKR only");
        signOut();

        // The depositary sees every procedure, the journal, and has the form (it may schedule consultations).
        signIn(ex.id(), ex.tokens().get("depositary"));
        assertThat(browser.findElement(By.id("whoami")).getText()).isEqualTo("You are the depositary");
        assertThat(browser.findElement(By.id("act-form")).isDisplayed()).isTrue();
        wait.until(d -> d.findElements(By.cssSelector("#journal tbody tr")).size() == 3);
        assertThat(browser.findElement(By.id("inbox")).getText()).contains("Two brigades, on exercise until 20 December.");
        signOut();

        // The observer sees the journal (the creation, then the request and the reply; the refusal left
        // no trace) and has no form to act.
        signIn(ex.id(), ex.tokens().get("observer"));
        assertThat(browser.findElement(By.id("act-form")).isDisplayed()).isFalse();
        wait.until(d -> !d.findElements(By.cssSelector("#journal tbody tr")).isEmpty());
        List<String> kinds = browser.findElements(By.cssSelector("#journal tbody tr td:nth-child(4)")).stream().map(WebElement::getText).toList();
        assertThat(kinds).containsExactly("exercise created", "request for information", "reply");
        assertThat(browser.findElements(By.cssSelector("#journal tbody tr td:nth-child(4)")).stream().map(e -> e.getAttribute("data-kind")).toList())
                .containsExactly("exercise-created", "request-information", "reply");
        // The action kinds, the procedures' kinds and statuses and the rules: in words, never as the engine's ids.
        assertThat(engineTerms(browser.findElement(By.id("view-console")).getText())).isEmpty();
        assertThat(new Select(browser.findElement(By.id("act-kind"))).getOptions()).allSatisfy(o -> assertThat(o.getText()).isNotEqualTo(o.getAttribute("value")));
        browser.findElement(By.cssSelector("#console-rules summary")).click();
        assertThat(browser.findElement(By.cssSelector("#console-rules dl")).getText()).contains("decision").doesNotContain("{");
        signOut();

        // A wrong credential is refused at the door.
        browser.findElement(By.id("exercise-id")).clear();
        browser.findElement(By.id("exercise-id")).sendKeys(ex.id());
        browser.findElement(By.id("credential")).sendKeys("not-a-credential");
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-status"),
                "Cannot sign in: the credential is not accepted (unknown, revoked or replaced): unknown credential [Authorization, HTTP 401]"));
    }

    @Test
    void anAttackConvenesTheExtraordinaryConferenceWhereTheAttackerCannotVote() {
        Exercises.Created ex = exercises.create("est-2009", LocalDate.parse("2009-12-01"), "real", 1, ProcedureRules.Settings.defaults());
        open("#view=console");
        assertThat(browser.findElement(By.id("view-console")).isDisplayed()).isTrue();

        // Georgia reports an armed attack by Russia: under the draft's Art. 8 the Extraordinary Conference convenes at once.
        signIn(ex.id(), ex.tokens().get("delegation:GEO"));
        new Select(browser.findElement(By.id("act-kind"))).selectByValue("notify-attack");
        browser.findElement(By.id("act-attacker")).sendKeys("RUS");
        browser.findElement(By.id("act-victim")).sendKeys("GEO");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Accepted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#inbox article[data-kind='extraordinary-conference']"), "convened"));
        clickInInbox(1, "Vote…");
        new Select(browser.findElement(By.id("act-ballot"))).selectByValue("yes");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Accepted"));
        signOut();

        // Russia, named as the attacker, sees the conference but its vote is not counted: refused, with the provision.
        signIn(ex.id(), ex.tokens().get("delegation:RUS"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#inbox article[data-procedure='1']"), "armed attack by Russian Federation"));
        clickInInbox(1, "Vote…");
        new Select(browser.findElement(By.id("act-ballot"))).selectByValue("no");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Refused"));
        assertThat(browser.findElement(By.id("act-result")).getText()).contains("est-2009/art-8").contains("the state named as attacker, is not counted");
        signOut();
    }

    /**
     * The administration view, driven as an administrator would (the keyboard for the sign-in):
     * mistakes at creation are refused in words naming the field; an exercise is created with one
     * credential per party, the depositary and the observer (as the store lists them); a credential
     * issued works in the console; once revoked, the console signed in with it is told at once
     * (401, in words) and a new sign-in is refused; a closed exercise refuses actions (409).
     */
    @Test
    void theAdministratorCreatesAnExerciseIssuesAndRevokesACredentialWhichIsThenRefused() throws Exception {
        String admin = exercises.adminToken(true).orElseThrow();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        open("#view=admin");
        assertThat(browser.findElement(By.id("view-admin")).isDisplayed()).isTrue();

        // Not the administrator's credential: refused in words.
        browser.findElement(By.id("admin-credential")).sendKeys("esa_not-it", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-status"), "Cannot sign in: the credential is not accepted"));
        assertThat(browser.findElement(By.id("admin-status")).getText()).contains("[Authorization, HTTP 401]");
        WebElement credential = browser.findElement(By.id("admin-credential"));
        credential.clear();
        credential.sendKeys(admin, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-status"), "Signed in as the administrator"));

        // Creation refused: a time limit beyond sane bounds, then a day on which the draft has no parties.
        new Select(browser.findElement(By.id("admin-regime"))).selectByValue("est-2009");
        WebElement day = browser.findElement(By.id("admin-day"));
        day.clear();
        day.sendKeys("2009-12-01");
        browser.findElement(By.id("admin-reply_within")).sendKeys("P999999999Y");
        browser.findElement(By.cssSelector("#admin-new-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-new-result"), "Not created: a value was not accepted"));
        assertThat(browser.findElement(By.id("admin-new-result")).getText()).contains("[reply_within, HTTP 422]");
        browser.findElement(By.id("admin-reply_within")).clear();
        day.clear();
        day.sendKeys("1949-01-01");
        browser.findElement(By.cssSelector("#admin-new-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-new-result"), "[day, HTTP 422]"));
        int before = exercises.summaries().size();
        day.clear();
        day.sendKeys("2009-12-01");
        browser.findElement(By.cssSelector("#admin-new-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-new-result"), "Created exercise"));
        assertThat(exercises.summaries()).as("the refusals created nothing").hasSize(before + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Created exercise (\\S+) under est-2009")
                .matcher(browser.findElement(By.id("admin-new-result")).getText());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        // One credential shown for each the store issued (a party's delegation, the depositary, the observer), each with a copy button.
        int issued = exercises.credentials(id).size();
        assertThat(browser.findElements(By.cssSelector("#admin-new-credentials input.secret"))).hasSize(issued);
        assertThat(browser.findElements(By.cssSelector("#admin-new-credentials button[aria-label^='Copy the credential of']"))).hasSize(issued);
        String russia = browser.findElement(By.cssSelector("#admin-new-credentials input[aria-label='New credential of delegation:RUS']")).getAttribute("value");
        assertThat(exercises.authenticate(russia).orElseThrow().actor().id()).isEqualTo("delegation:RUS");
        wait.until(d -> !d.findElements(By.cssSelector("#admin-exercises tr[data-exercise='" + id + "']")).isEmpty());

        // A further credential for Georgia, shown once, works in the console.
        browser.findElement(By.cssSelector("#admin-exercises tr[data-exercise='" + id + "'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-manage-title"), "Exercise " + id));
        wait.until(d -> d.findElements(By.cssSelector("#admin-credentials tbody tr")).size() == issued);
        browser.findElement(By.id("admin-actor")).sendKeys("delegation:GEO");
        browser.findElement(By.id("admin-issue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-manage-result"), "Issued a credential for delegation:GEO"));
        String georgia = browser.findElement(By.id("admin-new-secret")).getAttribute("value");
        assertThat(browser.findElement(By.cssSelector("#admin-secret button")).getText()).isEqualTo("Copy");
        wait.until(d -> d.findElements(By.cssSelector("#admin-credentials tbody tr[data-actor='delegation:GEO']")).size() == 2);
        shot("admin-issued.png");
        browser.findElement(By.id("tab-console")).click();
        signIn(id, georgia);
        assertThat(browser.findElement(By.id("whoami")).getText()).isEqualTo("You are the delegation of Georgia");

        // Revoked: the console signed in with it is told on its next request, in words; signing in again is refused.
        browser.findElement(By.id("tab-admin")).click();
        browser.findElement(By.cssSelector("#admin-credentials button[aria-label='Revoke every credential of delegation:GEO']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-manage-result"), "Revoked 2 credential(s) of delegation:GEO"));
        wait.until(d -> d.findElements(By.cssSelector("#admin-credentials tbody tr[data-actor='delegation:GEO']")).stream()
                .allMatch(r -> r.getText().contains("revoked")));
        browser.findElement(By.id("tab-console")).click();
        WebDriverWait poll = stale(new WebDriverWait(browser, Duration.ofSeconds(15)));
        poll.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-status"), "No longer signed in: the credential is not accepted"));
        assertThat(browser.findElement(By.id("console-status")).getText()).contains("[Authorization, HTTP 401]");
        assertThat(browser.findElement(By.id("act-form")).isDisplayed()).isFalse();
        signOut();
        browser.findElement(By.id("exercise-id")).clear();
        browser.findElement(By.id("exercise-id")).sendKeys(id);
        browser.findElement(By.id("credential")).sendKeys(georgia);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-status"),
                "Cannot sign in: the credential is not accepted (unknown, revoked or replaced)"));
        assertThat(browser.findElement(By.id("console-status")).getText()).contains("HTTP 401");

        // Closed (the button asks once more): the exercise accepts no action, in words.
        browser.findElement(By.id("tab-admin")).click();
        browser.findElement(By.id("admin-close-reason")).sendKeys("end of the session");
        browser.findElement(By.id("admin-close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-close"), "Press again"));
        browser.findElement(By.id("admin-close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-manage-result"), "Closed " + id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#admin-exercises tr[data-exercise='" + id + "']"), "closed"));
        browser.findElement(By.id("tab-console")).click();
        signIn(id, russia);
        new Select(browser.findElement(By.id("act-kind"))).selectByValue("request-information");
        browser.findElement(By.id("act-to")).sendKeys("GEO");
        browser.findElement(By.id("act-subject")).sendKeys("after the end");
        browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "Refused: not possible in the current state"));
        assertThat(browser.findElement(By.id("act-result")).getText()).contains("HTTP 409");
        signOut();

        // Readable on a phone: nothing wider than the screen.
        browser.findElement(By.id("tab-admin")).click();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            Thread.sleep(300);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(((Number) js("return window.innerWidth")).intValue());
            shot("admin-phone.png");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1050));
        }
        browser.findElement(By.id("admin-signout")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-status"), "Signed out"));
    }

    /**
     * More procedures than the console asks for at once: at sign-in it follows the cursor, page after
     * page (its own requests show it), until the inbox holds every procedure and the journal every
     * entry; then it asks only for what changed, from the last cursor, and a new request arrives alone.
     */
    @Test
    void theConsoleFollowsTheCursorToEveryProcedureThenAsksOnlyForWhatChanged() throws Exception {
        Exercises.Created ex = exercises.create("est-2009", LocalDate.parse("2009-12-01"), "real", 1, ProcedureRules.Settings.defaults());
        open("#view=console");
        int page = ((Number) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import(arguments[0] + 'js/console.js').then((m) => done(m.PAGE));", base)).intValue();
        assertThat(page).isLessThan(1000);
        int n = 2 * page + 20; // three pages
        List<String> parties = ex.state().rules().parties();
        for (int i = 0; i < n; i++) {
            Exercises.Outcome o = exercises.act(ex.id(), new Actor.Delegation(parties.get(i % parties.size())),
                    new Action.RequestInformation(parties.get((i + 1) % parties.size()), "question " + i));
            assertThat(o.result()).isInstanceOf(Mechanism.Accepted.class);
        }
        js("performance.setResourceTimingBufferSize(5000)");
        signIn(ex.id(), ex.tokens().get("depositary"));
        wait.until(d -> d.findElements(By.cssSelector("#inbox article")).size() == n);
        wait.until(d -> d.findElements(By.cssSelector("#journal tbody tr")).size() == n + 1);
        assertThat(browser.findElement(By.id("inbox-count")).getText()).isEqualTo(n + " procedure(s)");
        List<String> catchUp = asked("/procedures?");
        assertThat(catchUp).hasSizeGreaterThanOrEqualTo(3);
        assertThat(catchUp.get(0)).contains("after=0&");
        assertThat(asked("/journal?")).hasSizeGreaterThanOrEqualTo(3);
        List<String> seen = browser.findElements(By.cssSelector("#inbox article")).stream().map(a -> a.getAttribute("data-procedure")).toList();
        assertThat(seen).doesNotHaveDuplicates();

        // One more: the next poll brings it, asked from the last cursor (never from the start again).
        int before = asked("/procedures?").size();
        exercises.act(ex.id(), new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "one more"));
        WebDriverWait poll = stale(new WebDriverWait(browser, Duration.ofSeconds(15)));
        poll.until(d -> d.findElements(By.cssSelector("#inbox article")).size() == n + 1);
        poll.until(d -> d.findElements(By.cssSelector("#journal tbody tr")).size() == n + 2);
        assertThat(browser.findElement(By.cssSelector("#inbox article[data-procedure='" + (n + 1) + "']")).getText()).contains("one more");
        List<String> since = asked("/procedures?");
        assertThat(since.subList(before, since.size())).isNotEmpty().allSatisfy(u -> assertThat(u).doesNotContain("after=0&"));
        signOut();
    }

    /** The addresses of the API requests the page made so far whose address contains {@code part}, in order. */
    @SuppressWarnings("unchecked")
    List<String> asked(String part) {
        return (List<String>) js("return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes(arguments[0]))", part);
    }

    /**
     * A delegation's receipts: kept for each action accepted, still there after signing in again,
     * downloadable as JSON lines that `eurosec journal verify --receipts` accepts (all honoured);
     * the journal head the console last verified is shown, with its signature checked in the browser;
     * a head that went back from one verified before is named as such.
     */
    @Test
    void theConsoleKeepsItsReceiptsForJournalVerifyAndShowsTheHeadItVerified(@TempDir Path files) throws Exception {
        Exercises.Created ex = exercises.create("est-2009", LocalDate.parse("2009-12-01"), "real", 1, ProcedureRules.Settings.defaults());
        open("#view=console");
        js("localStorage.clear()");
        signIn(ex.id(), ex.tokens().get("delegation:RUS"));
        for (int i = 1; i <= 2; i++) {
            new Select(browser.findElement(By.id("act-kind"))).selectByValue("request-information");
            browser.findElement(By.id("act-to")).sendKeys("GEO");
            browser.findElement(By.id("act-subject")).sendKeys("question " + i);
            browser.findElement(By.cssSelector("#act-form button[type=submit]")).click();
            // The creation is entry 1: the i-th request is procedure i, entry i + 1.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("act-result"), "(procedure " + i + ", journal entry " + (i + 1) + ")"));
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipts-kept"), "2 receipt(s) kept"));
        // The head: the journal's last entry (creation + 2), its signature checked here.
        long last = exercises.journal(ex.id()).get(exercises.journal(ex.id()).size() - 1).seq();
        WebDriverWait poll = stale(new WebDriverWait(browser, Duration.ofSeconds(15)));
        poll.until(d -> !d.findElements(By.id("head-seq")).isEmpty() && d.findElement(By.id("head-seq")).getText().equals(String.valueOf(last)));
        assertThat(browser.findElement(By.id("head-status")).getText()).contains("signature checked in this browser")
                .contains(exercises.key().id()).contains("your 2 receipt(s) lie at or below it");
        shot("console-receipts.png");

        // Signed out and in again: the receipts are still there.
        signOut();
        signIn(ex.id(), ex.tokens().get("delegation:RUS"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipts-kept"), "2 receipt(s) kept"));
        String file = browser.findElement(By.id("receipts-download")).getAttribute("download");
        assertThat(file).isEqualTo("receipts-" + ex.id() + "-delegation-RUS.jsonl");
        String href = browser.findElement(By.id("receipts-download")).getAttribute("href");
        assertThat(href).startsWith("data:application/x-ndjson;charset=utf-8,");
        String lines = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines.lines()).hasSize(2);
        Path kept = files.resolve(file);
        Files.writeString(kept, lines);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"journal", "verify", ex.id(), "--receipts", kept.toString(), "--db", Database.defaultUrl(dir),
                "--public-key", exercises.key().publicKeyBase64()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("2 receipt(s)").contains("every receipt is honoured");
        assertThat(code).isZero();

        // A head that went back from the one verified before (as if entries had been removed since) is named.
        js("const k = 'eurosec:head:' + arguments[0] + ':delegation:RUS'; const h = JSON.parse(localStorage.getItem(k));"
                + " h.seq += 5; localStorage.setItem(k, JSON.stringify(h));", ex.id());
        poll.until(ExpectedConditions.textToBePresentInElementLocated(By.id("head-status"), "the journal went back from entry " + (last + 5)));
        signOut();
        js("localStorage.clear()");
    }

    /** Clicks a procedure's button; the inbox is redrawn every five seconds, so it is found afresh if redrawn under us. */
    void clickInInbox(int procedure, String label) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#inbox article[data-procedure='" + procedure + "']"))
                    .findElement(By.xpath(".//button[normalize-space()='" + label + "']")).click();
            return true;
        });
    }

    void signIn(String exercise, String token) {
        WebElement id = browser.findElement(By.id("exercise-id"));
        id.clear();
        id.sendKeys(exercise);
        browser.findElement(By.id("credential")).sendKeys(token);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-status"), "Signed in as"));
        wait.until(d -> !d.findElements(By.cssSelector("#inbox p")).isEmpty());
    }

    void signOut() {
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-status"), "Signed out"));
    }
}

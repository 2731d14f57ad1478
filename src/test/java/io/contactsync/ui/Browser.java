package io.contactsync.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver (both installed by .ci/run),
 * with the few moves the UI tests make. Chromium's own calls home are switched off: this
 * machine's network refuses them.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private final WebDriver driver;

	private final String base;

	private final Path profile;

	private Browser(WebDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
	}

	/** A new browser whose user prefers the given language (as Accept-Language). */
	static Browser open(int port, String language) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver"
					+ " (apt-get install -y chromium chromium-driver; .ci/run does this)");
		}
		Path profile = Files.createTempDirectory("contactsync-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=" + language,
				"--user-data-dir=" + profile.toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, "http://localhost:" + port, profile);
	}

	WebDriver driver() {
		return driver;
	}

	Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	boolean exists(String css) {
		return !driver.findElements(By.cssSelector(css)).isEmpty();
	}

	String text(String css) {
		return find(css).getText();
	}

	/** A field's value, read again when the page swapped the field in between. */
	String value(String css) {
		return readAgainIfSwapped(() -> find(css).getDomProperty("value"));
	}

	/**
	 * Types into a field, found afresh: a form that htmx swaps in after loading (or that
	 * reformats itself) leaves an element found before it stale, so a stale field is
	 * found and typed into again from the start.
	 */
	Browser type(String css, String text) {
		readAgainIfSwapped(() -> {
			WebElement field = find(css);
			field.clear();
			field.sendKeys(text);
			return text;
		});
		return this;
	}

	/**
	 * Does a step again, up to three times, when htmx swapped its element away midway;
	 * unlike {@link #waitFor} it does not wait out a missing element, which fails at
	 * once.
	 */
	private static <T> T readAgainIfSwapped(Supplier<T> step) {
		for (int attempt = 1;; attempt++) {
			try {
				return step.get();
			}
			catch (WebDriverException ex) {
				if (attempt == 3 || !swappedAway(ex)) {
					throw ex;
				}
			}
		}
	}

	Browser choose(String css, String value) {
		new Select(find(css)).selectByValue(value);
		return this;
	}

	/** Chooses the first option with a value; the lists come from the demo's setup. */
	String chooseFirst(String css) {
		Select select = new Select(find(css));
		String value = select.getOptions()
			.stream()
			.map(option -> option.getDomProperty("value"))
			.filter(option -> option != null && !option.isEmpty())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(css + " offers nothing to choose"));
		select.selectByValue(value);
		return value;
	}

	Browser click(String css) {
		find(css).click();
		return this;
	}

	/** Opens a folded section of a card (a details element). */
	Browser unfold(String css) {
		WebElement details = find(css);
		if (details.getDomAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
		return this;
	}

	/** Does something in a phone-sized window, then goes back to the desktop size. */
	void onAPhone(Step step) throws IOException {
		Dimension desktop = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			step.run();
		}
		finally {
			driver.manage().window().setSize(desktop);
		}
	}

	/**
	 * Does something with the page exactly {@code width} CSS pixels wide (a phone is
	 * 375), then goes back to the window's own size. The device metrics are set through
	 * Chromium itself, since a window's size also counts its frame.
	 */
	void atWidth(int width, Step step) throws IOException {
		ChromeDriver chromium = (ChromeDriver) driver;
		chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
				width < 600 ? 812 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
		try {
			step.run();
		}
		finally {
			chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** How wide the page is drawn: wider than the window means sideways scrolling. */
	long scrollWidth() {
		return ((Number) ((ChromeDriver) driver).executeScript("return document.documentElement.scrollWidth"))
			.longValue();
	}

	interface Step {

		void run() throws IOException;

	}

	<T> T waitFor(Function<WebDriver, T> condition) {
		// htmx swaps parts of the page in: an element read mid-swap is read again.
		// Chromium reports such a read as a stale reference or, when the swap lands
		// between finding the node and asking for its text, as an inspector error
		// about a node that no longer belongs to the document; both mean "read again".
		return new WebDriverWait(driver, Duration.ofSeconds(20)).until(page -> {
			try {
				return condition.apply(page);
			}
			catch (WebDriverException ex) {
				if (swappedAway(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	/** Whether an element was read mid-swap (see {@link #waitFor}). */
	private static boolean swappedAway(WebDriverException ex) {
		if (ex instanceof StaleElementReferenceException) {
			return true;
		}
		String message = ex.getMessage();
		return message != null && message.contains("does not belong to the document");
	}

	void signIn(String user, String password) {
		go("/login");
		type("#username", user).type("#password", password).click("#sign-in");
	}

	/** A picture of the page under target/screenshots/, for a person to look at. */
	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}

}

/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.sample.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's chat page ({@code /index.html}) in a real headless Chromium, driven by
 * Selenium through Debian's {@code chromium} and {@code chromium-driver}, against the
 * offline demo provider and a provider that cannot be reached. Skipped, with a message
 * saying why, when Chromium or its driver is missing, unless the environment variable
 * {@code CHAT_BROWSER_TESTS} is {@code required} (as in CI), where a missing browser
 * fails the test. Each test must end within a minute: a page that never shows what it
 * waits for fails instead of hanging the build.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo.enabled=true", "chat.default-provider=demo",
				"chat.providers.broken.base-url=http://127.0.0.1:1/v1", "chat.providers.broken.retry.max-attempts=1",
				"chat.providers.broken.connect-timeout=2s" })
class ChatPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			String message = "Chromium (" + CHROMIUM + ") or its driver (" + CHROMEDRIVER + ") is not installed: "
					+ "apt-get install -y chromium chromium-driver";
			if ("required".equals(System.getenv("CHAT_BROWSER_TESTS"))) {
				fail(message + " (CHAT_BROWSER_TESTS=required)");
			}
			assumeTrue(false,
					message + "; skipping the browser test (set CHAT_BROWSER_TESTS=required to fail instead)");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=1200,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theAnswerStreamsInFragmentByFragmentWithItsSpaces() {
		send("tell me a story", "");
		WebElement answer = wait(By.cssSelector("li.assistant.done"));
		assertThat(answer.getText()).isEqualTo("Echo from the offline demo provider: tell me a story");
		assertThat(Integer.parseInt(answer.getDomAttribute("data-fragments"))).isGreaterThan(5);
		assertThat(browser.findElements(By.cssSelector("li.error"))).isEmpty();
	}

	@Test
	void aWeatherQuestionShowsTheToolItCalled() throws IOException {
		send("What's the weather in Paris?", "demo");
		WebElement tool = wait(By.cssSelector("li.tool"));
		assertThat(tool.getText()).contains("get_current_weather").contains("Paris");
		assertThat(browser.findElement(By.cssSelector("li.assistant.done")).getText()).contains("Paris");
		// the README's picture of the page (docs/images/chat-page.png) is this one
		Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
				Path.of("target", "chat-page.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void aFailingProviderShowsItsProblem() {
		send("hello", "broken");
		WebElement error = wait(By.cssSelector("li.error"));
		assertThat(error.getText()).contains("broken").contains("could not be reached");
	}

	@Test
	void anUnknownProviderShowsTheBadRequest() {
		send("hello", "nope");
		WebElement error = wait(By.cssSelector("li.error"));
		assertThat(error.getText()).contains("Bad chat request").contains("nope");
	}

	private void send(String message, String provider) {
		browser.get("http://127.0.0.1:" + this.port + "/");
		wait(By.id("message"));
		browser.findElement(By.id("provider")).sendKeys(provider);
		browser.findElement(By.id("message")).sendKeys(message);
		browser.findElement(By.id("send")).click();
		List<WebElement> user = browser.findElements(By.cssSelector("li.user"));
		assertThat(user).extracting(WebElement::getText).containsExactly(message);
	}

	private static WebElement wait(By element) {
		return new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

}

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

package dev.chatstarter.autoconfigure.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;

import dev.chatstarter.autoconfigure.health.ChatHealthProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the documented defaults of the {@code chat.health.*} and
 * {@code chat.observations.*} properties in step with the code (the provider-level
 * {@code health.probe} is checked by {@code ConfigurationDocumentationTests}).
 */
class ObservabilityPropertiesDocumentationTests {

	private static final Path DOCUMENTATION = Path.of("..", "docs", "configuration.md");

	private final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	@Test
	void documentedDefaultsAreTheRealOnes() throws IOException {
		Map<String, String> defaults = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DOCUMENTATION)) {
			if (line.startsWith("| `chat.health.") || line.startsWith("| `chat.observations.")) {
				String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
				defaults.put(cells[0].trim().replace("`", ""), cells[2].trim());
			}
		}
		assertThat(defaults).containsOnlyKeys("chat.health.timeout", "chat.health.cache-ttl",
				"chat.observations.log-prompts", "chat.observations.log-completions");
		Map<String, BeanWrapper> concerns = Map.of("chat.health.", new BeanWrapperImpl(new ChatHealthProperties()),
				"chat.observations.", new BeanWrapperImpl(new ChatObservationProperties()));
		defaults.forEach((name, documented) -> {
			String prefix = name.substring(0, name.indexOf('.', "chat.".length()) + 1);
			BeanWrapper properties = concerns.get(prefix);
			String path = camelCase(name.substring(prefix.length()));
			Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(properties.getPropertyType(path));
			assertThat(documented).as(name).startsWith("`").endsWith("`");
			assertThat(this.conversion.convert(documented.substring(1, documented.length() - 1), type)).as(name)
				.isEqualTo(properties.getPropertyValue(path));
		});
	}

	private static String camelCase(String dashed) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char character : dashed.toCharArray()) {
			if (character == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(character) : character);
				upper = false;
			}
		}
		return result.toString();
	}

}

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

package dev.chatstarter.core.tool;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ToolDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ToolRegistryTests {

	private final ToolRegistry registry = ToolRegistry.of(all(new WeatherTools(), new ToolCallbacksTests.TwoTools()));

	@Test
	void getByName() {
		assertThat(this.registry.get("alpha")).map(ToolCallback::name).contains("alpha");
		assertThat(this.registry.get("gamma")).isEmpty();
	}

	@Test
	void allAndNamesKeepRegistrationOrder() {
		assertThat(this.registry.names()).containsExactly("get_current_weather", "alpha", "beta");
		assertThat(this.registry.all()).extracting(ToolCallback::name)
			.containsExactly("get_current_weather", "alpha", "beta");
		assertThat(this.registry.isEmpty()).isFalse();
		assertThat(ToolRegistry.empty().isEmpty()).isTrue();
	}

	@Test
	void resolveKeepsTheOrderOfTheNames() {
		assertThat(this.registry.resolve(List.of("beta", "get_current_weather", "beta"))).extracting(ToolCallback::name)
			.containsExactly("beta", "get_current_weather");
	}

	@Test
	void resolveFailsForUnknownNamesListingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.resolve(List.of("alpha", "gamma", "delta")))
			.withMessage("Unknown tools [gamma, delta]; known tools: [get_current_weather, alpha, beta]");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolRegistry.empty().resolve(List.of("gamma")))
			.withMessageContaining("Unknown tool [gamma]")
			.withMessageContaining("none");
	}

	@Test
	void definitionsAreTheCallbacksDefinitions() {
		List<ToolDefinition> definitions = this.registry.definitions(List.of("get_current_weather"));
		assertThat(definitions).singleElement()
			.isSameAs(this.registry.get("get_current_weather").orElseThrow().definition());
	}

	@Test
	void duplicateNamesAcrossBeansNameBothMethods() {
		List<ToolCallback> callbacks = all(new WeatherTools(), new OtherWeatherTools());
		assertThatExceptionOfType(ToolDeclarationException.class).isThrownBy(() -> ToolRegistry.of(callbacks))
			.withMessageContaining("Two tools are named 'get_current_weather'")
			.withMessageContaining("WeatherTools.currentWeather(String, Unit)")
			.withMessageContaining("OtherWeatherTools.weather(String)")
			.withMessageContaining("unique across all beans");
	}

	private static List<ToolCallback> all(Object... beans) {
		List<ToolCallback> callbacks = new ArrayList<>();
		for (Object bean : beans) {
			callbacks.addAll(ToolCallbacks.fromBean(bean));
		}
		return callbacks;
	}

	static class OtherWeatherTools {

		@ChatTool(name = "get_current_weather")
		String weather(String city) {
			return city;
		}

	}

}

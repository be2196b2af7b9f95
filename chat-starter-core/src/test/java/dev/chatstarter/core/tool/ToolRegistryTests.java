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

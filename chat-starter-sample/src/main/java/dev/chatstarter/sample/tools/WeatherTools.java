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

package dev.chatstarter.sample.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolParam;

/**
 * The weather tool every chat endpoint of the sample offers. It answers from a small
 * fixed table, so the sample is deterministic: replace it with a call to a real weather
 * service in your application.
 */
@Component
public class WeatherTools {

	/**
	 * The tool's name, as the model calls it.
	 */
	public static final String GET_CURRENT_WEATHER = "get_current_weather";

	/**
	 * Return the current weather of a city.
	 * @param location the city
	 * @param unit the temperature unit, Celsius when not given
	 * @return the weather
	 */
	@ChatTool(name = GET_CURRENT_WEATHER, description = "获取指定位置的当前天气 (Get the current weather of a city)")
	public Weather currentWeather(@ToolParam(description = "城市名称 (city name)") String location,
			@ToolParam(description = "Temperature unit", required = false) @Nullable Unit unit) {
		Unit chosen = (unit != null) ? unit : Unit.CELSIUS;
		int celsius = 12 + Math.floorMod(location.trim().toLowerCase(java.util.Locale.ROOT).hashCode(), 18);
		int temperature = (chosen == Unit.CELSIUS) ? celsius : Math.round(celsius * 9 / 5f + 32);
		return new Weather(location.trim(), temperature, chosen, "sunny");
	}

	/**
	 * A temperature unit.
	 */
	public enum Unit {

		/** Degrees Celsius. */
		@JsonProperty("celsius")
		CELSIUS,

		/** Degrees Fahrenheit. */
		@JsonProperty("fahrenheit")
		FAHRENHEIT

	}

	/**
	 * The weather of a city.
	 *
	 * @param location the city
	 * @param temperature the temperature in the unit
	 * @param unit the unit
	 * @param conditions the sky
	 */
	public record Weather(String location, int temperature, Unit unit, String conditions) {
	}

}

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

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The seed 000 weather tool.
 */
class WeatherTools {

	@ChatTool(name = "get_current_weather", description = "获取指定位置的当前天气")
	Weather currentWeather(@ToolParam(description = "城市名称") String location, @Nullable Unit unit) {
		return new Weather(location, 21, (unit != null) ? unit : Unit.CELSIUS);
	}

	enum Unit {

		@JsonProperty("celsius")
		CELSIUS,

		@JsonProperty("fahrenheit")
		FAHRENHEIT

	}

	record Weather(String location, int temperature, Unit unit) {
	}

}

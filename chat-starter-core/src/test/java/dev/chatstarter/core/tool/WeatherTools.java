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

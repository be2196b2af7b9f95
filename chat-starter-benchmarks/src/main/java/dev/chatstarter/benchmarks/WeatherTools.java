package dev.chatstarter.benchmarks;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolParam;

/**
 * The one tool of the tool-call round trip.
 */
public class WeatherTools {

	/**
	 * The weather of a city.
	 * @param city the city
	 * @return the weather
	 */
	@ChatTool(name = "get_weather", description = "Current weather of a city")
	public String getWeather(@ToolParam(description = "the city") String city) {
		return weather(city);
	}

	static String weather(String city) {
		return "Sunny, 21 C in " + city;
	}

}

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

package dev.chatstarter.test;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes a question about the weather and the place it is about, in English or
 * Chinese, for the demo provider's {@code get_current_weather} tool calls.
 */
final class WeatherQuestion {

	private static final String[] WEATHER_WORDS = { "weather", "temperature", "天气", "气温" };

	private static final String[] FAHRENHEIT_WORDS = { "fahrenheit", "°f", "华氏" };

	/**
	 * Well-known cities: Chinese name, English name (matched as whole words, in any
	 * case).
	 */
	private static final String[][] CITIES = { { "北京", "Beijing" }, { "上海", "Shanghai" }, { "广州", "Guangzhou" },
			{ "深圳", "Shenzhen" }, { "杭州", "Hangzhou" }, { "成都", "Chengdu" }, { "南京", "Nanjing" }, { "武汉", "Wuhan" },
			{ "西安", "Xi'an" }, { "重庆", "Chongqing" }, { "天津", "Tianjin" }, { "苏州", "Suzhou" }, { "香港", "Hong Kong" },
			{ "东京", "Tokyo" }, { "伦敦", "London" }, { "巴黎", "Paris" }, { "纽约", "New York" }, { "柏林", "Berlin" },
			{ "旧金山", "San Francisco" }, { "悉尼", "Sydney" } };

	private static final Pattern[] CITY_PATTERNS = new Pattern[CITIES.length];

	static {
		for (int i = 0; i < CITIES.length; i++) {
			CITY_PATTERNS[i] = Pattern.compile("\\b" + Pattern.quote(CITIES[i][1].toLowerCase(Locale.ROOT)) + "\\b");
		}
	}

	private static final Pattern ENGLISH_PLACE = Pattern
		.compile("\\b(?:[Ii]n|[Aa]t|[Ff]or|[Oo]f)\\s+([\\p{L}][\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*)");

	private static final Set<String> NOT_PLACES = Set.of("the", "a", "an", "today", "tomorrow", "now", "this", "that",
			"my", "your", "our", "here", "there", "celsius", "fahrenheit", "me", "us", "it", "degrees", "weather",
			"temperature");

	private static final Pattern CHINESE_PREFIX = Pattern.compile("^(?:请问|请|帮我|帮忙|查询|查一下|查|告诉我|我想知道|今天|明天|现在|目前)+");

	private static final Pattern CHINESE_PLACE = Pattern.compile("^(\\p{IsHan}{2,8}?)(?:今天|明天|现在|目前|的|天气|气温)");

	private WeatherQuestion() {
	}

	/**
	 * Whether a message asks about the weather.
	 * @param message the user's message
	 * @return {@code true} when it mentions weather or temperature
	 */
	static boolean isAbout(String message) {
		return containsAny(message.toLowerCase(Locale.ROOT), WEATHER_WORDS);
	}

	/**
	 * Return the unit the message asks for.
	 * @param message the user's message
	 * @return {@code fahrenheit} when it says so, else {@code celsius}
	 */
	static String unit(String message) {
		return containsAny(message.toLowerCase(Locale.ROOT), FAHRENHEIT_WORDS) ? "fahrenheit" : "celsius";
	}

	/**
	 * Find the place a weather question is about: a well-known city, a capitalized place
	 * after "in", a Chinese place name before 天气, else the whole message.
	 * @param message the user's message
	 * @return the place
	 */
	static String location(String message) {
		String city = firstKnownCity(message);
		if (city != null) {
			return city;
		}
		Matcher english = ENGLISH_PLACE.matcher(message);
		while (english.find()) {
			String place = english.group(1);
			String firstWord = place.split("\\s+")[0].toLowerCase(Locale.ROOT);
			if (!NOT_PLACES.contains(firstWord)) {
				return stripTrailingPunctuation(place);
			}
		}
		String chinese = CHINESE_PREFIX.matcher(message.strip()).replaceFirst("");
		Matcher place = CHINESE_PLACE.matcher(chinese);
		if (place.find()) {
			return place.group(1);
		}
		return message.strip();
	}

	/**
	 * The well-known city mentioned first, in the language it is mentioned in.
	 * @param message the user's message
	 * @return the city's Chinese or English name, whichever the message uses, or
	 * {@code null} if it mentions no well-known city
	 */
	private static @Nullable String firstKnownCity(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		@Nullable String found = null;
		int foundAt = Integer.MAX_VALUE;
		for (int i = 0; i < CITIES.length; i++) {
			String[] names = CITIES[i];
			int chinese = message.indexOf(names[0]);
			if (chinese >= 0 && chinese < foundAt) {
				found = names[0];
				foundAt = chinese;
			}
			Matcher english = CITY_PATTERNS[i].matcher(lower);
			if (english.find() && english.start() < foundAt) {
				found = names[1];
				foundAt = english.start();
			}
		}
		return found;
	}

	private static String stripTrailingPunctuation(String place) {
		String result = place;
		while (!result.isEmpty() && ".'-".indexOf(result.charAt(result.length() - 1)) >= 0) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	private static boolean containsAny(String text, String[] words) {
		for (String word : words) {
			if (text.contains(word)) {
				return true;
			}
		}
		return false;
	}

}

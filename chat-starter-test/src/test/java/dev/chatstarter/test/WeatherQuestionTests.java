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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WeatherQuestion}.
 */
class WeatherQuestionTests {

	@Test
	void recognizesWeatherQuestions() {
		assertThat(WeatherQuestion.isAbout("What's the WEATHER like?")).isTrue();
		assertThat(WeatherQuestion.isAbout("What is the temperature outside?")).isTrue();
		assertThat(WeatherQuestion.isAbout("上海天气")).isTrue();
		assertThat(WeatherQuestion.isAbout("现在气温多少")).isTrue();
		assertThat(WeatherQuestion.isAbout("Tell me a joke")).isFalse();
	}

	@Test
	void findsThePlace() {
		assertThat(WeatherQuestion.location("What's the weather in paris today?")).isEqualTo("Paris");
		assertThat(WeatherQuestion.location("Is it colder in London than in Tokyo? weather")).isEqualTo("London");
		assertThat(WeatherQuestion.location("北京今天天气怎么样")).isEqualTo("北京");
		assertThat(WeatherQuestion.location("请问合肥的天气")).isEqualTo("合肥");
		assertThat(WeatherQuestion.location("Weather in Salt Lake City, please")).isEqualTo("Salt Lake City");
		assertThat(WeatherQuestion.location("weather for the weekend")).isEqualTo("weather for the weekend");
	}

	@Test
	void unit() {
		assertThat(WeatherQuestion.unit("temperature in °F")).isEqualTo("fahrenheit");
		assertThat(WeatherQuestion.unit("华氏温度")).isEqualTo("fahrenheit");
		assertThat(WeatherQuestion.unit("weather")).isEqualTo("celsius");
	}

}

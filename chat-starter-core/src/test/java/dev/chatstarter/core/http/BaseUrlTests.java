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

package dev.chatstarter.core.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BaseUrlTests {

	@ParameterizedTest
	@CsvSource({ "https://api.kuaiai.app, https://api.kuaiai.app/v1",
			"https://api.kuaiai.app/, https://api.kuaiai.app/v1",
			"https://api2.aigcbest.top/v1, https://api2.aigcbest.top/v1",
			"https://api2.aigcbest.top/v1/, https://api2.aigcbest.top/v1",
			"https://open.bigmodel.cn/api/paas/v4, https://open.bigmodel.cn/api/paas/v4",
			"https://open.bigmodel.cn/api/paas/v4/, https://open.bigmodel.cn/api/paas/v4",
			"http://127.0.0.1:8080, http://127.0.0.1:8080/v1", "' https://www.lalc.ltd ', https://www.lalc.ltd/v1" })
	void resolvesToTheV1Root(String configured, String expected) {
		assertThat(BaseUrl.resolve(configured)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.openai.com/v1", "ftp://host/v1", "https://", "not a url", "http:///v1" })
	void rejectsWhatIsNotAnHttpUrl(String configured) {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.resolve(configured))
			.withMessageContaining(configured.trim().isEmpty() ? "" : "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://user:PASS@host/v1?key=QUERY", "http://user:PASS@/v1?key=QUERY",
			"http://user:PASS@host name/v1?key=QUERY" })
	void parseFailuresShowNoUserInfoOrQuery(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> BaseUrl.parse(url))
			.withMessageNotContaining("PASS")
			.withMessageNotContaining("QUERY");
	}

}

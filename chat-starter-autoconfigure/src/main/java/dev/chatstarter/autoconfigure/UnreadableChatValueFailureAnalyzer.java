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

package dev.chatstarter.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.util.unit.DataSize;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

/**
 * Reports a {@code chat.*} duration or size that cannot be read (e.g.
 * {@code connect-timeout: ten seconds}) in the starter's format, naming the formats that
 * work. Other unreadable values keep Spring Boot's report, which lists an enum's values.
 * Only durations and sizes are reported here, so a value shown is never a secret.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UnreadableChatValueFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		Class<?> type = cause.getTarget().getType().resolve();
		if (property == null || !cause.getName().toString().startsWith(ChatProperties.PREFIX + ".")
				|| findCause(cause, ConversionFailedException.class) == null
				|| (type != Duration.class && type != DataSize.class)) {
			return null;
		}
		String name = cause.getName().toString();
		String origin = (property.getOrigin() != null) ? property.getOrigin().toString() : null;
		String value = String.valueOf(property.getValue()).trim();
		Problem problem = (type == Duration.class)
				? new Problem(name, origin, name + " is '" + value + "', which is not a duration.",
						"Write " + name + " with a unit, e.g. 500ms, 10s or 2m (or ISO-8601 PT10S); a bare number "
								+ "means seconds.")
				: new Problem(name, origin, name + " is '" + value + "', which is not a size.",
						"Write " + name + " with a unit, e.g. 512KB or 16MB; a bare number means bytes.");
		return InvalidChatConfigurationFailureAnalyzer.report(List.of(problem), cause);
	}

}

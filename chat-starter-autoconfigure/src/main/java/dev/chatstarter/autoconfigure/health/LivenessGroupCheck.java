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

package dev.chatstarter.autoconfigure.health;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Warns at startup when the application puts the {@code chat} health contributor into the
 * {@code liveness} group: Kubernetes restarts a pod whose liveness is {@code DOWN}, which
 * cures no provider outage and restarts every pod at once.
 */
final class LivenessGroupCheck {

	static final String LIVENESS_INCLUDE = "management.endpoint.health.group.liveness.include";

	private static final Logger logger = LoggerFactory.getLogger(LivenessGroupCheck.class);

	private LivenessGroupCheck() {
	}

	static void warnIfChatIsInLiveness(Environment environment) {
		Set<String> included = Binder.get(environment)
			.bind(LIVENESS_INCLUDE, Bindable.setOf(String.class))
			.orElse(Set.of());
		if (included.stream().map(String::trim).anyMatch(LivenessGroupCheck::includesChat)) {
			logger.warn("{} includes the chat health contributor: Kubernetes restarts a pod whose liveness is DOWN, "
					+ "which cures no provider outage and restarts every pod at once. Leave chat out of liveness; "
					+ "put it in readiness (management.endpoint.health.group.readiness.include=readinessState,chat) "
					+ "if a pod that cannot answer chat calls should get no traffic.", LIVENESS_INCLUDE);
		}
	}

	private static boolean includesChat(String member) {
		return member.equals("*") || member.equals("chat") || member.startsWith("chat/");
	}

}

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

import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a startup failure through every {@link FailureAnalyzer} registered in
 * {@code META-INF/spring.factories}, in the order Spring Boot uses, and returns the first
 * analysis, as Spring Boot would print it.
 */
final class FailureAnalyses {

	private FailureAnalyses() {
	}

	static FailureAnalysis analyze(Throwable failure, String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties) {
			int separator = property.indexOf('=');
			environment.setProperty(property.substring(0, separator), property.substring(separator + 1));
		}
		return analyze(failure, environment);
	}

	static FailureAnalysis analyze(Throwable failure, Environment environment) {
		assertThat(failure).as("startup failure").isNotNull();
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, environment);
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, FailureHandler.logging(LogFactory.getLog(FailureAnalyses.class)));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure);
	}

}

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

package dev.chatstarter.autoconfigure.aot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;

/**
 * The application {@link SpringApplicationAotProcessingTests} processes as
 * {@code spring-boot:process-aot} processes a {@code main} class (a top-level class:
 * Spring Boot looks its generated initializer up by the class name).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(ChatAutoConfiguration.class)
public class AotApplication {

	@Bean
	OrderTools orderTools() {
		return new OrderTools();
	}

	public static void main(String[] args) {
		SpringApplication.run(AotApplication.class, args);
	}

}

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

package dev.chatstarter.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contenders of one scenario, each started in its own JVM by name against one stub
 * URL; a contender that cannot be created is reported and left out. Closing the group
 * ends them all.
 */
final class ContenderGroup implements AutoCloseable {

	private final Map<String, ContenderProcess> contenders = new LinkedHashMap<>();

	/**
	 * Create the contenders.
	 * @param names the contenders' names, in the order they are measured
	 * @param baseUrl the stub's URL the contenders send to, without {@code /v1}
	 */
	ContenderGroup(List<String> names, String baseUrl) {
		for (String name : names) {
			try {
				this.contenders.put(name, ContenderProcess.start(name, baseUrl));
			}
			catch (Throwable ex) {
				System.out.println("  " + name + " cannot be created: " + ex);
			}
		}
	}

	/**
	 * End and leave out the contenders that do not implement an operation.
	 * @param operation the operation the scenario measures
	 */
	void retain(Operation operation) {
		this.contenders.values().removeIf((contender) -> {
			if (!contender.supports(operation)) {
				contender.close();
				return true;
			}
			return false;
		});
	}

	/**
	 * The contenders in the group.
	 * @return their names, in their order
	 */
	Set<String> names() {
		return this.contenders.keySet();
	}

	/**
	 * A contender of the group.
	 * @param name its name
	 * @return the contender
	 */
	ContenderProcess get(String name) {
		return this.contenders.get(name);
	}

	@Override
	public void close() {
		this.contenders.values().forEach(ContenderProcess::close);
	}

}

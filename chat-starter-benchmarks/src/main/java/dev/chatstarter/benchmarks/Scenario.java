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

/**
 * One scenario of the report: it measures the run's contenders, appends its section to
 * the report and records what the targets need.
 */
interface Scenario {

	/**
	 * The scenario's name, as {@code --scenarios} gives it.
	 * @return the name, such as {@code blocking}
	 */
	String name();

	/**
	 * Measure the contenders and append the section.
	 * @param context the options, the stub, the report and the targets of the run
	 * @throws Exception if the scenario cannot be run
	 */
	void run(ScenarioContext context) throws Exception;

}

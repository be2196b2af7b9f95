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

package dev.chatstarter.sample.math;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The step-by-step solution of an equation, as in the structured-output example of the
 * seed provider documentation: the JSON schema sent to the model has {@code steps} and
 * {@code final_answer}.
 *
 * @param steps the steps
 * @param finalAnswer the answer
 */
public record MathSolution(List<Step> steps, @JsonProperty("final_answer") String finalAnswer) {

	/**
	 * One step of a solution.
	 *
	 * @param explanation what the step does
	 * @param output the equation after the step
	 */
	public record Step(String explanation, String output) {
	}

}

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

package dev.chatstarter.sample.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.chatstarter.sample.math.MathSolution;

/**
 * Solves an equation through structured output: the model is asked for a
 * {@link MathSolution} and its JSON answer is parsed into one.
 */
@RestController
public class MathController {

	private final ProviderSelector providers;

	public MathController(ProviderSelector providers) {
		this.providers = providers;
	}

	/**
	 * Solve an equation step by step.
	 * @param equation the equation, e.g. {@code 8x + 31 = 2}
	 * @param provider the provider to ask, the default one when not given
	 * @return the steps and the final answer
	 */
	@GetMapping(path = "/solve", produces = MediaType.APPLICATION_JSON_VALUE)
	public MathSolution solve(@RequestParam(required = false) @Nullable String equation,
			@RequestParam(required = false) @Nullable String provider) {
		InputLimits.requireText(equation, "The equation must not be blank: pass ?equation=8x+%2B+31+%3D+2", provider);
		return this.providers.select(provider)
			.prompt()
			.system("你是一个数学老师 (You are a math teacher). Solve the equation step by step.")
			.user("求解方程: " + equation.trim())
			.call()
			.entity(MathSolution.class);
	}

}

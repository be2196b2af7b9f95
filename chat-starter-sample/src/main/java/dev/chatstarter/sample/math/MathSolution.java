package dev.chatstarter.sample.math;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The step-by-step solution of an equation, as in the structured-output example of the seed provider documentation:
 * the JSON schema sent to the model has {@code steps} and {@code final_answer}.
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

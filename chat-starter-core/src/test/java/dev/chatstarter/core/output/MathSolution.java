package dev.chatstarter.core.output;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seed 000 math example, with a Java-named field mapped to {@code final_answer}.
 */
public record MathSolution(List<Step> steps, @JsonProperty("final_answer") String finalAnswer) {

	public record Step(String explanation, String output) {
	}

}

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

package dev.chatstarter.autoconfigure.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.chatstarter.core.error.ChatException;

/**
 * Answers a {@link ChatException} that a controller throws (or a reactive controller
 * emits) with an {@code application/problem+json} response described by
 * {@link ChatProblemDetails}, in Spring MVC and WebFlux alike, instead of a bare
 * {@code 500}. It has the lowest precedence, so the application's own
 * {@code @ControllerAdvice} handlers come first: one that handles {@code ChatException}
 * or any supertype of it ({@code Exception}) wins. Auto-configured unless
 * {@code chat.web.problem-details.enabled=false}; a bean of this type replaces it. The
 * failure's message (keys already redacted) is logged at {@code WARN}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ChatExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ChatExceptionHandler.class);

	/**
	 * Answer a failure.
	 * @param failure the failure
	 * @return the problem response
	 */
	@ExceptionHandler(ChatException.class)
	public ResponseEntity<ProblemDetail> handleChatException(ChatException failure) {
		logger.warn("Chat call failed: {}", failure.getMessage());
		ProblemDetail problem = ChatProblemDetails.of(failure);
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

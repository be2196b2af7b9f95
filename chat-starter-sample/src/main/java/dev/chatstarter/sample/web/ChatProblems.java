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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the sample's own failures into RFC 9457 problem responses
 * ({@code application/problem+json}): {@code 400} for a bad request (blank or too long
 * message, unknown provider, refused image URL, {@code n} or {@code size} out of range),
 * with a {@code provider} property, and Spring MVC's own failures as Spring describes
 * them. Provider failures ({@code ChatException}) are left to the starter's
 * auto-configured {@link dev.chatstarter.autoconfigure.web.ChatExceptionHandler}:
 * {@code 429}, {@code 504} or {@code 502} with the provider's message.
 */
@RestControllerAdvice
public class ChatProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(BadChatRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(BadChatRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad chat request");
		problem.setProperty("provider", ex.getProvider());
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

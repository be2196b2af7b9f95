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

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.tool.ToolExecutionException;

/**
 * Describes a {@link ChatException} as an RFC 9457 problem: {@code 429} when the provider
 * still rate-limits after the retries, {@code 504} on a timeout, {@code 500} when one of
 * the application's own tools failed and {@code 502} for every other provider failure
 * (the request the application sent was rejected, the key was refused, the provider
 * failed or answered nonsense). The problem carries the provider's own message, already
 * redacted of keys and capped by the exception, and the properties {@code provider},
 * {@code kind} (the exception's simple class name), {@code providerStatus},
 * {@code providerCode} and {@code tool} when known. A failure the provider did not answer
 * (a connection failure, a timeout) and a tool failure are described in general terms
 * only, since their messages may name an internal URL or the application's internals.
 */
public final class ChatProblemDetails {

	private ChatProblemDetails() {
	}

	/**
	 * Return the HTTP status that answers a failure.
	 * @param failure the failure
	 * @return the status
	 */
	public static HttpStatus statusOf(ChatException failure) {
		if (failure instanceof ChatRateLimitException) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (failure instanceof ChatTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (failure instanceof ToolExecutionException) {
			return HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return HttpStatus.BAD_GATEWAY;
	}

	/**
	 * Describe a failure as a problem.
	 * @param failure the failure
	 * @return a new problem
	 */
	public static ProblemDetail of(ChatException failure) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(failure), publicDetail(failure));
		problem.setTitle(titleOf(failure));
		problem.setProperty("provider", failure.getProvider());
		problem.setProperty("kind", failure.getClass().getSimpleName());
		if (failure.getStatusCode() > 0) {
			problem.setProperty("providerStatus", failure.getStatusCode());
		}
		if (failure.getErrorCode() != null) {
			problem.setProperty("providerCode", failure.getErrorCode());
		}
		if (failure instanceof ToolExecutionException toolFailure && toolFailure.getToolName() != null) {
			problem.setProperty("tool", toolFailure.getToolName());
		}
		return problem;
	}

	private static String titleOf(ChatException failure) {
		if (failure instanceof ChatRateLimitException) {
			return "Provider rate limit";
		}
		if (failure instanceof ChatTimeoutException) {
			return "Provider timeout";
		}
		if (failure instanceof ToolExecutionException) {
			return "Tool failure";
		}
		return "Provider failure";
	}

	/**
	 * The detail a client may see: the provider's own message when it answered, else what
	 * kind of failure it was.
	 * @param failure the failure
	 * @return the detail, without secrets
	 */
	private static String publicDetail(ChatException failure) {
		String provider = failure.getProvider();
		if (failure instanceof ToolExecutionException) {
			return "A tool of the application failed while provider '" + provider + "' was answering";
		}
		if (failure.getStatusCode() == 0 && failure instanceof ChatConnectionException) {
			return "Provider '" + provider + "' could not be reached";
		}
		if (failure.getStatusCode() == 0 && failure instanceof ChatTimeoutException) {
			return "Provider '" + provider + "' did not answer in time";
		}
		return failure.getMessage();
	}

}

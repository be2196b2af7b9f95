/**
 * The exception hierarchy and the one place that maps provider failures onto it: {@link ProviderErrorParser}
 * recognises every error body shape, {@link ChatErrorMapper} classifies failed responses, in-body errors, finish
 * reasons and transport failures, and {@link SecretRedactor} keeps API keys out of every message.
 */
@NullMarked
package dev.chatstarter.core.error;

import org.jspecify.annotations.NullMarked;

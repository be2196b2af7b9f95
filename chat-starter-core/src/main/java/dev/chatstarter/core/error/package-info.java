/**
 * The exception hierarchy and the one place that maps provider failures onto it: {@link ProviderErrorParser}
 * recognises every error body shape, {@link ChatErrorMapper} classifies failed responses, in-body errors, finish
 * reasons and transport failures, {@link SecretRedactor} keeps API keys and credential headers out of every message
 * (also escaped, encoded, case-changed or truncated echoes), and {@link ProviderText} keeps provider text on one line
 * and bounded. Every scan of provider text runs in linear time.
 */
@NullMarked
package dev.chatstarter.core.error;

import org.jspecify.annotations.NullMarked;

import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.error.ProviderErrorParser;
import dev.chatstarter.core.internal.error.SecretRedactor;
import dev.chatstarter.core.internal.text.ProviderText;

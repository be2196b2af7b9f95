/**
 * The /v1/models listing.
 */
@NullMarked
package dev.chatstarter.core.model;

import org.jspecify.annotations.NullMarked;

/**
 * The /v1/images/generations API.
 */
@NullMarked
package dev.chatstarter.core.image;

import org.jspecify.annotations.NullMarked;

package org.carereview.consult.core.crypto;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Settings under {@code consult.encryption} (ADR 0018).
 *
 * @param keys    the keys special-category data is sealed with, as {@code id:base64,id:base64} (each key 32 random
 *                bytes, base64; an id is 1 to 32 letters, digits, {@code -} or {@code _}); every key listed can open
 *                what it sealed, so an old key stays listed until the rotation command has re-sealed its values
 * @param current the id of the key new values are sealed with; unset: the first key listed
 */
@ConfigurationProperties("consult.encryption")
public record EncryptionConfiguration(@Nullable String keys, @Nullable String current) {
}

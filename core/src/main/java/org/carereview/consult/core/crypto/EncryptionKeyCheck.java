package org.carereview.consult.core.crypto;

import io.micronaut.context.annotation.Context;

/**
 * Refuses to start without a valid encryption key unless this is the demo mode (embedded database), like
 * {@code JwtSecretCheck}: the cipher reads its keys when it is made, so making it at start-up is the check.
 */
@Context
final class EncryptionKeyCheck {

    EncryptionKeyCheck(FieldCipher cipher) {
        // Constructing the cipher threw if the keys were missing or invalid with a real database.
    }
}

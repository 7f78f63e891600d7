package io.careroute.api.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.careroute.api.privacy.DataCipher;

/**
 * The plans' documents at rest (issue 19.2): a day's problem, its plan, route geometry, changes and events, a week's
 * document and days hold elders' names, phones, addresses, home coordinates and priority classes (health and
 * disability: sensitive under PIPL), so each is stored sealed with the data key, as the register is. The context binds
 * a ciphertext to its table, row and column: a sealed problem copied into another row does not open. A row stored
 * before sealing (plain JSON) still reads; the re-encryption ({@link StoredDocuments#reencrypt}) seals it.
 */
final class DocumentSealing {

    private final DataCipher cipher;

    DocumentSealing(DataCipher cipher) {
        this.cipher = cipher;
    }

    /** {@code problem:<id>:document}, {@code week_day:<week id>:<date>:routes}... */
    static String context(String table, String key, String column) {
        return table + ":" + key + ":" + column;
    }

    /** The document as JSON, sealed with the current key; null stays null. */
    String write(Object document, String context) {
        return cipher.seal(JsonText.write(document), context).text();
    }

    <T> T read(String stored, String context, Class<T> type) {
        return JsonText.read(cipher.open(stored, context), type);
    }

    <T> T read(String stored, String context, TypeReference<T> type) {
        return JsonText.read(cipher.open(stored, context), type);
    }

    DataCipher cipher() {
        return cipher;
    }
}
